/**
 * Alertmanager through Mimir's Alertmanager config API: `GET /api/v1/alerts` (200 YAML
 * `{template_files, alertmanager_config: "<yaml text>"}`, 404 when the tenant has none),
 * `POST /api/v1/alerts` with the same YAML (201), the tenant in `X-Scope-OrgID`. Mimir stores the
 * config text as given, so our marker line at its top survives the round trip and marks it ours.
 * The config is never pruned, as in files mode.
 */
import YAML from 'yaml';
import { toYaml } from '../../emit/serialize.ts';
import type { Resource } from '../../model/resource.ts';
import type { PlanItem } from '../../plan/plan.ts';
import { PushError } from '../errors.ts';
import { expectStatus } from '../http.ts';
import { alertmanagerDocument, planAlertmanagerConfig } from './alertmanager-files.ts';
import { pushedKinds } from '../config.ts';
import type { Adapter, AdapterContext, ItemFailure } from './types.ts';

interface UserConfig {
  template_files?: Record<string, string>;
  alertmanager_config?: string;
}

const path = '/api/v1/alerts';

export function alertmanagerMimirAdapter(context: AdapterContext, tenant: string): Adapter {
  const client = context.client;
  const headers = { 'X-Scope-OrgID': tenant };
  let text: string | undefined;

  async function read(): Promise<UserConfig | undefined> {
    const response = await client.request('GET', path, { headers });
    if (response.status === 404) return undefined;
    const body = expectStatus(client, response, [200], 'read Alertmanager config').body;
    return (YAML.parse(body) as UserConfig | null) ?? undefined;
  }

  async function plan(local: Resource[]): Promise<PlanItem[]> {
    if (local.length > 1) {
      const ids = local.map((r) => r.id).join(', ');
      throw new PushError(`alertmanager: one config expected, ${local.length} defined (${ids})`);
    }
    const resource = local[0];
    if (!resource) return [];
    const live = await read();
    const liveText = live?.alertmanager_config;
    const planned = planAlertmanagerConfig(resource, `tenant ${tenant}`, liveText, context.adopt);
    text = planned.text;
    return planned.item ? [planned.item] : [];
  }

  async function apply(): Promise<void> {
    // Limitation: template files are not modelled yet; the config is sent without any.
    const body = toYaml({ template_files: {}, alertmanager_config: text });
    const response = await client.request('POST', path, {
      headers,
      body,
      contentType: 'application/yaml',
    });
    expectStatus(client, response, [201], 'write Alertmanager config');
  }

  async function verify(applied: PlanItem[]): Promise<ItemFailure[]> {
    if (applied.length === 0) return [];
    const live = await read();
    const liveText = live?.alertmanager_config;
    const doc = liveText === undefined ? undefined : alertmanagerDocument(YAML.parse(liveText));
    return applied
      .filter((item) => JSON.stringify(doc) !== JSON.stringify(item.local))
      .map((item) => ({ item, error: 'the stored config differs from what was pushed' }));
  }

  return { target: 'alertmanager', kinds: pushedKinds.alertmanager, plan, apply, verify };
}
