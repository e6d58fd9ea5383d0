/**
 * `obs alerts` against a real Alertmanager (alerts and a silence posted through its API v2) and
 * a real Prometheus whose rule fires an alert of its own.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithout } from '../helpers/binaries.ts';
import { runCli, tempProject } from '../helpers/project.ts';
import {
  eventually,
  freePort,
  startAlertmanager,
  startPrometheus,
  type RunningServer,
} from '../helpers/servers.ts';

const rules = `groups:
  - name: pets
    interval: 1s
    rules:
      - alert: PetsAdoptionsStopped
        expr: vector(1)
        labels: {severity: warning, team: pets, service: pets}
        annotations:
          summary: No pet was adopted for 30 minutes
          runbook_url: https://runbooks.virtualpet.example/adoptions-stopped
          dashboard_url: /d/svc-pets
`;

const amAlert = (
  name: string,
  labels: Record<string, string>,
  annotations: Record<string, string>,
) => ({
  labels: { alertname: name, ...labels },
  annotations,
  startsAt: new Date(Date.now() - 5 * 60_000).toISOString(),
  endsAt: new Date(Date.now() + 60 * 60_000).toISOString(),
  generatorURL: 'http://prometheus.example/graph',
});

describe.skipIf(skipWithout('prometheus', 'prometheus-alertmanager'))(
  'obs alerts (real servers)',
  () => {
    let prometheus: RunningServer;
    let alertmanager: RunningServer;
    let root: string;
    let silenceId: string;

    beforeAll(async () => {
      [prometheus, alertmanager] = await Promise.all([
        startPrometheus({
          config: 'global:\n  evaluation_interval: 1s\nrule_files:\n  - rules/*.yaml\n',
          files: { 'rules/pets.yaml': rules },
        }),
        startAlertmanager({ config: 'route:\n  receiver: none\nreceivers:\n  - name: none\n' }),
      ]);
      root = tempProject({});

      const alerts = [
        amAlert(
          'GatewayErrorBudgetBurn',
          { severity: 'critical', team: 'platform', service: 'gateway' },
          {
            summary: 'Gateway burns its error budget 14× too fast',
            runbook_url: 'https://runbooks.virtualpet.example/error-budget-burn',
            dashboard_url: '/d/svc-gateway',
          },
        ),
        amAlert(
          'UsersLatencyHigh',
          { severity: 'warning', team: 'accounts', service: 'users' },
          {
            summary: 'p99 above 500 ms',
            runbook_url: 'https://runbooks.virtualpet.example/latency',
          },
        ),
        amAlert('CareConsumerLag', { severity: 'warning', team: 'pets', service: 'care' }, {}),
      ];
      const posted = await fetch(`${alertmanager.url}/api/v2/alerts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(alerts),
      });
      expect(posted.status).toBe(200);
      const silence = await fetch(`${alertmanager.url}/api/v2/silences`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          matchers: [
            { name: 'alertname', value: 'CareConsumerLag', isRegex: false, isEqual: true },
          ],
          startsAt: new Date().toISOString(),
          endsAt: new Date(Date.now() + 2 * 3600_000).toISOString(),
          createdBy: 'ops@virtualpet.example',
          comment: 'rebalancing partitions',
        }),
      });
      silenceId = ((await silence.json()) as { silenceID: string }).silenceID;

      await eventually(
        async () => {
          const body = (await (await fetch(`${prometheus.url}/api/v1/alerts`)).json()) as {
            data: { alerts: { state: string; labels: Record<string, string> }[] };
          };
          return (
            body.data.alerts.some(
              (a) => a.state === 'firing' && a.labels.alertname === 'PetsAdoptionsStopped',
            ) || undefined
          );
        },
        20_000,
        'the Prometheus rule to fire',
      );
      await eventually(
        async () => {
          const body = (await (await fetch(`${alertmanager.url}/api/v2/alerts`)).json()) as {
            status: { silencedBy: string[] };
          }[];
          return body.some((a) => a.status.silencedBy.includes(silenceId)) || undefined;
        },
        20_000,
        'the silence to apply',
      );
    });
    afterAll(async () => {
      await prometheus?.stop();
      await alertmanager?.stop();
      if (root) fs.rmSync(root, { recursive: true, force: true });
    });

    const args = () => [
      'alerts',
      '--alertmanager-url',
      alertmanager.url,
      '--prometheus-url',
      prometheus.url,
      '--grafana-url',
      'https://grafana.example',
    ];

    it('groups alerts of both sources by severity, team and service, with their links', () => {
      const run = runCli(root, args());
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const text = run.stdout;

      const order = [
        'CRITICAL (1)',
        '  team platform · service gateway',
        '    ● GatewayErrorBudgetBurn [firing]',
        '      runbook:   https://runbooks.virtualpet.example/error-budget-burn',
        '      dashboard: https://grafana.example/d/svc-gateway',
        'WARNING (3)',
        '  team accounts · service users',
        '    ● UsersLatencyHigh [firing]',
        '      dashboard: (none)',
        '  team pets · service care',
        `    ● CareConsumerLag [silenced by silence ${silenceId}]`,
        '      runbook:   (none: add a runbook_url annotation)',
        '  team pets · service pets',
        '    ● PetsAdoptionsStopped [firing]',
        '      runbook:   https://runbooks.virtualpet.example/adoptions-stopped',
        '      dashboard: https://grafana.example/d/svc-pets',
        'SILENCES (1)',
      ];
      let at = 0;
      for (const line of order) {
        const found = text.indexOf(line, at);
        expect(found, `"${line}" after position ${at} in:\n${text}`).toBeGreaterThanOrEqual(0);
        at = found + line.length;
      }
      expect(text).toMatch(/PetsAdoptionsStopped \[firing\] since .* — from prometheus/);
      expect(text).toMatch(/GatewayErrorBudgetBurn \[firing\] since .* — from alertmanager/);
      expect(text).toMatch(
        new RegExp(
          `${silenceId}\\s+active\\s+until .*ops@virtualpet.example\\s+\\{alertname="CareConsumerLag"\\}\\s+rebalancing partitions`,
        ),
      );
    });

    it('prints the same report as JSON', () => {
      const run = runCli(root, [...args(), '--json']);
      expect(run.status).toBe(0);
      const body = JSON.parse(run.stdout) as {
        groups: {
          severity: string;
          groups: { service: string; alerts: { name: string; state: string }[] }[];
        }[];
        silences: { id: string; state: string }[];
        errors: unknown[];
      };
      expect(body.groups.map((g) => g.severity)).toEqual(['critical', 'warning']);
      expect(body.groups[1]!.groups.map((g) => g.service)).toEqual(['users', 'care', 'pets']);
      expect(body.groups[1]!.groups[1]!.alerts[0]).toMatchObject({
        name: 'CareConsumerLag',
        state: 'silenced',
      });
      expect(body.silences).toEqual([expect.objectContaining({ id: silenceId, state: 'active' })]);
      expect(body.errors).toEqual([]);
    });

    it('still shows what Alertmanager knows when Prometheus is down, and exits 4', async () => {
      const closed = await freePort();
      const run = runCli(root, [
        'alerts',
        '--alertmanager-url',
        alertmanager.url,
        '--prometheus-url',
        `http://127.0.0.1:${closed}`,
      ]);
      expect(run.status).toBe(4);
      expect(run.stdout).toContain('GatewayErrorBudgetBurn');
      expect(run.stdout).not.toContain('PetsAdoptionsStopped');
      expect(run.stderr).toContain('Prometheus alerts failed: connection refused');
      expect(run.stderr).toContain(`url: http://127.0.0.1:${closed}/api/v1/alerts`);
    });
  },
);
