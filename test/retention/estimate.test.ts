/**
 * The storage estimate follows its documented formulas, and the build prints it: one line on
 * stdout before the summary, and an `estimates` key in `--json`.
 */
import { describe, expect, it } from 'vitest';
import { lokiRetention, prometheusRetention, tempoRetention } from '../../src/builders/index.ts';
import type { Catalog, Service } from '../../src/model/catalog.ts';
import type { Resource } from '../../src/model/resource.ts';
import { estimateStorage, formatBytes, storageLine } from '../../src/retention/estimate.ts';
import type { PlatformFacts } from '../../src/retention/platform.ts';
import { buildersImport, runCli, tempProject } from '../helpers/project.ts';

const day = 86_400;

const service = (name: string): Service => ({
  name,
  title: name,
  kind: 'http-api',
  team: 't',
  description: '',
  port: 8080,
  replicas: 2,
  slos: [],
  volume: {
    logLinesPerSecond: 10,
    bytesPerLogLine: 100,
    seriesPerInstance: 1500,
    spansPerSecond: 4,
  },
  limits: { cpuCores: 1, memoryBytes: 1, diskBytes: 1 },
  logPath: `/var/log/${name}/*.log`,
});

const facts: PlatformFacts = {
  catalog: {
    platform: 'p',
    teams: [],
    services: [service('a'), service('b')],
    topics: [],
    deadLetterTopic: '',
  } as Catalog,
  environments: ['staging', 'production'],
};

const compactor = {
  workingDirectory: '/c',
  compactionInterval: '10m',
  deleteRequestStore: 'filesystem',
  deleteDelay: '2h',
  deleteWorkerCount: 1,
} as const;

const resources = (...sources: { toResources(): Resource[] }[]) =>
  sources.flatMap((s) => s.toResources());

describe('storage estimate', () => {
  it('logs: lines/s × bytes/line × replicas × period, per-stream rules that cover whole services', () => {
    const policy = lokiRetention('l')
      .period('1d')
      .stream('{service="a"}', '3d')
      .stream('{level="debug"}', '1d', 9)
      .compactor(compactor);
    const [estimate] = estimateStorage(resources(policy), facts);
    // a: 10 × 100 × 2 × 3 d; b: 10 × 100 × 2 × 1 d (the debug rule covers one level only).
    expect(estimate).toMatchObject({ signal: 'logs', bytes: 2000 * 3 * day + 2000 * day });
  });

  it('metrics: series × replicas ÷ 15 s × 2 B × time, capped by the size limit', () => {
    const byTime = estimateStorage(
      resources(prometheusRetention().time('30d').version('2.42.0')),
      facts,
    );
    // (1500 × 2 × 2 series) ÷ 15 s = 400 samples/s × 2 B = 800 B/s.
    expect(byTime[0]).toMatchObject({ signal: 'metrics', bytes: 800 * 30 * day });

    const capped = estimateStorage(
      resources(
        prometheusRetention()
          .time('30d')
          .size(1024 ** 3)
          .version('3.8.0'),
      ),
      facts,
    );
    expect(capped[0]).toMatchObject({ bytes: 1024 ** 3 });
    expect(capped[0]!.note).toBe('size limit reached first: keeps about 15.5 d');
  });

  it('traces: spans/s × replicas × 500 B × block retention', () => {
    const [estimate] = estimateStorage(resources(tempoRetention().blocks('14d')), facts);
    expect(estimate).toMatchObject({ signal: 'traces', bytes: 4 * 2 * 2 * 500 * 14 * day });
  });

  it('one line for all policies, sorted by signal', () => {
    const all = estimateStorage(
      resources(tempoRetention().blocks('1d'), prometheusRetention().time('1d').version('2.42.0')),
      facts,
    );
    expect(storageLine(all)).toBe(
      'storage: metrics 65.9 MiB · traces 659.2 MiB at current retention (production, estimated)',
    );
    expect(storageLine([])).toBeUndefined();
    expect(formatBytes(512)).toBe('512 B');
  });
});

describe('the build prints the estimate', () => {
  const project = () =>
    tempProject({
      'retention/all.ts': `import { lokiRetention, prometheusRetention, tempoRetention } from '${buildersImport}';

export default [
  lokiRetention().period('31d').compactor({
    workingDirectory: '/c', compactionInterval: '10m', deleteRequestStore: 'filesystem',
    deleteDelay: '2h', deleteWorkerCount: 150,
  }),
  prometheusRetention().time('35d').version('2.42.0'),
  tempoRetention().blocks('14d'),
];
`,
    });

  it('a storage line on stdout right before the summary', () => {
    const run = runCli(project(), ['build']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^storage: logs \d+\.\d GiB · metrics \d+\.\d GiB · traces \d+\.\d GiB at current retention \(production, estimated\)$/,
    );
    expect(lines[1]).toMatch(/^✔ 3 resources \(3 retention-policy\)/);
  });

  it('an estimates key in --json', () => {
    const run = runCli(project(), ['build', '--json']);
    const parsed = JSON.parse(run.stdout) as { estimates: { signal: string; bytes: number }[] };
    expect(parsed.estimates.map((e) => e.signal)).toEqual(['logs', 'metrics', 'traces']);
    for (const e of parsed.estimates) expect(e.bytes).toBeGreaterThan(0);
  });
});
