/**
 * `alert/for-too-short`: with `for:` shorter than two scrape intervals, one slow or failed scrape
 * is enough to fire and resolve an alert: it flaps. The scrape interval is the longest one the
 * build's scrape configs set (globally or per job), 15s when there is none.
 */
import type { Resource } from '../../model/resource.ts';
import type { Check } from '../check.ts';
import { finding } from '../check.ts';
import { alertsOf } from '../alerts-of.ts';
import { durationMs, formatDurationMs as formatMs } from '../../model/duration.ts';

/** Prometheus's default scrape interval is 1m; this platform's convention is 15s. */
export const defaultScrapeIntervalMs = 15_000;

export const alertForTooShort: Check = {
  rules: ['alert/for-too-short'],
  run({ resources }) {
    const scrape = scrapeIntervalMs(resources);
    const minimum = 2 * scrape;
    return alertsOf(resources)
      .filter((alert) => alert.resource.kind === 'prometheus-rule-group' && alert.rule)
      .flatMap((alert) => {
        const written = alert.rule!.for;
        const ms = written ? durationMs(written) : 0;
        if (ms === undefined || ms >= minimum) return [];
        const what = written ? `\`for: ${written}\` is` : 'has no `for:`, which is';
        return [
          finding(
            'alert/for-too-short',
            'warning',
            alert.resource,
            `${alert.path}.for`,
            `alert \`${alert.name}\` ${what} shorter than two scrape intervals (${formatMs(minimum)})`,
            `use .for('${formatMs(Math.max(minimum, 60_000))}') or longer so one missed scrape cannot fire it`,
          ),
        ];
      });
  },
};

/** The longest scrape interval any scrape config of the build sets, else the default. */
export function scrapeIntervalMs(resources: Resource[]): number {
  const intervals: number[] = [];
  for (const resource of resources.filter((r) => r.kind === 'scrape-config')) {
    const body = resource.body as {
      global?: { scrape_interval?: string };
      scrape_configs?: { scrape_interval?: string }[];
    };
    const written = [
      body?.global?.scrape_interval,
      ...(body?.scrape_configs ?? []).map((j) => j?.scrape_interval),
    ];
    for (const text of written) {
      const ms = text ? durationMs(text) : undefined;
      if (ms) intervals.push(ms);
    }
  }
  return intervals.length ? Math.max(...intervals) : defaultScrapeIntervalMs;
}
