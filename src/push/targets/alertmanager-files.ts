/**
 * Alertmanager by config file (contract §6): write the file, `POST /-/reload` (no flag needed),
 * then read `/api/v2/status` and compare `config.original` with what was written. A file without
 * our marker line is not replaced unless `--adopt`; the config is never pruned, because an
 * Alertmanager without a config does not start.
 */
import path from 'node:path';
import YAML from 'yaml';
import { kinds } from '../../compile/kinds.ts';
import { toYaml } from '../../emit/serialize.ts';
import type { Resource } from '../../model/resource.ts';
import { formatSource } from '../../model/source.ts';
import { containsDocument, normalise } from '../../plan/normalise.ts';
import { decide, type PlanItem } from '../../plan/plan.ts';
import { expectStatus } from '../http.ts';
import { PushError } from '../errors.ts';
import { hasFileMarker, withFileMarker } from '../ownership.ts';
import { readIfExists, restore, writeAtomic, type FileState } from './files.ts';
import { pushedKinds } from '../config.ts';
import type { Adapter, AdapterContext, ItemFailure } from './types.ts';

const amRules = {
  durationKeys: ['resolve_timeout', 'group_wait', 'group_interval', 'repeat_interval', 'timeout'],
};

/** An Alertmanager config normalised for comparison. */
export function alertmanagerDocument(config: unknown): unknown {
  return normalise(config, amRules);
}

/** The config object of a resource whose body is a document or YAML text. */
export function configOf(resource: Resource): unknown {
  return typeof resource.body === 'string' ? YAML.parse(resource.body) : resource.body;
}

/**
 * The plan item of an Alertmanager config, whichever way it is stored (a file, the Mimir API):
 * live and local normalised alike, managed when the live text carries our marker. Returns the
 * text to write, with the marker.
 */
export function planAlertmanagerConfig(
  resource: Resource,
  key: string,
  liveText: string | undefined,
  adopt: boolean,
): { item: PlanItem | undefined; text: string } {
  const item = decide(
    {
      target: 'alertmanager',
      kind: 'config',
      key,
      order: kinds['alertmanager-config'].order,
      live: liveText === undefined ? undefined : alertmanagerDocument(YAML.parse(liveText)),
      local: alertmanagerDocument(configOf(resource)),
      source: formatSource(resource.source),
    },
    liveText !== undefined && hasFileMarker(liveText),
    false,
    adopt,
  );
  return { item, text: withFileMarker(toYaml(configOf(resource))) };
}

export function alertmanagerFilesAdapter(context: AdapterContext, configFile: string): Adapter {
  const file = path.resolve(context.root, configFile);
  const key = path.basename(file);
  let text: string | undefined;
  let previous: FileState = { path: file, text: undefined };

  async function plan(local: Resource[]): Promise<PlanItem[]> {
    if (local.length > 1) {
      const ids = local.map((r) => r.id).join(', ');
      throw new PushError(`alertmanager: one config expected, ${local.length} defined (${ids})`);
    }
    const resource = local[0];
    const liveText = readIfExists(file);
    previous = { path: file, text: liveText };
    if (!resource) return [];
    const planned = planAlertmanagerConfig(resource, key, liveText, context.adopt);
    text = planned.text;
    return planned.item ? [planned.item] : [];
  }

  async function apply(): Promise<void> {
    writeAtomic(file, text!);
  }

  async function finish(applied: PlanItem[]): Promise<ItemFailure[]> {
    if (applied.length === 0) return [];
    const response = await context.client.request('POST', '/-/reload', {
      retryServerErrors: false,
    });
    if (response.status === 200) return [];
    restore(previous);
    const error = `reload refused the config, previous file restored: ${response.status} ${response.body.trim()}`;
    return applied.map((item) => ({ item, error }));
  }

  /**
   * Alertmanager prints its config back re-marshalled, with every default filled in, so the
   * check is that the running config holds everything we set.
   */
  async function verify(applied: PlanItem[]): Promise<ItemFailure[]> {
    if (applied.length === 0) return [];
    const response = await context.client.request('GET', '/api/v2/status');
    const status = JSON.parse(expectStatus(context.client, response, [200], 'read status').body);
    const original = (status as { config?: { original?: string } }).config?.original ?? '';
    const live = alertmanagerDocument(YAML.parse(original));
    return applied
      .filter((item) => !containsDocument(live, item.local))
      .map((item) => ({ item, error: 'the running config differs from the file written' }));
  }

  return { target: 'alertmanager', kinds: pushedKinds.alertmanager, plan, apply, finish, verify };
}
