/**
 * The one shape every artifact takes between loading and pushing: a kind, the server it goes to,
 * a stable identity derived from names, the plain document, and the line that defined it.
 */
import type { SourceLocation } from './source.ts';

/** The server (or agent) a resource is delivered to. */
export type Target = 'grafana' | 'prometheus' | 'loki' | 'alertmanager' | 'agent' | 'tempo';

/** Every kind of resource the compiler knows; `src/compile/kinds.ts` says where each is written. */
export type ResourceKind =
  | 'folder'
  | 'datasource'
  | 'dashboard'
  | 'prometheus-rule-group'
  | 'loki-rule-group'
  | 'grafana-rule-group'
  | 'grafana-rule-group-api'
  | 'contact-point'
  | 'notification-policy'
  | 'mute-timing'
  | 'alertmanager-config'
  | 'scrape-config'
  | 'retention-policy'
  | 'agent-config'
  | 'promtool-test';

/** Where a resource lands inside its target. */
export interface Placement {
  /** Grafana folder title (dashboards, Grafana rule groups). */
  folder?: string;
  /** Rule namespace (Prometheus file name, ruler namespace). */
  namespace?: string;
  /** Loki or Mimir tenant; `fake` when multi-tenancy is off. */
  tenant?: string;
}

/** One artifact of the build. */
export interface Resource<Body = unknown> {
  kind: ResourceKind;
  target: Target;
  /** Stable identity: a uid, or `namespace/group` for rule groups. Derived from names. */
  id: string;
  /** Human name for messages and listings. */
  title: string;
  /** The plain document the target takes (dashboard JSON model, rule group, config). */
  body: Body;
  /** The builder call that made the resource. */
  source: SourceLocation;
  placement: Placement;
  /**
   * Finer source locations keyed by JSON path prefix inside `body` (e.g. `panels[3]` → the
   * line that built that panel), so diagnostics name the exact builder call.
   */
  sources?: Record<string, SourceLocation>;
  /** Lint findings deliberately accepted on this resource (`.suppress(rule, reason)`). */
  suppressions?: Suppression[];
}

/** A lint finding accepted on purpose: which rule, why, and which part of the body it covers. */
export interface Suppression {
  /** The rule id, e.g. `panel/unit-missing`. */
  rule: string;
  /** Why the finding is acceptable here; an empty reason is itself an error. */
  reason: string;
  /** JSON path prefix inside `body` it covers (e.g. `panels[2]`); the whole resource if unset. */
  path?: string;
  /** The `suppress()` call. */
  source: SourceLocation;
}

/** Anything a definition module may export: it turns into one or more resources. */
export interface ResourceSource {
  toResources(): Resource[];
}

/** `kind id`, the way messages name a resource. */
export function resourceLabel(resource: Pick<Resource, 'kind' | 'id'>): string {
  return `${resource.kind} ${resource.id}`;
}

/**
 * The location that best explains a JSON path: the longest `sources` prefix, else the resource.
 */
export function sourceForPath(resource: Resource, jsonPath: string | undefined): SourceLocation {
  if (!jsonPath || !resource.sources) return resource.source;
  let best: string | undefined;
  for (const prefix of Object.keys(resource.sources)) {
    const matches =
      jsonPath === prefix || jsonPath.startsWith(prefix + '.') || jsonPath.startsWith(prefix + '[');
    if (matches && (!best || prefix.length > best.length)) best = prefix;
  }
  return best ? resource.sources[best]! : resource.source;
}

/**
 * Turn a name into an identifier Grafana accepts as a uid: lower case, `[a-z0-9-]`, at most
 * 40 characters. The same name always gives the same id.
 */
export function slug(name: string, maxLength = 40): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return cleaned.slice(0, maxLength).replace(/-+$/, '');
}
