/**
 * The one model of how a service instance ships its logs to Loki. `promtailConfig()` and
 * `alloyConfig()` render the same model, so both agents tail the same files, make the same
 * labels and retry the same way. Batching, backoff and timeouts have no defaults here: a
 * definition states them, so none is defaulted by accident.
 */
import { logFields, logStreamLabels } from '../../conventions/log-fields.ts';
import type { Service } from '../../model/catalog.ts';
import type { Auth, Environment } from '../../model/environment.ts';
import { durationSeconds } from '../retention/duration.ts';
import type { Resource, ResourceSource } from '../../model/resource.ts';
import { captureSource } from '../../model/source.ts';

/** Stream labels an agent may set: only the bounded ones of the log convention. */
export type LogStreamLabel = (typeof logStreamLabels)[number];

/** How the agent groups entries before a push. */
export interface Batch {
  /** Longest time an entry waits for its batch to fill, e.g. `1s`. */
  wait: string;
  /** Largest batch in bytes. */
  sizeBytes: number;
}

/** How a failed push is retried; after `maxRetries` the batch is dropped (contract 7.3). */
export interface Backoff {
  minPeriod: string;
  maxPeriod: string;
  maxRetries: number;
}

/**
 * The rotation the service's own file logger is assumed to use (the kit's rotating file
 * destination); it decides how long unshipped lines stay on the host.
 */
export interface LocalFiles {
  maxFileBytes: number;
  maxFiles: number;
}

/** Alloy's stability levels; the `loki.write` WAL needs `experimental` (contract 7.4). */
export type AlloyStability = 'generally-available' | 'public-preview' | 'experimental';

/** The time format of the `time` field of a log line. */
export type TimeFormat = 'UnixMs' | 'RFC3339Nano';

/** Everything both renderers need, fully stated. */
export interface LogShippingSpec {
  service: Service;
  environment: string;
  push: { url: string; tenant: string; auth: Auth };
  /** Static stream labels: bounded values known when the config is generated. */
  staticLabels: Partial<Record<LogStreamLabel, string>>;
  /** Labels taken from the parsed JSON line. */
  extractedLabels: LogStreamLabel[];
  timeFormat: TimeFormat;
  journal?: { unit: string; maxAge: string };
  batch: Batch;
  backoff: Backoff;
  timeout: string;
  dropRateLimitedBatches: boolean;
  positions: { file: string; syncPeriod: string };
  /** Promtail's own HTTP port (one agent per service instance, so one port per service). */
  listenPort: number;
  alloy: { stability: AlloyStability; storagePath: string; wal?: { maxSegmentAge: string } };
  localFiles: LocalFiles;
}

/** Builds a `LogShippingSpec`; every setter is named after the setting it states. */
export class LogShippingBuilder {
  private readonly spec: Partial<LogShippingSpec>;

  constructor(service: Service, environment: Environment) {
    this.spec = {
      service,
      environment: environment.name,
      push: {
        url: `${environment.loki.url.replace(/\/+$/, '')}/loki/api/v1/push`,
        tenant: environment.loki.tenant,
        auth: environment.loki.auth,
      },
      staticLabels: { service: service.name, env: environment.name },
      extractedLabels: ['level'],
      dropRateLimitedBatches: false,
    };
  }

  /** Batch wait and size. */
  batch(batch: Batch): this {
    durationSeconds(batch.wait, 'batch.wait');
    return this.set('batch', batch);
  }

  /** Retry backoff; the retry window follows from it (`retryWindowSeconds`). */
  backoff(backoff: Backoff): this {
    durationSeconds(backoff.minPeriod, 'backoff.minPeriod');
    durationSeconds(backoff.maxPeriod, 'backoff.maxPeriod');
    return this.set('backoff', backoff);
  }

  /** How long one push request may take. */
  timeout(timeout: string): this {
    durationSeconds(timeout, 'timeout');
    return this.set('timeout', timeout);
  }

