/**
 * `retention/loki-period-not-multiple-of-index`: Loki applies retention per index table, and
 * its index period is 24h (the only period the tsdb and boltdb-shipper stores support). A
 * retention period, default or per stream, that is not a whole number of days cannot be
 * applied as written.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Resource } from '../../model/resource.ts';
import { humanDuration, parseDuration } from '../../builders/retention/duration.ts';
import type { LokiRetentionBody } from '../../builders/retention/loki.ts';
import type { Check } from '../check.ts';
import { finding } from '../check.ts';

const rule = 'retention/loki-period-not-multiple-of-index';

/** Loki's index period, in seconds. */
export const lokiIndexPeriodSeconds = 24 * 3600;

export const retentionLokiPeriod: Check = {
  rules: [rule],
  run({ resources }) {
    return lokiPolicies(resources).flatMap((resource) => {
      const limits = resource.body.limits_config;
      const periods = [
        { path: 'limits_config.retention_period', value: limits.retention_period, what: 'default' },
        ...(limits.retention_stream ?? []).map((s, i) => ({
          path: `limits_config.retention_stream[${i}].period`,
          value: s.period,
          what: `stream ${s.selector}`,
        })),
      ];
      return periods.flatMap(({ path, value, what }) => problem(resource, path, value, what));
    });
  },
};

function problem(resource: Resource, path: string, value: string, what: string): Diagnostic[] {
  const seconds = parseDuration(value);
  if (seconds === undefined) {
    const message = `${what} retention \`${value}\` is not a duration`;
    return [finding(rule, 'error', resource, path, message, 'write it like 744h or 31d')];
  }
  if (seconds === 0 || seconds % lokiIndexPeriodSeconds === 0) return [];
  const days = Math.max(1, Math.round(seconds / lokiIndexPeriodSeconds));
  return [
    finding(
      rule,
      'error',
      resource,
      path,
      `${what} retention \`${value}\` (${humanDuration(seconds)}) is not a multiple of Loki's 24h index period`,
      `use whole days, e.g. \`${days * 24}h\` (${days}d)`,
    ),
  ];
}

/** The Loki retention policies among `resources`. */
export function lokiPolicies(resources: Resource[]): Resource<LokiRetentionBody>[] {
  return resources.filter(
    (r): r is Resource<LokiRetentionBody> =>
      r.kind === 'retention-policy' && r.target === 'loki' && isLokiBody(r.body),
  );
}

function isLokiBody(body: unknown): body is LokiRetentionBody {
  const limits = (body as Partial<LokiRetentionBody> | null)?.limits_config;
  return typeof limits?.retention_period === 'string';
}
