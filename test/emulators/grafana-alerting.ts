/**
 * The alert-rule part of the Grafana emulator (contract §3): provisioning API rule groups and the
 * rule list. Status codes as the contract gives them: group GET 200 / 404
 * `alerting.alert-rule.notFound`, group PUT 200 echoing the body and replacing the whole group
 * (rules left out are deleted), group DELETE 204, 400 for an interval that is not a positive
 * multiple of 10 s or a folder that does not exist. Provenance is `api` unless the request
 * carries `X-Disable-Provenance` (presence only); a group replace that would change provenance
 * other than api → none is refused.
 */
import { segments, type RecordedRequest, type Reply } from './core.ts';

export interface StoredRule extends Record<string, unknown> {
  uid: string;
  folderUID: string;
  ruleGroup: string;
  provenance: string;
}

const notFound: Reply = {
  status: 404,
  body: {
    statusCode: 404,
    messageId: 'alerting.alert-rule.notFound',
    message: 'could not find alert rule group',
  },
};

/** Settings Grafana never returns in clear text. */
const secureSettings = new Set(['integrationKey', 'password', 'token']);

export interface ContactPoint extends Record<string, unknown> {
  uid: string;
  name: string;
  type: string;
  settings: Record<string, unknown>;
}

export interface PolicyTree extends Record<string, unknown> {
  receiver?: string;
  routes?: PolicyTree[];
  mute_time_intervals?: string[];
}

/** Grafana's starting state: one email contact point and a tree routing everything to it. */
const defaultPoint: ContactPoint = {
  uid: 'default-email',
  name: 'grafana-default-email',
  type: 'email',
  settings: { addresses: '<example@email.com>' },
  disableResolveMessage: false,
  provenance: '',
};

export class AlertingStore {
  readonly rules = new Map<string, StoredRule>();
  readonly contactPoints = new Map<string, ContactPoint>([[defaultPoint.uid, { ...defaultPoint }]]);
  readonly muteTimings = new Map<string, Record<string, unknown>>();
  policies: PolicyTree = {
    receiver: 'grafana-default-email',
    group_by: ['grafana_folder', 'alertname'],
  };
  /** `folderUid/group` → interval in seconds. */
  readonly intervals = new Map<string, number>();
  private nextId = 1;

  constructor(private readonly folderExists: (uid: string) => boolean) {}

  /** The answer for a provisioning request, or undefined when the path is not one of ours. */
  route(request: RecordedRequest): Reply | undefined {
    const parts = segments(request);
    if (parts.slice(0, 3).join('/') !== 'api/v1/provisioning') return undefined;
    if (parts[3] === 'alert-rules' && parts.length === 4) {
      if (request.method === 'GET') return { status: 200, body: [...this.rules.values()] };
      if (request.method === 'POST') return this.createRule(request);
    }
    if (parts[3] === 'alert-rules' && parts.length === 5) {
      const uid = parts[4]!;
      if (request.method === 'GET') return this.getRule(uid);
      if (request.method === 'PUT') return this.updateRule(uid, request);
      if (request.method === 'DELETE') return this.deleteRule(uid, request);
    }
    if (parts[3] === 'contact-points') return this.contactPointRoute(request, parts[4]);
    if (parts[3] === 'mute-timings') return this.muteTimingRoute(request, parts[4]);
    if (parts[3] === 'policies' && parts.length === 4) return this.policyRoute(request);
    if (parts[3] === 'folder' && parts[5] === 'rule-groups' && parts.length === 7) {
      const [folder, group] = [parts[4]!, parts[6]!];
      if (request.method === 'GET') return this.read(folder, group);
      if (request.method === 'PUT') return this.replace(folder, group, request);
      if (request.method === 'DELETE') return this.remove(folder, group);
    }
    return { status: 404, body: { message: 'Not found' } };
  }

  private contactPointRoute(request: RecordedRequest, uid?: string): Reply {
    const { method } = request;
    if (method === 'GET' && uid === undefined) {
      const name = request.query.get('name');
      const all = [...this.contactPoints.values()].filter((p) => !name || p.name === name);
      return { status: 200, body: all.map(redact) };
    }
    if (method === 'POST' && uid === undefined) {
      const point = JSON.parse(request.body || '{}') as ContactPoint;
      if (!point.name || !point.type) {
        return {
          status: 400,
          body: { message: 'contact point is invalid: name and type are required' },
        };
      }
      const stored = {
        ...point,
        uid: point.uid || `cp${this.nextId++}`,
        provenance: provenanceOf(request),
      };
      this.contactPoints.set(stored.uid, stored);
      return { status: 202, body: redact(stored) };
    }
    if (uid === undefined) return { status: 405, body: { message: 'method not allowed' } };
    const existing = this.contactPoints.get(uid);
    if (method === 'PUT') {
      if (!existing) return { status: 404, body: { message: 'contact point not found' } };
      const point = JSON.parse(request.body || '{}') as ContactPoint;
      this.contactPoints.set(uid, { ...point, uid, provenance: provenanceOf(request) });
      return { status: 202, body: { message: 'contactpoint updated' } };
    }
    if (method === 'DELETE') {
      if (existing && this.usedNames(this.policies, 'receiver').has(existing.name)) {
        const others = [...this.contactPoints.values()].filter((p) => p.name === existing.name);
        if (others.length === 1) {
          return {
            status: 409,
            body: { message: 'contact point is used by a notification policy' },
          };
        }
      }
      this.contactPoints.delete(uid);
      return { status: 202, body: { message: 'contactpoint deleted' } };
    }
    return { status: 405, body: { message: 'method not allowed' } };
  }

