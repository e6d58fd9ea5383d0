/**
 * Storage each retention policy needs for one environment, from the catalog's expected volumes
 * (docs/agents-and-retention.md, "Storage estimate", states the formulas):
 *
 *   logs    = Σ services  linesPerSecond × bytesPerLogLine × replicas × retention (uncompressed)
 *   metrics = Σ services  seriesPerInstance × replicas ÷ scrapeInterval × bytesPerSample × retention,
 *             at most the size limit
 *   traces  = Σ services  spansPerSecond × replicas × bytesPerSpan × retention
 */
import { logLevels } from '../conventions/log-fields.ts';
import type { Resource } from '../model/resource.ts';
import type { Service } from '../model/catalog.ts';
import { parseDuration } from '../builders/retention/duration.ts';
import type { LokiRetentionBody } from '../builders/retention/loki.ts';
import {
  prometheusLimits,
  type PrometheusRetentionBody,
} from '../builders/retention/prometheus.ts';
import type { TempoRetentionBody } from '../builders/retention/tempo.ts';
import { loadPlatform, type PlatformFacts } from './platform.ts';
import { parseStreamSelector, selects } from './selector.ts';

/** Assumptions of the estimate, stated once. */
export const assumptions = {
  /** Prometheus's own sizing guide: 1–2 bytes per sample; we take the high end. */
  bytesPerSample: 2,
  /** The scrape interval of the generated scrape configs. */
  scrapeIntervalSeconds: 15,
  /** Stored size of one span in Tempo's compressed blocks. */
  bytesPerSpan: 500,
  /** The environment the estimate is for (replicas are per environment). */
  environment: 'production',
};

export type Signal = 'logs' | 'metrics' | 'traces';

/** The estimate of one policy. */
export interface StorageEstimate {
  signal: Signal;
  /** `kind id` of the policy. */
  policy: string;
  /** The retention the estimate assumes, in seconds (the default period for logs). */
  retentionSeconds: number;
  bytes: number;
  /** What limited or shaped the figure, for the reader. */
  note?: string;
}

const day = 86_400;

/** One estimate per retention policy among `resources`, sorted by signal. */
export function estimateStorage(resources: Resource[], facts: PlatformFacts): StorageEstimate[] {
  const estimates: StorageEstimate[] = [];
  for (const resource of resources.filter((r) => r.kind === 'retention-policy')) {
    const policy = `${resource.kind} ${resource.id}`;
    if (resource.target === 'loki') {
      estimates.push(logs(policy, resource.body as LokiRetentionBody, facts));
    } else if (resource.target === 'prometheus') {
      estimates.push(metrics(policy, resource.body as PrometheusRetentionBody, facts));
    } else if (resource.target === 'tempo') {
      estimates.push(traces(policy, resource.body as TempoRetentionBody, facts));
    }
  }
  return estimates.sort((a, b) => (a.signal + a.policy < b.signal + b.policy ? -1 : 1));
}

function logs(policy: string, body: LokiRetentionBody, facts: PlatformFacts): StorageEstimate {
  const fallback = parseDuration(body.limits_config.retention_period) ?? 0;
  let bytes = 0;
  for (const service of facts.catalog.services) {
    const rate = service.volume.logLinesPerSecond * service.volume.bytesPerLogLine;
    bytes += rate * service.replicas * streamPeriod(body, service, fallback);
  }
  const note = 'uncompressed; per-stream rules counted only where they cover every level';
  return { signal: 'logs', policy, retentionSeconds: fallback, bytes, note };
}

/**
 * The period of a service's whole stream set in the estimate environment: that of the highest
 * priority rule matching every level (level shares are unknown), else the default.
 */
function streamPeriod(body: LokiRetentionBody, service: Service, fallback: number): number {
  let best: { priority: number; seconds: number } | undefined;
  for (const rule of body.limits_config.retention_stream ?? []) {
    const parsed = parseStreamSelector(rule.selector);
    const seconds = parseDuration(rule.period);
    if (!parsed.ok || seconds === undefined) continue;
    const env = assumptions.environment;
    const all = logLevels.every((level) =>
      selects(parsed.matchers, { service: service.name, env, level }),
    );
    const better =
      !best ||
      rule.priority > best.priority ||
      (rule.priority === best.priority && seconds > best.seconds);
    if (all && better) best = { priority: rule.priority, seconds };
  }
  return best?.seconds ?? fallback;
}

function metrics(
  policy: string,
  body: PrometheusRetentionBody,
  facts: PlatformFacts,
): StorageEstimate {
  const limits = prometheusLimits(body);
  const retentionSeconds = (limits.time && parseDuration(limits.time)) || 15 * day;
  const series = facts.catalog.services.reduce(
    (sum, s) => sum + s.volume.seriesPerInstance * s.replicas,
    0,
  );
  const perSecond = (series / assumptions.scrapeIntervalSeconds) * assumptions.bytesPerSample;
  const byTime = perSecond * retentionSeconds;
  if (limits.sizeBytes && limits.sizeBytes < byTime) {
    const note = `size limit reached first: keeps about ${(limits.sizeBytes / perSecond / day).toFixed(1)} d`;
    return { signal: 'metrics', policy, retentionSeconds, bytes: limits.sizeBytes, note };
  }
  return { signal: 'metrics', policy, retentionSeconds, bytes: byTime };
}

function traces(policy: string, body: TempoRetentionBody, facts: PlatformFacts): StorageEstimate {
  const retentionSeconds = parseDuration(body.compactor.compaction.block_retention) ?? 0;
  const spans = facts.catalog.services.reduce(
    (sum, s) => sum + s.volume.spansPerSecond * s.replicas,
    0,
  );
  const bytes = spans * assumptions.bytesPerSpan * retentionSeconds;
  return { signal: 'traces', policy, retentionSeconds, bytes };
}

/** `12.3 GiB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

/** The line the build prints: `storage: logs 12.3 GiB · metrics 4.5 GiB · … at current retention`. */
export function storageLine(estimates: StorageEstimate[]): string | undefined {
  if (estimates.length === 0) return undefined;
  const parts = estimates.map((e) => `${e.signal} ${formatBytes(e.bytes)}`);
  return `storage: ${parts.join(' · ')} at current retention (${assumptions.environment}, estimated)`;
}

/** The estimates as JSON for `build --json`. */
export function estimatesJson(estimates: StorageEstimate[]): object[] {
  return estimates.map((e) => ({
    signal: e.signal,
    policy: e.policy,
    retentionSeconds: e.retentionSeconds,
    bytes: Math.round(e.bytes),
    note: e.note ?? null,
  }));
}

/** The estimates of a build's retention policies; none when the platform cannot be loaded. */
export async function storageEstimates(
  root: string,
  resources: Resource[],
): Promise<StorageEstimate[]> {
  if (!resources.some((r) => r.kind === 'retention-policy')) return [];
  try {
    return estimateStorage(resources, await loadPlatform(root));
  } catch {
    // Limitation: a catalog that fails to import already fails the build's definitions.
    return [];
  }
}
