/**
 * Every generated agent config, checked against the contract (section 7): Promtail's YAML keys
 * and required settings, Alloy's syntax (parsed strictly) and components, and both agents built
 * from one model agreeing on targets, labels, batching and backoff.
 */
import YAML from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../platform/catalog.ts';
import { environments } from '../../platform/environments.ts';
import { logFields, logStreamLabels } from '../../src/conventions/log-fields.ts';
import type { BuildResult } from '../../src/pipeline.ts';
import { buildOwn, renderedUnder } from './built.ts';
import { parseRiver, type Block, type Value } from '../../src/builders/agents/river-parse.ts';
import { renderRiver, river } from '../../src/builders/index.ts';

let result: BuildResult;
let promtail: Map<string, string>;
let alloy: Map<string, string>;

beforeAll(async () => {
  result = await buildOwn();
  promtail = renderedUnder(result, 'agents/promtail/');
  alloy = renderedUnder(result, 'agents/alloy/');
});

const pairs = catalog.services.flatMap((service) =>
  environments.map((env) => ({ service, env: env.name, loki: env.loki })),
);

/** Top-level and client keys Promtail reads (contract 7.2, plus target_config). */
const promtailKeys = ['server', 'positions', 'clients', 'target_config', 'scrape_configs'];
const clientKeys = [
  'url',
  'tenant_id',
  'batchwait',
  'batchsize',
  'timeout',
  'backoff_config',
  'drop_rate_limited_batches',
  'external_labels',
  'bearer_token',
  'basic_auth',
];
const idFields = [logFields.traceId, logFields.spanId, logFields.requestId, 'instance', 'filename'];

describe('generated agent configs', () => {
  it('builds without diagnostics, one Promtail and one Alloy config per service and environment', () => {
    expect(result.diagnostics).toEqual([]);
    expect(promtail.size).toBe(pairs.length);
    expect(alloy.size).toBe(pairs.length);
  });

  describe.each(pairs)('$service.name in $env', ({ service, env, loki }) => {
    it('Promtail: contract keys, stated batching and backoff, file and journal targets', () => {
      const config = YAML.parse(promtail.get(`agents/promtail/${env}/${service.name}.yaml`)!);
      expect(Object.keys(config)).toEqual(promtailKeys);
      expect(config.positions).toEqual({
        filename: `/var/lib/promtail/${service.name}/positions.yaml`,
        sync_period: '10s',
        ignore_invalid_yaml: false,
      });

      expect(config.clients).toHaveLength(1);
      const client = config.clients[0];
      for (const key of Object.keys(client)) expect(clientKeys).toContain(key);
      expect(client.url).toBe(`${loki.url}/loki/api/v1/push`);
      expect(client.tenant_id).toBe(loki.tenant);
      expect(client).toMatchObject({ batchwait: '1s', batchsize: 1048576, timeout: '10s' });
      expect(client.backoff_config).toEqual({
        min_period: '500ms',
        max_period: '5m',
        max_retries: 21,
      });
      if (loki.auth.type === 'bearer') {
        expect(client.bearer_token).toBe(`\${${loki.auth.tokenEnv}}`);
      }

      const [files, journal] = config.scrape_configs;
      expect(files.static_configs[0].labels).toEqual({
        service: service.name,
        env,
        __path__: service.logPath,
      });
      expect(journal.journal.matches).toBe(`_SYSTEMD_UNIT=virtual-pet-${service.name}.service`);
    });

    it('Promtail: only service, env and level become labels; ids never do', () => {
      const config = YAML.parse(promtail.get(`agents/promtail/${env}/${service.name}.yaml`)!);
      const labels = new Set<string>();
      for (const scrape of config.scrape_configs) {
        for (const sc of scrape.static_configs ?? []) {
          for (const l of Object.keys(sc.labels)) if (!l.startsWith('__')) labels.add(l);
        }
        for (const l of Object.keys(scrape.journal?.labels ?? {})) labels.add(l);
        for (const r of scrape.relabel_configs ?? []) labels.add(r.target_label);
        for (const stage of scrape.pipeline_stages ?? []) {
          for (const l of Object.keys(stage.labels ?? {})) labels.add(l);
        }
      }
      expect([...labels].sort()).toEqual([...logStreamLabels].sort());
      for (const id of idFields) expect(labels.has(id)).toBe(false);

      const stages = config.scrape_configs[0].pipeline_stages;
      expect(stages.map((s: object) => Object.keys(s)[0])).toEqual([
        'json',
        'template',
        'labels',
        'timestamp',
        'labeldrop',
      ]);
      expect(stages[0].json.expressions).toEqual({ level: logFields.level, time: logFields.time });
      expect(stages[4].labeldrop).toEqual(['filename']);
    });

    it('Alloy: parses, wires its components, and matches the Promtail config of the model', () => {
      const text = alloy.get(`agents/alloy/${env}/${service.name}.alloy`)!;
      const blocks = parseRiver(text);
      const name = service.name.replace(/-/g, '_');
      expect(blocks.map((b) => `${b.name} ${b.label}`)).toEqual([
        `local.file_match ${name}`,
        `loki.source.file ${name}`,
        `loki.process ${name}`,
        `loki.relabel ${name}_journal`,
        `loki.source.journal ${name}`,
        'loki.write default',
      ]);
      expectReferencesResolve(blocks);

      const promtailConfig = YAML.parse(
        promtail.get(`agents/promtail/${env}/${service.name}.yaml`)!,
      );
      const client = promtailConfig.clients[0];
      const write = blocks.find((b) => b.name === 'loki.write')!;
      const endpoint = plain(write.blocks.find((b) => b.name === 'endpoint')!.attributes);
      expect(endpoint).toMatchObject({
        url: client.url,
        tenant_id: client.tenant_id,
        batch_wait: client.batchwait,
        batch_size: '1MiB',
        remote_timeout: client.timeout,
        min_backoff_period: client.backoff_config.min_period,
        max_backoff_period: client.backoff_config.max_period,
        max_backoff_retries: client.backoff_config.max_retries,
        retry_on_http_429: !client.drop_rate_limited_batches,
      });
      const wal = plain(write.blocks.find((b) => b.name === 'wal')!.attributes);
      expect(wal).toEqual({ enabled: true, max_segment_age: '2h' });
      expect(text).toContain('--stability.level=experimental');

      const match = plain(blocks[0]!.attributes);
      expect(match.path_targets).toEqual([
        promtailConfig.scrape_configs[0].static_configs[0].labels,
      ]);
      const process = blocks[2]!;
      expect(process.blocks.map((b) => b.name)).toEqual([
        'stage.json',
        'stage.template',
        'stage.labels',
        'stage.timestamp',
        'stage.label_drop',
      ]);
      expect(plain(process.blocks[2]!.attributes)).toEqual({ values: { level: '' } });
    });
  });
});

