/**
 * Live: real Prometheus and Alertmanager on loopback with the generated rules and the generated
 * routing (its webhook variant). A scrape target on a closed port is down, so `ServiceDown`
 * fires for it and is routed to the platform team's primary and fallback receivers. The
 * primary answers 500: the fallback still gets the page, and the failed notifications raise
 * `AlertmanagerNotificationsFailing`, which reaches the fallback too.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformAlertmanagerConfig } from '../../alerts/lib/routing.ts';
import { skipWithout } from '../helpers/binaries.ts';
import {
  eventually,
  freePort,
  startAlertmanager,
  startPrometheus,
  startWebhookReceiver,
  type RunningServer,
  type WebhookReceiver,
} from '../helpers/servers.ts';
import { accelerate } from './lib/accelerate.ts';
import { buildAlerting, type AlertingBuild } from './lib/build.ts';

interface Notification {
  receiver: string;
  status: string;
  alerts: { labels: Record<string, string>; annotations: Record<string, string> }[];
}

const notifications = (hook: WebhookReceiver) => hook.received as Notification[];
const firing = (hook: WebhookReceiver, alertname: string) =>
  notifications(hook).find(
    (n) => n.status === 'firing' && n.alerts.some((a) => a.labels.alertname === alertname),
  );

describe.skipIf(skipWithout('prometheus', 'prometheus-alertmanager'))('live alerting', () => {
  let built: AlertingBuild;
  let prometheus: RunningServer;
  let alertmanager: RunningServer;
  let primary: WebhookReceiver;
  let fallback: WebhookReceiver;
  let others: WebhookReceiver;

  beforeAll(async () => {
    built = await buildAlerting();
    [primary, fallback, others] = await Promise.all([
      startWebhookReceiver(),
      startWebhookReceiver(),
      startWebhookReceiver(),
    ]);
    primary.respondWith(500);

    const urls: Record<string, string> = {
      'platform-primary': primary.url,
      'platform-fallback': fallback.url,
    };
    const config = platformAlertmanagerConfig({
      webhookUrls: (receiver) => urls[receiver] ?? others.url,
      timing: { group_wait: '1s', group_interval: '1s', repeat_interval: '1h' },
    });
    alertmanager = await startAlertmanager({ config: YAML.stringify(config) });

    const rules = (file: string) =>
      accelerate(fs.readFileSync(path.join(built.outDir, 'prometheus/rules', file), 'utf8'));
    const closedPort = await freePort();
    const prometheusConfig = {
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: ['rules/*.yaml'],
      alerting: {
        alertmanagers: [{ static_configs: [{ targets: [`127.0.0.1:${alertmanager.port}`] }] }],
      },
      scrape_configs: [
        {
          job_name: 'gateway',
          static_configs: [
            { targets: [`127.0.0.1:${closedPort}`], labels: { service: 'gateway', env: 'live' } },
          ],
        },
        {
          job_name: 'alertmanager',
          static_configs: [
            { targets: [`127.0.0.1:${alertmanager.port}`], labels: { env: 'live' } },
          ],
        },
      ],
    };
    prometheus = await startPrometheus({
      config: YAML.stringify(prometheusConfig),
      // Alerts that fire before Prometheus has found Alertmanager are dropped and, by default,
      // sent again only a minute later; the Watchdog fires at the very first evaluation.
      extraArgs: ['--rules.alert.resend-delay=1s'],
      files: {
        'rules/services.yaml': rules('services.yaml'),
        'rules/alerting.yaml': rules('alerting.yaml'),
      },
    });
  });

  afterAll(async () => {
    await prometheus?.stop();
    await alertmanager?.stop();
    await Promise.all([primary?.stop(), fallback?.stop(), others?.stop()]);
    built?.remove();
  });

  it(
    'a target that is down pages the fallback while the primary fails',
    { timeout: 90_000 },
    async () => {
      const page = await eventually(
        () => firing(fallback, 'ServiceDown'),
        60_000,
        'ServiceDown at the fallback',
      );
      expect(page.receiver).toBe('platform-fallback');
      const alert = page.alerts.find((a) => a.labels.alertname === 'ServiceDown')!;
      expect(alert.labels).toMatchObject({
        service: 'gateway',
        env: 'live',
        team: 'platform',
        severity: 'critical',
      });
      expect(alert.annotations.runbook_url).toBe(
        'https://runbooks.virtualpet.example/service-down',
      );
      expect(alert.annotations.dashboard_url).toBe('/d/svc-gateway');

      // The primary was tried (and answered 500): the fallback is a second route, not a retry.
      const tried = await eventually(
        () => firing(primary, 'ServiceDown'),
        10_000,
        'an attempt at the primary',
      );
      expect(tried.receiver).toBe('platform-primary');
    },
  );

  it('the service outage inhibits its instance alert', { timeout: 60_000 }, async () => {
    const state = await eventually(
      async () => {
        const response = await fetch(
          `${alertmanager.url}/api/v2/alerts?filter=${encodeURIComponent('alertname="ServiceInstanceDown"')}`,
        );
        const alerts = (await response.json()) as {
          status: { state: string; inhibitedBy: string[] };
        }[];
        return alerts[0]?.status.state === 'suppressed' ? alerts[0].status : undefined;
      },
      45_000,
      'ServiceInstanceDown suppressed',
    );
    expect(state.inhibitedBy.length).toBe(1);
    expect(firing(fallback, 'ServiceInstanceDown')).toBeUndefined();
  });

  it(
    'failed notifications raise an alert that reaches the fallback',
    { timeout: 90_000 },
    async () => {
      const failing = await eventually(
        () => firing(fallback, 'AlertmanagerNotificationsFailing'),
        75_000,
        'AlertmanagerNotificationsFailing at the fallback',
      );
      const alert = failing.alerts.find(
        (a) => a.labels.alertname === 'AlertmanagerNotificationsFailing',
      )!;
      expect(alert.labels).toMatchObject({
        integration: 'webhook',
        team: 'platform',
        severity: 'critical',
      });
    },
  );

  it('the Watchdog reaches the heartbeat receiver', { timeout: 30_000 }, async () => {
    const beat = await eventually(() => firing(others, 'Watchdog'), 20_000, 'Watchdog heartbeat');
    expect(beat.receiver).toBe('heartbeat');
  });
});
