/**
 * The loop, live: the sample service (built with the kit) scraped by a real Prometheus with the
 * generated scrape config and the generated rules, the error-ratio alert firing into a real
 * Alertmanager and out to a webhook, and every dashboard query about the service answering
 * with data.
 *
 * The generated `ServiceHighErrorRatio` alert of `pets` reads the recorded 5-minute error ratio
 * (`recording-rules/`) and waits `for: 5m`. Waiting that long would make this test take over
 * five minutes, so two things are checked instead:
 * (1) the generated rules are loaded unchanged and evaluate without error, and the generated
 * alert expression, evaluated through the HTTP API, is above its threshold on the live data
 * (a 5m rate needs only two samples, so the recorded ratio exists after a few seconds);
 * (2) a variant that differs only in `for: 5s` (and the label `live_variant="true"`), reading
 * the same generated recorded series, fires and its notification reaches the webhook through
 * Alertmanager.
 */
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithout } from '../helpers/binaries.ts';
import {
  eventually,
  startAlertmanager,
  startPrometheus,
  startWebhookReceiver,
  type RunningServer,
  type WebhookReceiver,
} from '../helpers/servers.ts';
import { startSampleService, type SampleService } from '../../examples/sample-service/service.ts';
import { generated, type Generated } from './generated.ts';
import { driveTraffic, liveScrapeConfig, serviceQueries, fastVariant, substitute } from './live.ts';

const service = 'pets';
const alertName = 'ServiceHighErrorRatio';
const env = 'local';

interface ApiResult {
  status: string;
  data: {
    resultType: string;
    result: { metric: Record<string, string>; value: [number, string] }[];
  };
}

