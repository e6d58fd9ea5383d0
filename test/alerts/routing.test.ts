/**
 * Routing, with the real amtool: the generated Alertmanager config passes `amtool check-config`,
 * and `amtool config routes test` sends every team's alerts of every severity where the catalog
 * says. Grafana's policy tree routes the same labels to the same receivers, and no secret is
 * written literally.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../platform/catalog.ts';
import type { GrafanaPolicy } from '../../src/builders/index.ts';
import { binary, skipWithout } from '../helpers/binaries.ts';
import { buildAlerting, type AlertingBuild } from './lib/build.ts';

let built: AlertingBuild;
const amConfig = () => path.join(built.outDir, 'alertmanager/alertmanager.yml');
const grafanaFile = (name: string) =>
  YAML.parse(
    fs.readFileSync(path.join(built.outDir, 'grafana/provisioning/alerting', name), 'utf8'),
  ) as Record<string, unknown>;

beforeAll(async () => {
  built = await buildAlerting();
});
afterAll(() => built?.remove());

/** Every team and severity, with the receivers each must reach, in order. */
const expectations = catalog.teams.flatMap((team) => [
  {
    labels: { team: team.name, severity: 'critical', alertname: 'ServiceDown' },
    receivers: [`${team.name}-primary`, `${team.name}-fallback`],
  },
  {
    labels: { team: team.name, severity: 'warning', alertname: 'ServiceHighLatency' },
    receivers: [`${team.name}-tickets`],
  },
  {
    labels: { team: team.name, severity: 'info', alertname: 'SomethingToKnow' },
    receivers: [`${team.name}-tickets`],
  },
]);
const special = [
  {
    labels: { alertname: 'Watchdog', team: 'platform', severity: 'info' },
    receivers: ['heartbeat'],
  },
  {
    labels: {
      alertname: 'AlertmanagerNotificationsFailing',
      team: 'platform',
      severity: 'critical',
    },
    receivers: ['platform-primary', 'platform-fallback'],
  },
  {
    labels: { alertname: 'Orphan', team: 'nobody', severity: 'critical' },
    receivers: ['platform-tickets'],
  },
];

describe.skipIf(skipWithout('amtool'))('amtool', () => {
  const amtool = (args: string[]) =>
    spawnSync(binary('amtool'), args, { encoding: 'utf8', timeout: 30_000 });

  it('check-config accepts the generated config', () => {
    const run = amtool(['check-config', amConfig()]);
    expect(run.stdout + run.stderr).toContain('SUCCESS');
    expect(run.stdout).toContain(`${catalog.teams.length * 3 + 1} receivers`);
    expect(run.status).toBe(0);
  });

  it.each([...expectations, ...special])(
    'routes $labels to $receivers',
    ({ labels, receivers }) => {
      const pairs = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
      const run = amtool([
        'config',
        'routes',
        'test',
        `--config.file=${amConfig()}`,
        `--verify.receivers=${receivers.join(',')}`,
        ...pairs,
      ]);
      expect(run.stdout.trim()).toBe(receivers.join(','));
      expect(run.status).toBe(0);
    },
  );

  it('verify fails when the expected receivers are wrong', () => {
    const run = amtool([
      'config',
      'routes',
      'test',
      `--config.file=${amConfig()}`,
      '--verify.receivers=pets-tickets',
      'team=pets',
      'severity=critical',
    ]);
    expect(run.status).toBe(1);
  });
});

/** The receivers a Grafana policy tree sends `labels` to (first match, `continue`). */
function grafanaRoute(policy: GrafanaPolicy, labels: Record<string, string>): string[] {
  const matches = (p: GrafanaPolicy) =>
    (p.object_matchers ?? []).every(([k, op, v]) => op === '=' && labels[k] === v);
  const walk = (node: GrafanaPolicy): string[] => {
    const found: string[] = [];
    for (const child of node.routes ?? []) {
      if (!matches(child)) continue;
      const below = walk(child);
      found.push(...(below.length ? below : [child.receiver!]));
      if (!child.continue) break;
    }
    return found;
  };
  const found = walk(policy);
  return found.length ? found : [policy.receiver!];
}

describe('Grafana notification resources', () => {
  it('the policy tree routes every team and severity like Alertmanager', () => {
    const policy = (grafanaFile('policies.yaml').policies as GrafanaPolicy[])[0]!;
    for (const { labels, receivers } of expectations) {
      expect(grafanaRoute(policy, labels), JSON.stringify(labels)).toEqual(receivers);
    }
  });

  it('every receiver the tree names is a contact point, every mute timing exists', () => {
    const points = (grafanaFile('contact-points.yaml').contactPoints as { name: string }[]).map(
      (p) => p.name,
    );
    const mutes = (grafanaFile('mute-timings.yaml').muteTimes as { name: string }[]).map(
      (m) => m.name,
    );
    const named = new Set<string>();
    const usedMutes = new Set<string>();
    const walk = (p: GrafanaPolicy) => {
      if (p.receiver) named.add(p.receiver);
      p.mute_time_intervals?.forEach((m) => usedMutes.add(m));
      p.routes?.forEach(walk);
    };
    walk((grafanaFile('policies.yaml').policies as GrafanaPolicy[])[0]!);
    expect([...named].filter((n) => !points.includes(n))).toEqual([]);
    expect([...usedMutes].sort()).toEqual([...mutes].sort());
    expect(mutes).toContain('platform-weekly-patching');
  });
});

describe('secrets', () => {
  it('Alertmanager reads every credential from a file', () => {
    const config = YAML.parse(fs.readFileSync(amConfig(), 'utf8')) as {
      global: Record<string, string>;
      receivers: Record<string, Record<string, unknown>[] | string>[];
    };
    expect(config.global.smtp_auth_password_file).toMatch(/^\/etc\/alertmanager\/secrets\//);
    expect(config.global).not.toHaveProperty('smtp_auth_password');
    for (const receiver of config.receivers) {
      for (const pd of (receiver.pagerduty_configs ?? []) as Record<string, unknown>[]) {
        expect(pd).toHaveProperty('routing_key_file');
        expect(pd).not.toHaveProperty('routing_key');
        expect(pd).not.toHaveProperty('service_key');
      }
      for (const slack of (receiver.slack_configs ?? []) as Record<string, unknown>[]) {
        expect(slack).toHaveProperty('api_url_file');
        expect(slack).not.toHaveProperty('api_url');
      }
    }
  });

  it('Grafana contact points hold ${VAR} placeholders for credentials', () => {
    const points = grafanaFile('contact-points.yaml').contactPoints as {
      receivers: { type: string; settings: Record<string, string> }[];
    }[];
    const secretSettings = points
      .flatMap((p) => p.receivers)
      .flatMap((r) =>
        r.type === 'pagerduty'
          ? [r.settings.integrationKey]
          : r.type === 'slack'
            ? [r.settings.url]
            : [],
      );
    expect(secretSettings.length).toBeGreaterThan(0);
    for (const value of secretSettings) expect(value).toMatch(/^\$\{[A-Z0-9_]+\}$/);
  });

  it('nothing in the alerting output looks like a literal token', () => {
    const tokenLike = /glsa_|xox[bap]-|hooks\.slack\.com\/services\/|[a-f0-9]{32}/;
    for (const file of built.result.rendered) {
      if (file.path === 'manifest.json') continue;
      if (!/alertmanager|alerting|rules/.test(file.path)) continue;
      expect(tokenLike.test(file.text), file.path).toBe(false);
    }
  });
});
