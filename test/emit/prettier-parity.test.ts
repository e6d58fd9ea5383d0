/**
 * The emitter writes prettier's bytes without running prettier per file (see
 * src/emit/serialize.ts). This proves it: prettier, with the repository's config, must leave
 * every JSON and YAML file of a fresh build exactly as it is.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as prettier from 'prettier';
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../src/pipeline.ts';
import { repoRoot } from '../../src/model/source.ts';
import { toJson, toYaml } from '../../src/emit/serialize.ts';
import { listFiles } from '../helpers/files.ts';

const config = JSON.parse(fs.readFileSync(path.join(repoRoot, '.prettierrc.json'), 'utf8'));

async function prettierOf(file: string, text: string): Promise<string> {
  return prettier.format(text, { ...config, filepath: file });
}

describe('emitted files are prettier-formatted', () => {
  let outDir: string;

  beforeAll(async () => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-parity-'));
    const result = await build({ root: repoRoot, outDir });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('every JSON and YAML file of out/ is unchanged by prettier', async () => {
    const files = listFiles(outDir).filter((f) => /\.(json|ya?ml)$/.test(f));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = fs.readFileSync(path.join(outDir, file), 'utf8');
      expect(await prettierOf(file, text), file).toBe(text);
    }
  });

  it.each([
    ['short scalar arrays stay on one line', { tags: ['a', 'b'] }],
    [
      'long arrays break one element per line',
      { tags: Array.from({ length: 30 }, (_, i) => `tag-${i}`) },
    ],
    ['long number arrays fill lines', { buckets: Array.from({ length: 60 }, (_, i) => i * 0.125) }],
    ['nested empty containers', { a: {}, b: [], c: [{}], d: [[1, 2], []] }],
    ['strings needing escapes', { s: 'quote " backslash \\ tab \t unicode é' }],
  ])('JSON: %s', async (_name, document) => {
    const text = toJson(document);
    expect(await prettierOf('x.json', text)).toBe(text);
  });

  it.each([
    ['multi-line strings become block scalars', { expr: 'sum(rate(x[5m]))\n/\nsum(rate(y[5m]))' }],
    ['strings that need quotes', { a: '{{ $value }}', b: 'yes', c: '5m', d: "it's" }],
    ['nested sequences of maps', { groups: [{ name: 'g', rules: [{ alert: 'A', for: '5m' }] }] }],
  ])('YAML: %s', async (_name, document) => {
    const text = toYaml(document);
    expect(await prettierOf('x.yaml', text)).toBe(text);
  });
});

describe('YAML printer round trip', () => {
  it.each([
    [
      'prometheus rule',
      { alert: 'A', expr: 'up{service="x"} == 0', for: '5m', labels: { a: 'b' } },
    ],
    [
      'values YAML 1.1 reads as booleans',
      { a: 'yes', b: 'no', c: 'on', d: 'off', e: 'y', f: 'null', g: '~' },
    ],
    [
      'number-like strings',
      { a: '10', b: '1.5', c: '1e3', d: '0x1F', e: '12:30', f: '2026-01-02', g: '.inf' },
    ],
    [
      'indicators and comments',
      { a: '- x', b: 'a: b', c: 'a #b', d: '#x', e: '*x', f: '&x', g: '!x', h: 'x:' },
    ],
    ['quotes and escapes', { a: "it's", b: '"q"', c: 'tab\there', d: 'back\\slash', e: '' }],
    ['block literals', { a: 'one\ntwo', b: 'one\ntwo\n', c: 'one\n\ntwo\n\n', d: ' lead\nx' }],
    ['nesting', { a: [[1, 2], [], {}], b: [{ c: [{ d: null }] }], e: true, f: 0.25 }],
  ])('%s parses back to the same value and is prettier-stable', async (_name, document) => {
    const text = toYaml(document);
    expect(YAML.parse(text, { version: '1.1' })).toEqual(document);
    expect(YAML.parse(text)).toEqual(document);
    expect(await prettierOf('x.yaml', text)).toBe(text);
  });
});

describe('values JSON cannot hold', () => {
  it('drops functions and undefined like JSON.stringify does', () => {
    const document = { a: 1, marker: () => true, gone: undefined, list: [1, undefined, () => 1] };
    expect(JSON.parse(toJson(document))).toEqual(JSON.parse(JSON.stringify(document)));
    expect(YAML.parse(toYaml({ a: 1, marker: () => true, gone: undefined }))).toEqual({ a: 1 });
  });
});
