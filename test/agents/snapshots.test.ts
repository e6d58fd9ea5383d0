/** Snapshots of every generated agent config and retention fragment, file for file. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/pipeline.ts';
import { buildOwn } from './built.ts';

let result: BuildResult;

beforeAll(async () => {
  result = await buildOwn();
});

describe('generated configs match their snapshots', () => {
  it('has agent and retention files to compare', () => {
    const paths = result.rendered.map((f) => f.path);
    expect(paths.filter((p) => p.startsWith('agents/')).length).toBeGreaterThan(10);
    expect(paths.filter((p) => p.startsWith('retention/'))).toEqual([
      'retention/loki.yaml',
      'retention/prometheus.yaml',
      'retention/tempo.yaml',
    ]);
  });

  it('every agent config and retention fragment', async () => {
    const files = result.rendered.filter(
      (f) => f.path.startsWith('agents/') || f.path.startsWith('retention/'),
    );
    for (const file of files) {
      await expect(file.text, file.path).toMatchFileSnapshot(`__snapshots__/${file.path}`);
    }
  });
});
