/**
 * The retention fragments have the structure each server reads: Loki's compactor settings that
 * make retention run and its limits, Tempo's block retention, Prometheus's flags or config.
 */
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  lokiRetention,
  prometheusBytes,
  prometheusRetention,
  readsConfig,
} from '../../src/builders/index.ts';
import { parseDuration } from '../../src/builders/retention/duration.ts';
import type { BuildResult } from '../../src/pipeline.ts';
import { buildOwn, renderedUnder } from '../agents/built.ts';

let files: Map<string, string>;
let result: BuildResult;

beforeAll(async () => {
  result = await buildOwn();
  files = renderedUnder(result, 'retention/');
});

describe('retention fragments', () => {
  it('Loki: compactor runs retention, periods are whole days, selectors kept in order', () => {
    const loki = YAML.parse(files.get('retention/loki.yaml')!);
    expect(Object.keys(loki)).toEqual(['compactor', 'limits_config']);
    expect(loki.compactor).toEqual({
      working_directory: '/loki/compactor',
      compaction_interval: '10m',
      retention_enabled: true,
      retention_delete_delay: '2h',
      retention_delete_worker_count: 150,
      delete_request_store: 'filesystem',
    });
    expect(loki.limits_config.retention_period).toBe('744h');
    for (const stream of loki.limits_config.retention_stream) {
      expect(Object.keys(stream)).toEqual(['selector', 'priority', 'period']);
      expect(parseDuration(stream.period)! % 86_400).toBe(0);
    }
    expect(loki.limits_config.retention_stream[0]).toEqual({
      selector: '{level=~"trace|debug"}',
      priority: 4,
      period: '72h',
    });
  });

  it('Tempo: block retention in hours (Go durations have no d)', () => {
    expect(YAML.parse(files.get('retention/tempo.yaml')!)).toEqual({
      compactor: { compaction: { block_retention: '336h' } },
    });
  });

  it('Prometheus: flags for 2.42', () => {
    expect(YAML.parse(files.get('retention/prometheus.yaml')!)).toEqual({
      flags: ['--storage.tsdb.retention.time=35d', '--storage.tsdb.retention.size=16GB'],
    });
  });

  it('each policy records the line of each setting', () => {
    const loki = result.resources.find((r) => r.id === 'loki')!;
    expect(loki.source.file).toBe('retention/loki.ts');
    const stream = loki.sources!['limits_config.retention_stream[0]']!;
    expect(stream.file).toBe('retention/loki.ts');
    expect(stream.line).toBeGreaterThan(loki.source.line);
  });

  it.each([
    ['2.42.0', false],
    ['3.7.1', false],
    ['3.8.0', true],
    ['3.14', true],
    ['4.0.0', true],
  ])('Prometheus %s reads retention from its config file: %s', (version, expected) => {
    expect(readsConfig(version)).toBe(expected);
  });

  it.each([
    [16 * 1024 ** 3, '16GB'],
    [512 * 1024 ** 2, '512MB'],
    [1536 * 1024 ** 2, '1536MB'],
    [1000, '1000B'],
  ])('Prometheus size %d is written %s', (bytes, text) => {
    expect(prometheusBytes(bytes)).toBe(text);
  });

  it('a policy missing a setting fails naming it', () => {
    expect(() => lokiRetention('x').period('31d').toResources()).toThrow(
      'loki retention `x`: call .period() and .compactor()',
    );
    expect(() => prometheusRetention('p').time('30 days')).toThrow(
      'prometheus retention time: `30 days` is not a duration',
    );
  });
});