describe.skipIf(skipWithout('prometheus', 'prometheus-alertmanager', 'promtool'))(
  'live loop: sample service → Prometheus → Alertmanager → webhook',
  () => {
    let out: Generated;
    let sample: SampleService;
    let prometheus: RunningServer;
    let alertmanager: RunningServer;
    let webhook: WebhookReceiver;
    let traffic: ReturnType<typeof driveTraffic>;
    let originalExpr: string;

    const query = async (expr: string): Promise<ApiResult> => {
      const url = `${prometheus.url}/api/v1/query?query=${encodeURIComponent(expr)}`;
      return (await (await fetch(url)).json()) as ApiResult;
    };

    beforeAll(async () => {
      out = await generated();
      sample = await startSampleService({
        port: 0,
        env,
        failEvery: 2,
        tickMs: 1000,
        kit: { logStream: { write() {} }, tracing: { exporter: new InMemorySpanExporter() } },
      });
      webhook = await startWebhookReceiver();
      alertmanager = await startAlertmanager({
        config: [
          'route:',
          '  receiver: webhook',
          '  group_wait: 1s',
          '  group_interval: 1s',
          '  repeat_interval: 1h',
          'receivers:',
          '  - name: webhook',
          `    webhook_configs: [{ url: '${webhook.url}' }]`,
          '',
        ].join('\n'),
      });
      const variant = fastVariant(out.ruleFiles, alertName, service, '5s');
      originalExpr = variant.original.expr;
      const files: Record<string, string> = { 'rules/zz-live-variant.yaml': variant.file };
      for (const [name, text] of out.ruleFiles) files[`rules/${name}`] = text;
      prometheus = await startPrometheus({
        config: liveScrapeConfig(
          out.scrapeConfig,
          service,
          env,
          `127.0.0.1:${sample.port}`,
          `127.0.0.1:${alertmanager.port}`,
        ),
        files,
        extraArgs: ['--enable-feature=exemplar-storage'],
      });
      traffic = driveTraffic(sample.url);
    }, 90_000);

    afterAll(async () => {
      await traffic?.stop();
      await prometheus?.stop();
      await alertmanager?.stop();
      await webhook?.stop();
      await sample?.stop();
    });

    it('scrapes the sample with the target labels of the generated job', async () => {
      const target = await eventually(
        async () => {
          const body = (await (await fetch(`${prometheus.url}/api/v1/targets`)).json()) as {
            data: { activeTargets: { health: string; labels: Record<string, string> }[] };
          };
          return body.data.activeTargets.find((t) => t.health === 'up');
        },
        30_000,
        'the sample target to be up',
      );
      expect(target.labels).toEqual({
        service,
        team: 'pets',
        env,
        job: service,
        instance: `127.0.0.1:${sample.port}`,
      });
    });

    it('loads the generated rules unchanged, and they evaluate without error', async () => {
      const rule = await eventually(
        async () => {
          const body = (await (await fetch(`${prometheus.url}/api/v1/rules`)).json()) as {
            data: {
              groups: {
                name: string;
                rules: {
                  name: string;
                  health: string;
                  query: string;
                  duration: number;
                  labels: Record<string, string>;
                }[];
              }[];
            };
          };
          const groups = body.data.groups.filter((g) => g.name !== 'live-variant');
          const found = groups
            .flatMap((g) => g.rules)
            .find((r) => r.name === alertName && r.labels.service === service);
          return found?.health === 'ok' ? found : undefined;
        },
        30_000,
        `generated rule ${alertName} to be evaluated`,
      );
      // Prometheus prints the parsed expression back, so compare what the variant changes.
      expect(rule.duration).toBe(300);
      expect(rule.query).toMatch(/> 0\.05$/);
    });

    it('has the generated alert expression above its threshold on live data', async () => {
      const value = await eventually(
        async () => {
          const body = await query(originalExpr);
          const sample = body.data.result[0];
          return sample ? Number(sample.value[1]) : undefined;
        },
        60_000,
        'the generated error-ratio expression to return a value',
      );
      expect(value).toBeGreaterThan(0.05);
    }, 80_000);

    it('fires the error-ratio alert and delivers it via Alertmanager to the webhook', async () => {
      const alert = await eventually(
        () => {
          for (const body of webhook.received as {
            alerts?: { status: string; labels: Record<string, string> }[];
          }[]) {
            const found = body.alerts?.find((a) => a.labels.alertname === alertName);
            if (found) return found;
          }
          return undefined;
        },
        60_000,
        `a ${alertName} notification at the webhook`,
      );
      expect(alert.status).toBe('firing');
      expect(alert.labels).toMatchObject({
        alertname: alertName,
        service,
        team: 'pets',
        severity: 'critical',
        live_variant: 'true',
      });
    }, 80_000);

    it('answers every dashboard query about the service with data', async () => {
      const queries = serviceQueries(out.resources, service);
      const checked = queries.filter((q) => !q.excluded);
      expect(checked.length).toBeGreaterThan(0);
      const dead: string[] = [];
      for (const q of checked) {
        const expr = substitute(q.expr, env);
        const hasData = await eventually(
          async () => {
            const body = await query(expr);
            if (body.status !== 'success') throw new Error(JSON.stringify(body));
            const values = body.data.result.map((r) => Number(r.value[1]));
            return values.some((v) => !Number.isNaN(v)) ? true : undefined;
          },
          20_000,
          `data for ${q.dashboard} "${q.panel}"`,
        ).catch(() => false);
        if (!hasData) dead.push(`${q.dashboard} "${q.panel}": ${expr.replace(/\s+/g, ' ')}`);
      }
      expect(dead).toEqual([]);

      // The excluded ones still run: a broken query would not hide behind its exclusion.
      for (const q of queries.filter((q) => q.excluded)) {
        const body = await query(substitute(q.expr, env));
        expect(body.status, `${q.dashboard} "${q.panel}"`).toBe('success');
      }
    }, 120_000);

    it('stores latency exemplars that name the traces of real requests', async () => {
      const now = Date.now() / 1000;
      const selector = `http_server_request_duration_seconds_bucket{service="${service}"}`;
      const params = new URLSearchParams({
        query: selector,
        start: String(now - 300),
        end: String(now + 60),
      });
      const url = `${prometheus.url}/api/v1/query_exemplars?${params}`;
      const exemplars = await eventually(
        async () => {
          const body = (await (await fetch(url)).json()) as {
            data: { exemplars: { labels: Record<string, string> }[] }[];
          };
          const all = body.data.flatMap((series) => series.exemplars);
          return all.length > 0 ? all : undefined;
        },
        20_000,
        'exemplars',
      );
      expect(exemplars[0]!.labels.trace_id).toMatch(/^[0-9a-f]{32}$/);
    });
  },
);
