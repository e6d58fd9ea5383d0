/**
 * Grafana contact points, mute timings and the notification policy tree as push sends and
 * compares them (contract §3.3). The builders write them in the file-provisioning shape; here
 * they become API objects:
 * - each integration of a contact point is one API contact point, its uid prefixed with `obs-`
 *   (our mark), and `${VAR}` placeholders expanded from the environment at push time (file
 *   provisioning expands them in Grafana; the API does not);
 * - mute timing names get the `obs-` prefix (our mark), and the policy tree's references follow;
 * - the policy tree gets one extra child route matching `managed_by=obs-policy-tree`, which no
 *   alert carries: it routes nothing and marks the tree as ours.
 */
import { normalise } from '../../plan/normalise.ts';

export const managedPrefix = 'obs-';

/** The marker route appended to the policy tree we push. */
export const markerMatcher: [string, string, string] = ['managed_by', '=', 'obs-policy-tree'];

/** Grafana's redaction of secure settings in contact point answers. */
export const redacted = '[REDACTED]';

export interface ApiContactPoint {
  uid: string;
  name: string;
  type: string;
  settings: Record<string, unknown>;
  disableResolveMessage: boolean;
}

export interface FileContactPoint {
  name: string;
  receivers: {
    uid: string;
    type: string;
    settings: Record<string, unknown>;
    disableResolveMessage?: boolean;
  }[];
}

export interface MuteTiming {
  name: string;
  time_intervals: unknown[];
}

export interface PolicyRoute {
  receiver?: string;
  object_matchers?: [string, string, string][];
  mute_time_intervals?: string[];
  active_time_intervals?: string[];
  routes?: PolicyRoute[];
  [key: string]: unknown;
}

const placeholder = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** Every `${VAR}` a value refers to. */
export function placeholders(value: unknown): string[] {
  return [...new Set([...JSON.stringify(value ?? null).matchAll(placeholder)].map((m) => m[1]!))];
}

/** `value` with every `${VAR}` replaced by `read(VAR)`. */
export function expand<T>(value: T, read: (name: string) => string): T {
  return JSON.parse(
    JSON.stringify(value).replace(placeholder, (_, name: string) =>
      JSON.stringify(read(name)).slice(1, -1),
    ),
  ) as T;
}

/** A name or uid with our prefix, at most 40 characters. */
export function managedName(name: string): string {
  return (name.startsWith(managedPrefix) ? name : managedPrefix + name).slice(0, 40);
}

/** The API contact points of one file-format contact point. */
export function apiContactPoints(point: FileContactPoint): ApiContactPoint[] {
  return point.receivers.map((receiver) => ({
    uid: managedName(receiver.uid),
    name: point.name,
    type: receiver.type,
    settings: receiver.settings,
    disableResolveMessage: receiver.disableResolveMessage ?? false,
  }));
}

/** A contact point normalised; `provenance` and the uid (the key) left out. */
export function contactPointDocument(point: ApiContactPoint): unknown {
  const {
    uid: _uid,
    provenance: _provenance,
    ...rest
  } = point as ApiContactPoint & {
    provenance?: string;
  };
  return normalise(rest);
}

/**
 * The local document with every setting Grafana redacted on the live side replaced by the
 * redaction mark: a secret cannot be compared, so it never shows as a change.
 */
export function maskLikeLive(local: unknown, live: unknown): unknown {
  if (live === redacted) return redacted;
  if (Array.isArray(local) && Array.isArray(live))
    return local.map((v, i) => maskLikeLive(v, live[i]));
  if (local && typeof local === 'object' && live && typeof live === 'object') {
    const liveObject = live as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(local).map(([k, v]) => [k, maskLikeLive(v, liveObject[k])]),
    );
  }
  return local;
}

/** A mute timing with our name prefix. */
export function apiMuteTiming(timing: MuteTiming): MuteTiming {
  return { name: managedName(timing.name), time_intervals: timing.time_intervals };
}

/** A mute timing normalised (`version` and `provenance` are server fields). */
export function muteTimingDocument(timing: MuteTiming): unknown {
  const {
    version: _v,
    provenance: _p,
    ...rest
  } = timing as MuteTiming & {
    version?: string;
    provenance?: string;
  };
  return normalise(rest);
}

/** The policy tree we send: mute timing references prefixed, the marker route appended. */
export function apiPolicyTree(tree: PolicyRoute): PolicyRoute {
  const rename = (route: PolicyRoute): PolicyRoute => {
    const copy: PolicyRoute = { ...route };
    delete copy.orgId;
    if (route.mute_time_intervals)
      copy.mute_time_intervals = route.mute_time_intervals.map(managedName);
    if (route.active_time_intervals)
      copy.active_time_intervals = route.active_time_intervals.map(managedName);
    if (route.routes) copy.routes = route.routes.map(rename);
    return copy;
  };
  const renamed = rename(tree);
  const marker: PolicyRoute = { receiver: tree.receiver, object_matchers: [markerMatcher] };
  return { ...renamed, routes: [...(renamed.routes ?? []), marker] };
}

/** Whether a live tree is ours (has the marker route) or Grafana's untouched default. */
export function policyTreeIsOurs(tree: PolicyRoute): boolean {
  const routes = tree.routes ?? [];
  if (routes.length === 0) return true;
  return routes.some((r) => JSON.stringify(r.object_matchers) === JSON.stringify([markerMatcher]));
}

/** A policy tree normalised. */
export function policyTreeDocument(tree: PolicyRoute): unknown {
  const { provenance: _p, ...rest } = tree as PolicyRoute & { provenance?: string };
  return normalise(rest, {
    durationKeys: ['group_wait', 'group_interval', 'repeat_interval'],
    setKeys: ['group_by'],
    defaults: { continue: false },
  });
}