/** Every `a.b "x"` reference (`a.b.x.receiver`, `.targets`, `.rules`) names a defined component. */
function expectReferencesResolve(blocks: Block[]): void {
  const defined = new Set(blocks.map((b) => `${b.name}.${b.label}`));
  const refs: string[] = [];
  const walk = (value: Value) => {
    if (value.type === 'ref') refs.push(value.path);
    if (value.type === 'array') value.items.forEach(walk);
    if (value.type === 'object') Object.values(value.entries).forEach(walk);
  };
  const visit = (block: Block) => {
    Object.values(block.attributes).forEach(walk);
    block.blocks.forEach(visit);
  };
  blocks.forEach(visit);
  expect(refs.length).toBeGreaterThan(0);
  for (const ref of refs) {
    const component = ref.split('.').slice(0, -1).join('.');
    expect(defined, ref).toContain(component);
  }
}

/** Attribute values as plain JSON, for comparison with the Promtail YAML. */
function plain(attributes: Record<string, Value>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k, plainValue(v)]));
}

function plainValue(value: Value): unknown {
  switch (value.type) {
    case 'array':
      return value.items.map(plainValue);
    case 'object':
      return plain(value.entries);
    case 'ref':
      return { ref: value.path };
    case 'call':
      return { call: value.name, args: value.args.map(plainValue) };
    default:
      return value.value;
  }
}

describe('the River parser the Alloy checks rely on', () => {
  it.each([
    [
      'an unclosed block',
      'loki.write "default" {\n\tendpoint {\n\t\turl = "x"\n\t}\n',
      'line end: expected `}`, found `end`',
    ],
    ['a missing value', 'a "b" {\n\tx =\n}\n', 'line 3: expected a value'],
    ['an unterminated string', 'a "b" {\n\tx = "y\n}\n', 'line 2: unexpected `"`'],
    ['an attribute set twice', 'a "b" {\n\tx = 1\n\tx = 2\n}\n', 'attribute `x` set twice'],
  ])('rejects %s', (_name, text, error) => {
    expect(() => parseRiver(text)).toThrow(error);
  });

  it('reads back what the writer escapes', () => {
    const text = renderRiver([
      river.block('a', 'b', [river.attr('s', 'quote " backslash \\ tab \t'), river.attr('n', 3)]),
    ]);
    expect(plain(parseRiver(text)[0]!.attributes)).toEqual({
      s: 'quote " backslash \\ tab \t',
      n: 3,
    });
  });
});
