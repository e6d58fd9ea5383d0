/**
 * Emulator of the Mimir and Loki ruler config APIs (contract §5): YAML bodies in and out, one
 * group per POST (an upsert answered 202), `X-Scope-OrgID` required (401 "no org id"), 404 "no
 * rule groups found" for an empty list, "group does not exist" / "group namespace does not exist"
 * on missing deletes, plain-text errors, and — with `localStore` — Loki's read-only local rule
 * store answering 500 to every write. Durations are stored the way the servers print them
 * (`60s` comes back as `1m`), which is what push's normaliser has to see through.
 */
import YAML from 'yaml';
import { Emulator, segments, type RecordedRequest, type Reply } from './core.ts';

export interface RulerEmulatorOptions {
  flavour: 'mimir' | 'loki';
  /** Loki's `ruler.storage.type: local`: every write gives 500. */
  localStore?: boolean;
  /** Required bearer token. */
  token?: string;
}

interface Group {
  name: string;
  interval?: string;
  rules: Record<string, unknown>[];
  [key: string]: unknown;
}

const yaml = (body: unknown): Reply => ({
  status: 200,
  body: YAML.stringify(body),
  contentType: 'application/yaml',
});
const text = (status: number, body: string): Reply => ({ status, body });
const accepted: Reply = {
  status: 202,
  body: { status: 'success', data: null, errorType: '', error: '' },
};

const durationKeys = new Set(['interval', 'for', 'keep_firing_for', 'query_offset']);
const units: [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
  ['ms', 1],
];

/** Go's `model.Duration.String()`: largest units first; `0s` for zero. */
function goDuration(value: string): string {
  let ms = 0;
  for (const m of value.matchAll(/(\d+)(ms|y|w|d|h|m|s)/g)) {
    const n = Number(m[1]);
    ms +=
      m[2] === 'y'
        ? n * 365 * 86_400_000
        : m[2] === 'w'
          ? n * 7 * 86_400_000
          : n * units.find(([u]) => u === m[2])![1];
  }
  if (ms === 0) return '0s';
  let out = '';
  for (const [unit, size] of units) {
    if (ms >= size) {
      out += `${Math.floor(ms / size)}${unit}`;
      ms %= size;
    }
  }
  return out;
}

function respell(value: unknown, key?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => respell(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, respell(v, k)]));
  }
  return typeof value === 'string' && key && durationKeys.has(key) ? goDuration(value) : value;
}

export class RulerEmulator extends Emulator {
  /** tenant → namespace → group name → group. */
  readonly tenants = new Map<string, Map<string, Map<string, Group>>>();
  readonly basePath: string;

  constructor(private readonly options: RulerEmulatorOptions) {
    super();
    this.basePath =
      options.flavour === 'mimir' ? '/prometheus/config/v1/rules' : '/loki/api/v1/rules';
  }

  /** Groups of a tenant as `namespace/group` keys, for assertions. */
  keys(tenant: string): string[] {
    const namespaces = this.tenants.get(tenant) ?? new Map();
    return [...namespaces]
      .flatMap(([ns, groups]) => [...groups.keys()].map((g) => `${ns}/${g}`))
      .sort();
  }

  /** Store a group directly, as if someone else had posted it. */
  seed(tenant: string, namespace: string, group: Group): void {
    this.namespaces(tenant, true).set(
      namespace,
      this.namespaces(tenant).get(namespace) ?? new Map(),
    );
    this.namespaces(tenant)
      .get(namespace)!
      .set(group.name, respell(group) as Group);
  }

  private namespaces(tenant: string, create = false): Map<string, Map<string, Group>> {
    let found = this.tenants.get(tenant);
    if (!found) {
      found = new Map();
      if (create) this.tenants.set(tenant, found);
    }
    return found;
  }

  protected route(request: RecordedRequest): Reply {
    if (this.options.token && request.headers.authorization !== `Bearer ${this.options.token}`) {
      return text(401, 'unauthorized');
    }
    const base = this.basePath.split('/').filter(Boolean);
    const parts = segments(request);
    if (base.some((p, i) => parts[i] !== p)) return text(404, '404 page not found');
    const tenant = request.headers['x-scope-orgid'];
    if (typeof tenant !== 'string' || !tenant) return text(401, 'no org id');
    const [namespace, group, extra] = parts.slice(base.length);
    if (extra !== undefined) return text(404, '404 page not found');
    if (this.options.flavour === 'loki' && namespace && /(^|\/)\.\.(\/|$)/.test(namespace)) {
      return text(400, 'invalid namespace: path traversal not allowed');
    }
    const { method } = request;
    if (method === 'GET') return this.read(tenant, namespace, group);
    if (this.options.localStore) return text(500, 'SetRuleGroup unsupported in rule local store');
    if (method === 'POST' && namespace && group === undefined)
      return this.write(tenant, namespace, request.body);
    if (method === 'DELETE' && namespace) return this.remove(tenant, namespace, group);
    return text(405, 'method not allowed');
  }

  private read(tenant: string, namespace?: string, group?: string): Reply {
    const all = this.namespaces(tenant);
    if (group !== undefined) {
      const found = all.get(namespace!)?.get(group);
      return found ? yaml(found) : text(404, 'group does not exist');
    }
    const selected =
      namespace === undefined
        ? [...all]
        : all.has(namespace)
          ? [[namespace, all.get(namespace)!] as const]
          : [];
    const map: Record<string, Group[]> = {};
    for (const [ns, groups] of selected) if (groups.size) map[ns] = [...groups.values()];
    return Object.keys(map).length ? yaml(map) : text(404, 'no rule groups found');
  }

  private write(tenant: string, namespace: string, body: string): Reply {
    let group: Group;
    try {
      group = YAML.parse(body) as Group;
    } catch {
      return text(400, 'unable to decoded rule group');
    }
    if (!group || typeof group !== 'object' || Array.isArray(group) || 'groups' in group) {
      return text(400, 'unable to decoded rule group');
    }
    const problems = validate(group);
    if (problems.length) return text(400, problems.join(', '));
    const namespaces = this.namespaces(tenant, true);
    if (!namespaces.has(namespace)) namespaces.set(namespace, new Map());
    namespaces.get(namespace)!.set(group.name, respell(group) as Group);
    return accepted;
  }

  private remove(tenant: string, namespace: string, group?: string): Reply {
    const namespaces = this.namespaces(tenant);
    const groups = namespaces.get(namespace);
    if (group === undefined) {
      if (!groups) return text(404, 'group namespace does not exist');
      namespaces.delete(namespace);
      return accepted;
    }
    if (!groups?.has(group)) return text(404, 'group does not exist');
    groups.delete(group);
    if (groups.size === 0) namespaces.delete(namespace);
    return accepted;
  }
}

/** The rulefmt checks the rulers run: names, one of record/alert, an expr. */
function validate(group: Group): string[] {
  const problems: string[] = [];
  if (!group.name) problems.push('Groupname must not be empty');
  for (const [index, rule] of (group.rules ?? []).entries()) {
    const where = `group "${group.name}", rule ${index + 1}`;
    if (rule.record && rule.alert)
      problems.push(`${where}: only one of 'record' and 'alert' must be set`);
    if (!rule.record && !rule.alert)
      problems.push(`${where}: one of 'record' or 'alert' must be set`);
    if (!rule.expr) problems.push(`${where}: field 'expr' must be set in rule`);
    if (rule.record && (rule.annotations || rule.for)) {
      problems.push(`${where}: invalid field 'annotations' or 'for' in recording rule`);
    }
  }
  return problems;
}
