/**
 * Validation benchmark: 10,000 rule expressions and 1,000 dashboards through every in-process
 * check (schemas, PromQL/LogQL parse, lint rules, cross references, metric catalog), against
 * `promtool check rules` on the same 10,000 rules in one invocation. Prints both wall times and
 * their ratio, measured in one run (the machines are shared and noisy). Files go to /dev/shm.
 *
 * Two rule sets: "templated" (ten rule shapes per service, varying only in label values, as a
 * catalog generates them) and "distinct" (every expression a different shape, so the parse
 * cache cannot help: the worst case). Both are timed from a cold cache in a fresh process.
 *
 * `npx tsx scripts/bench/validate.ts` runs it; `runValidateBench()` is what `npm run bench` calls.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  alertRule,
  dashboard,
  logs,
  lokiQuery,
  promQuery,
  prometheusRuleGroup,
  quantile,
  rate,
  recordingRule,
  selector,
  sumBy,
  timeseries,
  stat,
} from '../../src/builders/index.ts';
import { compile } from '../../src/compile/compile.ts';
import { serialize } from '../../src/emit/serialize.ts';
import { lokiDs, prometheusDs } from '../../src/conventions/datasources.ts';
import { metricNames as m } from '../../src/conventions/metrics.ts';
import type { Resource } from '../../src/model/resource.ts';
import { checks } from '../../src/validate/registry.ts';
import { validate } from '../../src/validate/validate.ts';

const services = 1_000;
const rulesPerService = 10;
const scratch = fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
const self = fileURLToPath(import.meta.url);

type RuleSet = 'templated' | 'distinct';

function name(i: number): string {
  return `svc-${String(i).padStart(4, '0')}`;
}

/** A service dashboard of a dozen panels, like the real ones. */
function serviceDashboard(service: string) {
  const sel = { service, env: '$env', instance: { op: '=~' as const, value: '$instance' } };
  const graph = (title: string, unit: string, expr: string) =>
    timeseries(title).datasource(prometheusDs).unit(unit).withTarget(promQuery(expr));
  return dashboard(`Service ${service}`)
    .withPanel(graph('Requests', 'reqps', sumBy(['route'], rate(selector(m.httpRequests, sel)))))
    .withPanel(
      graph(
        'Errors',
        'reqps',
        sumBy(['route'], rate(selector(m.httpRequests, { ...sel, status_class: '5xx' }))),
      ),
    )
    .withPanel(graph('p50', 's', quantile(0.5, m.httpDuration, sel)))
    .withPanel(graph('p95', 's', quantile(0.95, m.httpDuration, sel)))
    .withPanel(graph('p99', 's', quantile(0.99, m.httpDuration, sel, ['route'])))
    .withPanel(graph('CPU', 'percentunit', sumBy([], rate(selector(m.cpuSeconds, sel)))))
    .withPanel(graph('Memory', 'bytes', `max(${selector(m.residentMemory, sel)})`))
    .withPanel(graph('Event loop lag', 's', `max(${selector(m.eventLoopLag, sel)})`))
    .withPanel(graph('Consumed', 'short', sumBy(['topic'], rate(selector(m.consumed, sel)))))
    .withPanel(
      graph('Consumer failures', 'short', sumBy(['topic'], rate(selector(m.consumeFailures, sel)))),
    )
    .withPanel(
      stat('Instances up')
        .datasource(prometheusDs)
        .unit('none')
        .withTarget(promQuery(`count(up{service="${service}"} == 1)`)),
    )
    .withPanel(
      logs('Errors')
        .datasource(lokiDs)
        .withTarget(lokiQuery(`{service="${service}", env="$env"} | json | level="error"`)),
    );
}

/** Ten rules per service; in the distinct set every expression differs in shape too. */
function serviceRules(i: number, set: RuleSet) {
  const service = name(i);
  const sel = { service };
  const n = set === 'distinct' ? ` * ${i + 1}` : '';
  const record = (suffix: string, expr: string) =>
    recordingRule(`service:${suffix}:${i}`).expr(expr);
  const alert = (alertName: string, expr: string) =>
    alertRule(`${alertName}${i}`)
      .expr(expr)
      .for('5m')
      .severity('warning')
      .labels({ service })
      .summary(`${alertName} on ${service}`)
      .runbook(`https://runbooks.virtualpet.example/${alertName}`);
  return prometheusRuleGroup(`${service}-rules`)
    .namespace(`team-${i % 10}`)
    .withRules([
      record(
        'http_requests:rate5m',
        `${sumBy(['service', 'route'], rate(selector(m.httpRequests, sel), '5m'))}${n}`,
      ),
      record(
        'http_errors:rate5m',
        `${sumBy(['service'], rate(selector(m.httpRequests, { ...sel, status_class: '5xx' }), '5m'))}${n}`,
      ),
      record('http_latency:p95', `${quantile(0.95, m.httpDuration, sel, ['service'], '5m')}${n}`),
      record(
        'consumer_failures:rate5m',
        `${sumBy(['topic'], rate(selector(m.consumeFailures, sel), '5m'))}${n}`,
      ),
      alert(
        'HighErrorRatio',
        `(${sumBy([], rate(selector(m.httpRequests, { ...sel, status_class: '5xx' }), '5m'))}) / (${sumBy([], rate(selector(m.httpRequests, sel), '5m'))}${n}) > 0.05`,
      ),
      alert('HighLatency', `${quantile(0.99, m.httpDuration, sel, [], '5m')}${n} > 0.5`),
      alert('Down', `up{service="${service}"}${n} == 0`),
      alert('MemoryHigh', `max(${selector(m.residentMemory, sel)})${n} > 1e9`),
      alert(
        'ConsumerFailing',
        `${sumBy([], rate(selector(m.consumeFailures, sel), '10m'))}${n} > 0 or on() vector(0) > 1`,
      ),
      alert('Restarted', `changes(${selector(m.startTime, sel)}[1h])${n} > 3`),
    ]);
}

