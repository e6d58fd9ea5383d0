/**
 * Pieces of the live-loop test: the Prometheus config derived from the generated one, the
 * short-window variant of the generated error-ratio alert, the dashboard queries that concern a
 * service, and a traffic driver for the sample service.
 */
import YAML from 'yaml';
import { exporterMetrics } from '../../src/conventions/exporters.ts';
import { serviceDashboardUid } from '../../src/conventions/dashboards.ts';
import type { Resource } from '../../src/model/resource.ts';
import { queriesOf, type DashboardJson } from '../../src/validate/dashboard-walk.ts';

interface RuleFile {
  groups: { name: string; interval?: string; rules: Record<string, unknown>[] }[];
}

/**
 * The generated prometheus.yml, narrowed to one service's job scraping `target` (keeping the
 * job's own target labels of environment `env`), every second, alerting `alertmanager`.
 */
export function liveScrapeConfig(
  generatedYaml: string,
  service: string,
  env: string,
  target: string,
  alertmanager: string,
): string {
  const config = YAML.parse(generatedYaml);
  const job = config.scrape_configs.find((j: { job_name: string }) => j.job_name === service);
  if (!job) throw new Error(`generated prometheus.yml has no job \`${service}\``);
  const group = job.static_configs.find(
    (g: { labels: Record<string, string> }) => g.labels.env === env,
  );
  if (!group) throw new Error(`job \`${service}\` has no target group with env="${env}"`);
  config.global = {
    ...config.global,
    scrape_interval: '1s',
    scrape_timeout: '1s',
    evaluation_interval: '1s',
  };
  config.scrape_configs = [{ ...job, static_configs: [{ ...group, targets: [target] }] }];
  config.alerting = { alertmanagers: [{ static_configs: [{ targets: [alertmanager] }] }] };
  return YAML.stringify(config);
}

/** A rule as the generated rule files hold it. */
export type GeneratedRule = Record<string, unknown> & {
  expr: string;
  labels?: Record<string, string>;
};

/**
 * The generated alert `alertName` about `service`, and a variant that differs only in waiting
 * `forDuration` instead of its `for` (and carries `live_variant="true"`): expression,
 * threshold, the recording rules it reads, labels and annotations are the generated ones.
 */
export function fastVariant(
  ruleFiles: Map<string, string>,
  alertName: string,
  service: string,
  forDuration: string,
): { original: GeneratedRule; file: string } {
  for (const text of ruleFiles.values()) {
    for (const group of (YAML.parse(text) as RuleFile).groups) {
      const original = group.rules.find(
        (rule) => rule.alert === alertName && (rule as GeneratedRule).labels?.service === service,
      ) as GeneratedRule | undefined;
      if (!original) continue;
      const variant = {
        ...original,
        for: forDuration,
        labels: { ...original.labels, live_variant: 'true' },
      };
      const file = { groups: [{ name: 'live-variant', rules: [variant] }] };
      return { original, file: YAML.stringify(file) };
    }
  }
  throw new Error(`no generated rule file has alert \`${alertName}\` with service="${service}"`);
}

/** Metric origins that cannot have data next to a lone service process. */
const absentOrigins = new Set(['node_exporter', 'kafka_exporter', 'kafka_jmx']);
const absentMetrics = exporterMetrics.filter((m) => absentOrigins.has(m.origin));

export interface DashboardQuery {
  dashboard: string;
  panel: string;
  expr: string;
  /** Why the query cannot have data here, when it cannot. */
  excluded?: string;
}

/**
 * Every Prometheus query of the service's own dashboard, and every Prometheus query of other
 * dashboards that selects `service="<service>"`, with exporter-only queries marked excluded.
 */
export function serviceQueries(resources: Resource[], service: string): DashboardQuery[] {
  const own = serviceDashboardUid(service);
  const found: DashboardQuery[] = [];
  for (const resource of resources.filter((r) => r.kind === 'dashboard')) {
    for (const visit of queriesOf(resource.body as DashboardJson)) {
      if (visit.datasourceType !== 'prometheus') continue;
      if (resource.id !== own && !visit.expr.includes(`service="${service}"`)) continue;
      const origin = absentMetrics.find((m) => new RegExp(`\\b${m.name}\\b`).test(visit.expr));
      const history = needsHistory(visit.expr);
      const excluded = origin ? `${origin.name} comes from ${origin.origin}` : history;
      found.push({
        dashboard: resource.id,
        panel: String(visit.panel.title ?? visit.path),
        expr: visit.expr,
        ...(excluded ? { excluded } : {}),
      });
    }
  }
  return found;
}

/**
 * Why a query cannot answer on a Prometheus started a minute ago: a subquery stepping by a
 * minute or more needs two steps of history before functions such as `predict_linear` return
 * anything. Such queries are still run, and must execute without error.
 */
function needsHistory(expr: string): string | undefined {
  const step = /\[[^\]:]+:(\d+)([mhd])\]/.exec(expr);
  if (!step) return undefined;
  return `its subquery steps by ${step[1]}${step[2]}: no data before two steps of history`;
}

/** A dashboard query with Grafana's variables replaced by values that fit a 1 s scrape. */
export function substitute(expr: string, env: string): string {
  const values: Record<string, string> = {
    env,
    instance: '.*',
    __rate_interval: '20s',
    __interval: '5s',
    __range: '1m',
  };
  const result = expr.replace(
    /\$\{?(\w+)(?::\w+)?\}?/g,
    (whole, name: string) => values[name] ?? whole,
  );
  if (result.includes('$')) throw new Error(`unknown variable left in query: ${result}`);
  return result;
}

/** Drive mixed traffic at the sample: adoptions, reads, state reads (some fail), 404s, poison. */
export function driveTraffic(baseUrl: string): { stop(): Promise<void>; sent: () => number } {
  let running = true;
  let sent = 0;
  const ids: string[] = [];
  const step = async (n: number) => {
    const pick = ids[n % Math.max(ids.length, 1)] ?? 'none';
    const calls: (() => Promise<Response>)[] = [
      () => adopt(baseUrl, n % 25 === 0 ? 'poison' : `pet-${n}`),
      () => fetch(`${baseUrl}/pets/${pick}`),
      () => fetch(`${baseUrl}/pets/${pick}/state`),
      () => fetch(`${baseUrl}/pets/no-such-pet`),
      () => fetch(`${baseUrl}/pets`),
    ];
    const response = await calls[n % calls.length]!();
    const body = (await response.json().catch(() => undefined)) as { id?: string } | undefined;
    if (response.status === 201 && body?.id) ids.push(body.id);
    sent++;
  };
  const loop = (async () => {
    for (let n = 0; running; n++) {
      await step(n).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
    },
    sent: () => sent,
  };
}

function adopt(baseUrl: string, name: string): Promise<Response> {
  return fetch(`${baseUrl}/pets`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, species: 'cat', ownerId: 'u1' }),
  });
}
