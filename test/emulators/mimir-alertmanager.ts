/**
 * Emulator of Mimir's Alertmanager config API (Mimir HTTP API reference, "Get / Set / Delete
 * Alertmanager configuration"; not in the contract file): `GET /api/v1/alerts` answers 200 with
 * YAML `{template_files, alertmanager_config}` or 404 when the tenant has none, `POST` takes that
 * YAML and answers 201, `DELETE` answers 200; the tenant comes from `X-Scope-OrgID` (401 "no org
 * id" without it). The config text is stored exactly as sent. A config whose route names a
 * receiver that does not exist is refused with 400, as Mimir validates it before storing.
 */
import YAML from 'yaml';
import { Emulator, type RecordedRequest, type Reply } from './core.ts';

interface UserConfig {
  template_files: Record<string, string>;
  alertmanager_config: string;
}

export class MimirAlertmanagerEmulator extends Emulator {
  readonly configs = new Map<string, UserConfig>();

  protected route(request: RecordedRequest): Reply {
    if (request.path !== '/api/v1/alerts') return { status: 404, body: '404 page not found' };
    const tenant = request.headers['x-scope-orgid'];
    if (typeof tenant !== 'string' || !tenant) return { status: 401, body: 'no org id' };
    if (request.method === 'GET') {
      const config = this.configs.get(tenant);
      if (!config) return { status: 404, body: 'alertmanager storage object not found' };
      return { status: 200, body: YAML.stringify(config), contentType: 'application/yaml' };
    }
    if (request.method === 'DELETE') {
      this.configs.delete(tenant);
      return { status: 200, body: '' };
    }
    if (request.method === 'POST') return this.store(tenant, request.body);
    return { status: 405, body: 'method not allowed' };
  }

  private store(tenant: string, body: string): Reply {
    let config: Partial<UserConfig>;
    let parsed: { route?: { receiver?: string }; receivers?: { name: string }[] };
    try {
      config = YAML.parse(body) as Partial<UserConfig>;
      parsed = YAML.parse(config.alertmanager_config ?? '') ?? {};
    } catch (error) {
      return {
        status: 400,
        body: `error marshalling YAML Alertmanager config: ${(error as Error).message}`,
      };
    }
    const receiver = parsed.route?.receiver;
    if (!receiver) {
      return {
        status: 400,
        body: 'error validating Alertmanager config: root route must specify a default receiver',
      };
    }
    if (!(parsed.receivers ?? []).some((r) => r.name === receiver)) {
      return {
        status: 400,
        body: `error validating Alertmanager config: undefined receiver "${receiver}" used in route`,
      };
    }
    this.configs.set(tenant, {
      template_files: config.template_files ?? {},
      alertmanager_config: config.alertmanager_config ?? '',
    });
    return { status: 201, body: '' };
  }
}
