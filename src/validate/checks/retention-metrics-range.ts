/**
 * `retention/metrics-shorter-than-queries`: Prometheus must keep metrics at least as long as
 * the longest range any rule queries (`[30d]`, subqueries, plus offsets) and the longest SLO
 * window of the catalog: a 30-day SLO cannot be computed from 15 days of data. When the size
 * limit, at the catalog's volumes, deletes data before the time limit does, the shorter of the
 * two is what counts.
 */
import { parsePromql } from '../queries/parse.ts';
import type { Resource } from '../../model/resource.ts';
import { humanDuration, parseDuration } from '../../builders/retention/duration.ts';
import {
  prometheusLimits,
  timePath,
  type PrometheusRetentionBody,
} from '../../builders/retention/prometheus.ts';
import type { RuleGroupBody } from '../../builders/rules.ts';
import { assumptions } from '../../retention/estimate.ts';
import { loadPlatform, type PlatformFacts } from '../../retention/platform.ts';
import type { Check } from '../check.ts';
import { finding } from '../check.ts';

const rule = 'retention/metrics-shorter-than-queries';

/** The longest look-back some query or SLO needs, and who needs it. */
export interface Need {
  seconds: number;
  who: string;
}

export const retentionMetricsRange: Check = {
  rules: [rule],
  async run({ resources, root }) {
    const policies = resources.filter(
      (r): r is Resource<PrometheusRetentionBody> =>
        r.kind === 'retention-policy' && r.target === 'prometheus',
    );
    if (policies.length === 0) return [];
    const facts = await loadPlatform(root);
    const need = longestNeed(resources, facts);
    if (!need) return [];

    return policies.flatMap((resource) => {
      const limits = prometheusLimits(resource.body);
      const time = limits.time ?? '15d';
      const timeSeconds = parseDuration(time) ?? 0;
      const sizeSeconds = limits.sizeBytes ? limits.sizeBytes / bytesPerSecond(facts) : Infinity;
      const kept = Math.min(timeSeconds, sizeSeconds);
      if (kept >= need.seconds) return [];
      const bySize =
        sizeSeconds < timeSeconds
          ? ` (the size limit keeps only about ${humanDuration(sizeSeconds)} at the catalog's volumes)`
          : '';
      return [
        finding(
          rule,
          'error',
          resource,
          timePath(resource.body),
          `metric retention \`${time}\`${bySize} is shorter than the ${humanDuration(need.seconds)} that ${need.who} needs`,
          `keep at least ${Math.ceil(need.seconds / 86_400)}d of metrics, or shorten that range`,
        ),
      ];
    });
  },
};

function bytesPerSecond(facts: PlatformFacts): number {
  const series = facts.catalog.services.reduce(
    (sum, s) => sum + s.volume.seriesPerInstance * s.replicas,
    0,
  );
  return (series / assumptions.scrapeIntervalSeconds) * assumptions.bytesPerSample;
}

/** The longest look-back of every Prometheus rule and catalog SLO window. */
export function longestNeed(resources: Resource[], facts: PlatformFacts): Need | undefined {
  let best: Need | undefined;
  const consider = (seconds: number, who: string) => {
    if (!best || seconds > best.seconds) best = { seconds, who };
  };
  for (const service of facts.catalog.services) {
    for (const slo of service.slos) {
      consider(
        slo.windowDays * 86_400,
        `the ${slo.kind} SLO of \`${service.name}\` (${slo.windowDays}-day window)`,
      );
    }
  }
  for (const resource of resources.filter((r) => r.kind === 'prometheus-rule-group')) {
    for (const r of (resource.body as RuleGroupBody).rules ?? []) {
      const seconds = lookbackSeconds(r.expr);
      const name = r.alert ?? r.record ?? '?';
      if (seconds > 0) consider(seconds, `rule \`${name}\` of ${resource.kind} \`${resource.id}\``);
    }
  }
  return best;
}

/**
 * How far back `expr` reads: its longest range (`[30d]`, or a subquery's `[30d:5m]`) plus its
 * longest offset. Both maxima may come from different selectors, so this can overstate.
 */
export function lookbackSeconds(expr: string): number {
  const { facts } = parsePromql(expr);
  const longest = (texts: string[]) => Math.max(0, ...texts.map(secondsOf));
  return longest(facts.ranges) + longest(facts.offsets);
}

function secondsOf(text: string): number {
  return parseDuration(text.trim()) ?? 0;
}
