/**
 * Types of an environment: where each target lives and how push reaches it. The environments
 * themselves are in `platform/environments.ts`. Tokens are never stored: only the name of the
 * environment variable that holds one.
 */

/** Credentials by reference: the variable names, read at run time, never written anywhere. */
export type Auth =
  | { type: 'none' }
  | { type: 'bearer'; tokenEnv: string }
  | { type: 'basic'; userEnv: string; passwordEnv: string };

export interface GrafanaTarget {
  url: string;
  auth: Auth;
  /** `X-Grafana-Org-Id`; omitted for service-account tokens bound to one org. */
  orgId?: number;
  /** Prefix put before every folder title we manage, e.g. `[staging] `. */
  folderPrefix?: string;
}

/** A Mimir, Cortex or Loki ruler API, reached per tenant. */
export interface RulerTarget {
  mode: 'ruler';
  url: string;
  auth: Auth;
  tenant: string;
  /** Namespace prefix marking the groups push owns; `obs-` by default. */
  prefix?: string;
}

/** Prometheus rules: files in a directory plus `POST /-/reload`, or a Mimir/Cortex ruler. */
export type PrometheusTarget =
  { mode: 'files'; url: string; auth: Auth; rulesDir: string } | RulerTarget;

/** Loki rules: its ruler API, or rule files for a ruler with local storage. */
export type LokiTarget =
  RulerTarget | { mode: 'files'; url: string; auth: Auth; rulesDir: string; tenant: string };

/** Alertmanager: config file plus `POST /-/reload`, or the Mimir Alertmanager API. */
export type AlertmanagerTarget =
  | { mode: 'files'; url: string; auth: Auth; configFile: string }
  | { mode: 'mimir'; url: string; auth: Auth; tenant: string };

/** Rule-file features newer than Prometheus 2.42 (Debian's); opt in per environment. */
export interface RuleFeatures {
  /** `query_offset` on rule groups (Prometheus ≥ 2.53). */
  queryOffset?: boolean;
}

export interface Environment {
  name: string;
  grafana: GrafanaTarget;
  prometheus: PrometheusTarget;
  loki: LokiTarget;
  alertmanager: AlertmanagerTarget;
  tempo?: { url: string; auth: Auth };
  ruleFeatures?: RuleFeatures;
  /** Refuse to delete more than this many resources in one push without `--allow-mass-delete`. */
  maxDeletes?: number;
  /** Push tuning for this environment; the CLI options override it. */
  push?: PushTuning;
}

/** Concurrency and HTTP policy of push (defaults in `src/push/http.ts`). */
export interface PushTuning {
  /** Requests in flight at once per target; 8 by default. */
  concurrency?: number;
  /** Timeout of every request, in milliseconds; 15 000 by default. */
  timeoutMs?: number;
  /** Retries after a 429, 5xx or connection error; 4 by default. */
  retries?: number;
}