function resources(set: RuleSet): Resource[] {
  const built: Resource[] = [];
  for (let i = 0; i < services; i++) {
    built.push(...serviceDashboard(name(i)).toResources(), ...serviceRules(i, set).toResources());
  }
  return built;
}

/** Child mode: time our validation of one rule set from a cold process; print JSON. */
async function child(set: RuleSet): Promise<void> {
  const all = resources(set);
  const inProcess = checks.filter((c) => !c.rules.some((rule) => rule.startsWith('tool/')));
  const started = performance.now();
  const found = await validate({ resources: all, files: [], root: scratch }, inProcess);
  const ms = performance.now() - started;

  const again = performance.now();
  await validate({ resources: [...all], files: [], root: scratch }, inProcess);
  const warmMs = performance.now() - again;

  const dir = fs.mkdtempSync(path.join(scratch, 'obs-bench-validate-'));
  const files = compile(all.filter((r) => r.kind === 'prometheus-rule-group')).files;
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, file.path), serialize(file.path, file.document));
  }
  const rules = all
    .filter((r) => r.kind === 'prometheus-rule-group')
    .reduce((n, r) => n + (r.body as { rules: unknown[] }).rules.length, 0);
  const dashboards = all.filter((r) => r.kind === 'dashboard').length;
  const errors = found.filter((d) => d.severity === 'error').length;
  console.log(
    JSON.stringify({ ms, warmMs, dir, paths: files.map((f) => f.path), rules, dashboards, errors }),
  );
}

interface ChildResult {
  ms: number;
  warmMs: number;
  dir: string;
  paths: string[];
  rules: number;
  dashboards: number;
  errors: number;
}

function promtoolMs(dir: string, paths: string[]): number {
  const bin = execFileSync('sh', ['-c', 'command -v promtool'], { encoding: 'utf8' }).trim();
  const started = performance.now();
  const run = spawnSync(bin, ['check', 'rules', ...paths], { cwd: dir, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`promtool check rules failed:\n${run.stdout}${run.stderr}`);
  return ms;
}

/** Run both rule sets; print our time, promtool's, and the ratio. */
export async function runValidateBench(): Promise<
  { set: RuleSet; ours: number; promtool: number }[]
> {
  console.log(
    `validate: ${services} dashboards + ${services * rulesPerService} rule expressions vs promtool check rules`,
  );
  const results: { set: RuleSet; ours: number; promtool: number }[] = [];
  for (const set of ['templated', 'distinct'] as const) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', set], {
      encoding: 'utf8',
      // A cold parse cache: no facts from an earlier run on disk.
      env: { ...process.env, OBS_NO_PARSE_CACHE: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`bench child failed:\n${run.stdout}${run.stderr}`);
    const result = JSON.parse(run.stdout.trim().split('\n').pop()!) as ChildResult;
    const theirs = promtoolMs(result.dir, result.paths);
    fs.rmSync(result.dir, { recursive: true, force: true });
    if (result.errors > 0)
      throw new Error(`the synthetic set has ${result.errors} errors; fix the generator`);
    console.log(
      `  ${set.padEnd(9)} ours ${Math.round(result.ms)} ms (warm ${Math.round(result.warmMs)} ms) · ` +
        `promtool ${Math.round(theirs)} ms · ratio ${(result.ms / theirs).toFixed(2)} ` +
        `(${result.rules} rules, ${result.dashboards} dashboards)`,
    );
    results.push({ set, ours: result.ms, promtool: theirs });
  }
  return results;
}

if (process.argv[1] && path.resolve(process.argv[1]) === self) {
  const at = process.argv.indexOf('--child');
  if (at >= 0) await child(process.argv[at + 1] as RuleSet);
  else await runValidateBench();
}
