/**
 * The generated scrape configuration: a job per catalog service, every instance of every
 * environment as a target with the service's target labels, the rules folder and Alertmanager —
 * and `promtool check config` accepts it together with the generated rule files.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../platform/catalog.ts';
import { environments } from '../../platform/environments.ts';
import { targetLabels } from '../../src/conventions/metrics.ts';
import { binary, skipWithout } from '../helpers/binaries.ts';
import { generated, type Generated } from './generated.ts';

interface ScrapeConfig {
  rule_files: string[];
  alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] };
  scrape_configs: {
    job_name: string;
    static_configs: { targets: string[]; labels: Record<string, string> }[];
  }[];
}

let out: Generated;
let config: ScrapeConfig;

beforeAll(async () => {
  out = await generated();
  config = YAML.parse(out.scrapeConfig) as ScrapeConfig;
});

describe('scrape configuration', () => {
  it('is one scrape-config resource written to out/prometheus/prometheus.yml', () => {
    const scrape = out.resources.filter((r) => r.kind === 'scrape-config');
    expect(scrape.map((r) => [r.id, r.source.file])).toEqual([
      ['prometheus', 'agents/prometheus-scrape.ts'],
    ]);
  });

  it('has one job per catalog service, then the exporters and Alertmanager', () => {
    expect(config.scrape_configs.map((job) => job.job_name)).toEqual([
      ...catalog.services.map((s) => s.name),
      'node',
      'kafka-exporter',
      'kafka-jmx',
      'alertmanager',
    ]);
  });

  it('labels every node_exporter target with its host service and environment', () => {
    const node = config.scrape_configs.find((j) => j.job_name === 'node')!;
    expect(node.static_configs).toHaveLength(catalog.services.length * environments.length);
    const pets = node.static_configs.find(
      (g) => g.labels.service === 'pets' && g.labels.env === 'production',
    )!;
    expect(pets.targets).toEqual([
      'pets-1.production.virtualpet.internal:9100',
      'pets-2.production.virtualpet.internal:9100',
      'pets-3.production.virtualpet.internal:9100',
    ]);
  });

  it('scrapes the JMX exporter on every broker of the catalog', () => {
    const jmx = config.scrape_configs.find((j) => j.job_name === 'kafka-jmx')!;
    const staging = jmx.static_configs.find((g) => g.labels.env === 'staging')!;
    expect(staging.targets).toHaveLength(catalog.kafka?.brokers ?? 1);
  });

  it.each(catalog.services.map((s) => [s.name, s] as const))(
    '%s: every instance of every environment, with its target labels',
    (_, service) => {
      const job = config.scrape_configs.find((j) => j.job_name === service.name)!;
      expect(job.static_configs.map((g) => g.labels.env)).toEqual(environments.map((e) => e.name));
      for (const group of job.static_configs) {
        expect(group.labels).toEqual({
          service: service.name,
          team: service.team,
          env: group.labels.env,
        });
        const expected = group.labels.env === 'local' ? 1 : service.replicas;
        expect(group.targets).toHaveLength(expected);
        for (const target of group.targets) expect(target).toMatch(new RegExp(`:${service.port}$`));
      }
      // With `job` from job_name and `instance` from the address, these are all target labels.
      expect([...Object.keys(job.static_configs[0]!.labels), 'instance', 'job'].sort()).toEqual(
        [...targetLabels].sort(),
      );
    },
  );

  it('loads the rules folder and notifies the file-mode Alertmanager', () => {
    expect(config.rule_files).toEqual(['rules/*.yaml']);
    expect(config.alerting.alertmanagers[0]!.static_configs[0]!.targets).toEqual([
      '127.0.0.1:9093',
    ]);
  });
});

describe.skipIf(skipWithout('promtool'))('promtool check config', () => {
  it('accepts the scrape config and the generated rule files it loads', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-scrape-'));
    fs.mkdirSync(path.join(dir, 'rules'));
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), out.scrapeConfig);
    for (const [name, text] of out.ruleFiles) fs.writeFileSync(path.join(dir, 'rules', name), text);
    expect(out.ruleFiles.size).toBeGreaterThan(0);

    const result = spawnSync(binary('promtool'), ['check', 'config', 'prometheus.yml'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toMatch(/SUCCESS/);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a broken config, so the check above can fail', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kit-scrape-'));
    const broken = out.scrapeConfig.replace('scrape_interval: 15s', 'scrape_interval: soon');
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), broken);
    const result = spawnSync(binary('promtool'), ['check', 'config', 'prometheus.yml'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
