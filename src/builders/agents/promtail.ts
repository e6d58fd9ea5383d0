/**
 * Render a log shipping model as a Promtail config (contract 7.2): a file target for the
 * service's log files, optionally a journal target, a pipeline that parses the JSON line and
 * labels only bounded fields, positions, and a client with its batching and backoff stated.
 * Secrets are `${VAR}` references: run Promtail with `-config.expand-env=true`.
 */
import type { Auth } from '../../model/environment.ts';
import type { ResourceSource } from '../../model/resource.ts';
import {
  agentConfig,
  extractedFields,
  journalLevels,
  type LogShippingBuilder,
  type LogShippingSpec,
} from './shipping.ts';

/** A Promtail config document, in the key order Promtail's docs use. */
export type PromtailConfig = Record<string, unknown>;

/** The Promtail config of one service in one environment: `out/agents/promtail/<env>/<service>.yaml`. */
export function promtailConfig(shipping: LogShippingBuilder): ResourceSource {
  return agentConfig(
    shipping,
    { name: 'promtail', title: 'Promtail', extension: 'yaml' },
    renderPromtail,
  );
}

/** The document itself, for tests and tools. */
export function renderPromtail(spec: LogShippingSpec): PromtailConfig {
  const name = spec.service.name;
  const scrapeConfigs: unknown[] = [
    {
      job_name: `${name}-files`,
      static_configs: [
        {
          targets: ['localhost'],
          labels: { ...spec.staticLabels, __path__: spec.service.logPath },
        },
      ],
      pipeline_stages: pipelineStages(spec),
    },
  ];
  if (spec.journal) scrapeConfigs.push(journalScrape(spec, spec.journal));

  return {
    server: { http_listen_port: spec.listenPort, grpc_listen_port: 0, log_level: 'info' },
    positions: {
      filename: spec.positions.file,
      sync_period: spec.positions.syncPeriod,
      ignore_invalid_yaml: false,
    },
    clients: [client(spec)],
    target_config: { sync_period: spec.positions.syncPeriod },
    scrape_configs: scrapeConfigs,
  };
}

function client(spec: LogShippingSpec): Record<string, unknown> {
  return {
    url: spec.push.url,
    tenant_id: spec.push.tenant,
    batchwait: spec.batch.wait,
    batchsize: spec.batch.sizeBytes,
    timeout: spec.timeout,
    backoff_config: {
      min_period: spec.backoff.minPeriod,
      max_period: spec.backoff.maxPeriod,
      max_retries: spec.backoff.maxRetries,
    },
    drop_rate_limited_batches: spec.dropRateLimitedBatches,
    ...auth(spec.push.auth),
  };
}

function auth(auth: Auth): Record<string, unknown> {
  if (auth.type === 'bearer') return { bearer_token: `\${${auth.tokenEnv}}` };
  if (auth.type === 'basic') {
    return { basic_auth: { username: `\${${auth.userEnv}}`, password: `\${${auth.passwordEnv}}` } };
  }
  return {};
}

/**
 * Parse the JSON line, normalise the level's case (so `WARN` and `warn` are one stream), make
 * the extracted bounded fields labels, take the line's own time, and drop the `filename` label
 * the file target adds (rotated names would multiply streams). The line is kept whole so LogQL
 * can still `| json` every field.
 */
function pipelineStages(spec: LogShippingSpec): unknown[] {
  const labels: Record<string, string> = {};
  for (const label of spec.extractedLabels) labels[label] = '';
  return [
    { json: { expressions: extractedFields(spec) } },
    { template: { source: 'level', template: '{{ ToLower .Value }}' } },
    { labels },
    { timestamp: { source: 'time', format: spec.timeFormat, action_on_failure: 'skip' } },
    { labeldrop: ['filename'] },
  ];
}

/** The unit's journal, with its priority mapped to the kit's level names. */
function journalScrape(spec: LogShippingSpec, journal: NonNullable<LogShippingSpec['journal']>) {
  return {
    job_name: `${spec.service.name}-journal`,
    journal: {
      max_age: journal.maxAge,
      json: false,
      matches: `_SYSTEMD_UNIT=${journal.unit}`,
      labels: { ...spec.staticLabels },
    },
    relabel_configs: journalLevels.map(({ priority, level }) => ({
      source_labels: ['__journal_priority'],
      regex: priority,
      target_label: 'level',
      replacement: level,
    })),
  };
}
