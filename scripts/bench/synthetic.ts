/**
 * A synthetic platform of N services for the build benchmark: each service gets a dashboard of
 * a dozen panels (RED, saturation, Kafka, logs) and four alert rules, written as definition files
 * in a temporary project that uses the real builders.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../src/model/source.ts';

const builders = path.join(repoRoot, 'src/builders/index.ts');
const conventions = path.join(repoRoot, 'src/conventions');

function definitions(services: number): string {
  return `import {
  dashboard, timeseries, stat, logs, row, promQuery, lokiQuery, rate, selector, sumBy, quantile,
  ratio, prometheusRuleGroup, alertRule, streamSelector,
} from '${builders}';
import { prometheusDs, lokiDs } from '${conventions}/datasources.ts';
import { metricNames as m } from '${conventions}/metrics.ts';
import { runbookBase } from '${conventions}/dashboards.ts';

const names = Array.from({ length: ${services} }, (_, i) => \`svc-\${String(i).padStart(4, '0')}\`);

function serviceDashboard(name: string) {
  const sel = { service: name, env: '$env' };
  const requests = sumBy(['route'], rate(selector(m.httpRequests, sel)));
  const errors = sumBy(['route'], rate(selector(m.httpRequests, { ...sel, status_class: '5xx' })));
  const graph = (title: string, unit: string, expr: string, legend: string) =>
    timeseries(title).description(title + '.').datasource(prometheusDs).unit(unit)
      .withTarget(promQuery(expr, legend));
  return dashboard('Bench ' + name)
    .uid('bench-' + name)
    .folder('Bench')
    .withRow(row('Requests'))
    .withPanel(stat('Up').description('Up.').datasource(prometheusDs).unit('percentunit')
      .withTarget(promQuery(\`avg(up{service="\${name}"})\`)))
    .withPanel(graph('Request rate', 'reqps', requests, '{{route}}'))
    .withPanel(graph('Error ratio', 'percentunit', ratio(errors, requests), '{{route}}'))
    .withPanel(graph('Latency p50', 's', quantile(0.5, m.httpDuration, sel), 'p50'))
    .withPanel(graph('Latency p99', 's', quantile(0.99, m.httpDuration, sel), 'p99'))
    .withRow(row('Saturation'))
    .withPanel(graph('CPU', 'percentunit', sumBy(['instance'], rate(selector(m.cpuSeconds, sel))), '{{instance}}'))
    .withPanel(graph('Memory', 'bytes', selector(m.residentMemory, sel), '{{instance}}'))
    .withPanel(graph('Event loop lag', 's', selector(m.eventLoopLagP99, sel), '{{instance}}'))
    .withPanel(graph('Heap', 'bytes', selector(m.heapUsed, sel), '{{instance}}'))
    .withRow(row('Events'))
    .withPanel(graph('Produced', 'ops', sumBy(['topic'], rate(selector(m.produced, sel))), '{{topic}}'))
    .withPanel(graph('Consumed', 'ops', sumBy(['topic'], rate(selector(m.consumed, sel))), '{{topic}}'))
    .withPanel(logs('Logs').description('Logs.').datasource(lokiDs)
      .withTarget(lokiQuery(\`\${streamSelector({ service: name, env: '$env' })} | json\`)));
}

function serviceRules(name: string) {
  const labels = { team: 'bench', service: name };
  const annotate = (rule: ReturnType<typeof alertRule>, what: string) =>
    rule.labels(labels).summary(\`\${name}: \${what}\`).description(what + '.')
      .runbook(\`\${runbookBase}/\${what.replace(/ /g, '-')}\`).dashboard('/d/bench-' + name);
  const sel = { service: name };
  return prometheusRuleGroup('bench-' + name).namespace('bench').withRules([
    annotate(alertRule(name + '-down').expr(\`up{service="\${name}"} == 0\`).for('2m').severity('critical'), 'down'),
    annotate(alertRule(name + '-errors').expr(\`\${ratio(
      sumBy([], rate(selector(m.httpRequests, { ...sel, status_class: '5xx' }), '5m')),
      sumBy([], rate(selector(m.httpRequests, sel), '5m')),
    )} > 0.05\`).for('5m').severity('critical'), 'errors'),
    annotate(alertRule(name + '-latency').expr(\`\${quantile(0.99, m.httpDuration, sel, [], '5m')} > 1\`)
      .for('10m').severity('warning'), 'slow'),
    annotate(alertRule(name + '-memory').expr(\`\${selector(m.residentMemory, sel)} > 1e9\`)
      .for('15m').severity('warning'), 'memory high'),
  ]);
}

export default () => names.flatMap((name) => [serviceDashboard(name), serviceRules(name)]);
`;
}

/** A temporary project root defining `services` synthetic services. */
export function syntheticProject(services: number): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `obs-bench-${services}-`));
  fs.writeFileSync(path.join(root, 'package.json'), '{ "type": "module" }\n');
  fs.mkdirSync(path.join(root, 'dashboards'));
  fs.writeFileSync(path.join(root, 'dashboards', 'bench.ts'), definitions(services));
  return root;
}