  private muteTimingRoute(request: RecordedRequest, name?: string): Reply {
    const { method } = request;
    if (method === 'GET' && name === undefined) {
      return { status: 200, body: [...this.muteTimings.values()] };
    }
    if (method === 'POST' && name === undefined) {
      const timing = JSON.parse(request.body || '{}') as { name?: string };
      if (!timing.name) return { status: 400, body: { message: 'mute timing name is required' } };
      if (this.muteTimings.has(timing.name)) {
        return { status: 409, body: { message: 'a mute timing with this name already exists' } };
      }
      const stored = { ...timing, version: 'v1', provenance: provenanceOf(request) };
      this.muteTimings.set(timing.name, stored);
      return { status: 201, body: stored };
    }
    if (name === undefined) return { status: 405, body: { message: 'method not allowed' } };
    if (method === 'GET') {
      const found = this.muteTimings.get(name);
      return found ? { status: 200, body: found } : { status: 404, body: { message: 'not found' } };
    }
    if (method === 'PUT') {
      if (!this.muteTimings.has(name)) return { status: 404, body: { message: 'not found' } };
      const stored = {
        ...JSON.parse(request.body || '{}'),
        name,
        version: `v${this.nextId++}`,
        provenance: provenanceOf(request),
      };
      this.muteTimings.set(name, stored);
      return { status: 202, body: stored };
    }
    if (method === 'DELETE') {
      if (this.usedNames(this.policies, 'mute_time_intervals').has(name)) {
        return { status: 409, body: { message: 'mute timing is used by a notification policy' } };
      }
      this.muteTimings.delete(name);
      return { status: 204 };
    }
    return { status: 405, body: { message: 'method not allowed' } };
  }

  private policyRoute(request: RecordedRequest): Reply {
    if (request.method === 'GET') return { status: 200, body: this.policies };
    if (request.method !== 'PUT') return { status: 405, body: { message: 'method not allowed' } };
    const tree = JSON.parse(request.body || '{}') as PolicyTree;
    if (!tree.receiver)
      return {
        status: 400,
        body: {
          message: 'invalid object specification: root route must specify a default receiver',
        },
      };
    const names = new Set([...this.contactPoints.values()].map((p) => p.name));
    for (const receiver of this.usedNames(tree, 'receiver')) {
      if (!names.has(receiver)) {
        return {
          status: 400,
          body: { message: `invalid object specification: receiver '${receiver}' does not exist` },
        };
      }
    }
    for (const timing of this.usedNames(tree, 'mute_time_intervals')) {
      if (!this.muteTimings.has(timing)) {
        return {
          status: 400,
          body: {
            message: `invalid object specification: mute time interval '${timing}' does not exist`,
          },
        };
      }
    }
    this.policies = tree;
    return { status: 202, body: { message: 'policies updated' } };
  }

  /** Receivers or mute timing names a tree refers to. */
  private usedNames(tree: PolicyTree, field: 'receiver' | 'mute_time_intervals'): Set<string> {
    const found = new Set<string>();
    const walk = (route: PolicyTree) => {
      const value = route[field];
      if (typeof value === 'string') found.add(value);
      if (Array.isArray(value)) value.forEach((v) => found.add(String(v)));
      route.routes?.forEach(walk);
    };
    walk(tree);
    return found;
  }

  private getRule(uid: string): Reply {
    const rule = this.rules.get(uid);
    return rule ? { status: 200, body: rule } : { status: 404, body: '' };
  }

  private createRule(request: RecordedRequest): Reply {
    const rule = JSON.parse(request.body || '{}') as Record<string, unknown>;
    if (!rule.folderUID)
      return { status: 400, body: { message: 'invalid alert rule: folderUID must be set' } };
    if (!this.folderExists(String(rule.folderUID))) {
      return { status: 400, body: { message: 'invalid alert rule: folder does not exist' } };
    }
    const uid = typeof rule.uid === 'string' && rule.uid ? rule.uid : `r${this.nextId}`;
    if (this.rules.has(uid)) return { status: 409, body: { message: 'conflict' } };
    const stored = this.store({ ...rule, uid } as StoredRule, provenanceOf(request));
    const key = `${stored.folderUID}/${stored.ruleGroup}`;
    if (!this.intervals.has(key)) this.intervals.set(key, 60);
    return { status: 201, body: stored };
  }