  /** Drop a batch at once on HTTP 429 instead of retrying it (off keeps it retrying). */
  dropRateLimitedBatches(drop: boolean): this {
    return this.set('dropRateLimitedBatches', drop);
  }

  /** Promtail's positions file and how often it is written. */
  positions(file: string, syncPeriod: string): this {
    durationSeconds(syncPeriod, 'positions.syncPeriod');
    return this.set('positions', { file, syncPeriod });
  }

  /** Also ship the systemd journal of `unit` (what the process printed outside its logger). */
  journal(unit: string, maxAge: string): this {
    durationSeconds(maxAge, 'journal.maxAge');
    return this.set('journal', { unit, maxAge });
  }

  /** Format of the line's `time` field. */
  timeFormat(format: TimeFormat): this {
    return this.set('timeFormat', format);
  }

  listenPort(port: number): this {
    return this.set('listenPort', port);
  }

  /** Alloy's stability level, storage folder, and its `loki.write` WAL when the level allows. */
  alloy(alloy: LogShippingSpec['alloy']): this {
    if (alloy.wal && alloy.stability !== 'experimental') {
      throw new Error(
        `alloy.wal needs stability \`experimental\` (loki.write's WAL is experimental), got \`${alloy.stability}\``,
      );
    }
    return this.set('alloy', alloy);
  }

  /** The rotation of the service's local log files, as the kit is configured. */
  localFiles(files: LocalFiles): this {
    return this.set('localFiles', files);
  }

  /** The finished model; throws naming every setting that was not stated. */
  build(): LogShippingSpec {
    const required = [
      'batch',
      'backoff',
      'timeout',
      'positions',
      'timeFormat',
      'listenPort',
      'alloy',
      'localFiles',
    ] as const;
    const missing = required.filter((key) => this.spec[key] === undefined);
    if (missing.length) {
      const who = `${this.spec.service!.name} in ${this.spec.environment}`;
      throw new Error(`log shipping for ${who}: ${missing.join(', ')} not stated`);
    }
    return structuredClone(this.spec) as LogShippingSpec;
  }

  private set<K extends keyof LogShippingSpec>(key: K, value: LogShippingSpec[K]): this {
    this.spec[key] = value;
    return this;
  }
}

/** Start the log shipping model of one catalog service in one environment. */
export function logShipping(service: Service, environment: Environment): LogShippingBuilder {
  return new LogShippingBuilder(service, environment);
}

/** JSON fields the pipeline extracts: the extracted labels plus the timestamp. */
export function extractedFields(spec: LogShippingSpec): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const label of spec.extractedLabels) fields[label] = logFields[label];
  fields.time = logFields.time;
  return fields;
}

/** Journal priority (0–7) to the kit's level names, so journal streams share their labels. */
export const journalLevels: { priority: string; level: string }[] = [
  { priority: '[0-2]', level: 'fatal' },
  { priority: '3', level: 'error' },
  { priority: '4', level: 'warn' },
  { priority: '[5-6]', level: 'info' },
  { priority: '7', level: 'debug' },
];

/**
 * One agent's config of one service in one environment, as a resource:
 * `out/agents/<agent>/<env>/<service>.<extension>`, its body rendered from the shipping model.
 */
export function agentConfig(
  shipping: LogShippingBuilder,
  agent: { name: string; title: string; extension: string },
  render: (spec: LogShippingSpec) => unknown,
): ResourceSource {
  const source = captureSource();
  return {
    toResources(): Resource[] {
      const spec = shipping.build();
      return [
        {
          kind: 'agent-config',
          target: 'agent',
          id: `${agent.name}/${spec.environment}/${spec.service.name}.${agent.extension}`,
          title: `${agent.title} for ${spec.service.name} in ${spec.environment}`,
          body: render(spec),
          source,
          placement: {},
        },
      ];
    },
  };
}