  private updateRule(uid: string, request: RecordedRequest): Reply {
    const existing = this.rules.get(uid);
    if (!existing) return { status: 404, body: '' };
    const requested = provenanceOf(request);
    if (existing.provenance !== requested && existing.provenance !== '') {
      // A plain Go error in Grafana, so the route answers 500.
      const message = `cannot change provenance from '${existing.provenance}' to '${requested}'`;
      return { status: 500, body: { message } };
    }
    const rule = JSON.parse(request.body || '{}') as StoredRule;
    return { status: 200, body: this.store({ ...existing, ...rule, uid }, requested) };
  }

  private deleteRule(uid: string, request: RecordedRequest): Reply {
    const existing = this.rules.get(uid);
    if (!existing) return { status: 204 };
    const requested = provenanceOf(request);
    if (existing.provenance !== requested) {
      return {
        status: 409,
        body: {
          statusCode: 409,
          messageId: 'alerting.provenanceMismatch',
          message: `cannot delete with provided provenance '${requested}', needs '${existing.provenance}'`,
        },
      };
    }
    this.rules.delete(uid);
    return { status: 204 };
  }

  private store(rule: StoredRule, provenance: string): StoredRule {
    const stored: StoredRule = {
      keep_firing_for: '0s',
      isPaused: false,
      ...rule,
      id: this.nextId++,
      orgID: 1,
      updated: '2026-01-01T00:00:00Z',
      provenance,
    };
    this.rules.set(stored.uid, stored);
    return stored;
  }

  /** Rules of a group in order. */
  groupRules(folder: string, group: string): StoredRule[] {
    return [...this.rules.values()].filter((r) => r.folderUID === folder && r.ruleGroup === group);
  }

  private read(folder: string, group: string): Reply {
    const rules = this.groupRules(folder, group);
    if (!rules.length) return notFound;
    const interval = this.intervals.get(`${folder}/${group}`) ?? 60;
    return { status: 200, body: { title: group, folderUid: folder, interval, rules } };
  }

  private replace(folder: string, group: string, request: RecordedRequest): Reply {
    const body = JSON.parse(request.body || '{}') as {
      interval?: number;
      rules?: Record<string, unknown>[];
    };
    const interval = body.interval ?? 0;
    if (!Number.isInteger(interval) || interval <= 0 || interval % 10 !== 0) {
      const message = `interval (${interval}s) should be non-zero and divided exactly by scheduler interval: 10`;
      return { status: 400, body: { message } };
    }
    if (!this.folderExists(folder)) {
      return { status: 400, body: { message: 'invalid alert rule: folder does not exist' } };
    }
    const provenance = provenanceOf(request);
    const existing = this.groupRules(folder, group);
    const stored = existing[0]?.provenance ?? '';
    const allowed =
      stored === provenance || stored === '' || (stored === 'api' && provenance === '');
    if (existing.length && !allowed) {
      return {
        status: 409,
        body: {
          statusCode: 409,
          messageId: 'alerting.provenanceMismatch',
          message: `cannot change provenance from '${stored}' to '${provenance}'`,
        },
      };
    }
    for (const [index, rule] of (body.rules ?? []).entries()) {
      if (!rule.title || !rule.condition || !Array.isArray(rule.data) || !rule.data.length) {
        return {
          status: 400,
          body: { message: `invalid alert rule: rule ${index} is incomplete` },
        };
      }
    }

    for (const rule of existing) this.rules.delete(rule.uid);
    for (const rule of body.rules ?? []) {
      const uid = typeof rule.uid === 'string' && rule.uid ? rule.uid : `r${this.nextId}`;
      this.store({ ...rule, uid, folderUID: folder, ruleGroup: group } as StoredRule, provenance);
    }
    this.intervals.set(`${folder}/${group}`, interval);
    return { status: 200, body };
  }

  private remove(folder: string, group: string): Reply {
    const rules = this.groupRules(folder, group);
    if (!rules.length) return notFound;
    for (const rule of rules) this.rules.delete(rule.uid);
    this.intervals.delete(`${folder}/${group}`);
    return { status: 204 };
  }
}

/** `X-Disable-Provenance` is checked for presence only; its value is ignored. */
function provenanceOf(request: RecordedRequest): string {
  return 'x-disable-provenance' in request.headers ? '' : 'api';
}

/** A contact point as Grafana answers it: secure settings replaced by `[REDACTED]`. */
function redact(point: ContactPoint): ContactPoint {
  const secure = (key: string) =>
    secureSettings.has(key) || (point.type === 'slack' && key === 'url');
  const settings = Object.fromEntries(
    Object.entries(point.settings ?? {}).map(([k, v]) => [k, secure(k) ? '[REDACTED]' : v]),
  );
  return { ...point, settings };
}
