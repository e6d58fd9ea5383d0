/**
 * Loki retention as typed code: the default period, per-stream periods by selector, and the
 * compactor settings without which Loki never deletes anything (`retention_enabled`, a
 * `delete_request_store`, a working directory, a compaction interval). Compiles to a fragment
 * to merge into Loki's config: `out/retention/<id>.yaml` with `compactor` and `limits_config`.
 */
import { captureSource, type SourceLocation } from '../../model/source.ts';
import type { Resource, ResourceSource } from '../../model/resource.ts';
import { durationSeconds } from './duration.ts';

/** The compactor settings retention depends on. */
export interface LokiCompactor {
  workingDirectory: string;
  /** How often the compactor runs (and applies retention), e.g. `10m`. */
  compactionInterval: string;
  /** Object store that keeps delete requests; required with retention on (Loki ≥ 3.0). */
  deleteRequestStore: 'filesystem' | 's3' | 'gcs' | 'azure' | 'swift' | 'bos' | 'cos';
  /** How long marked chunks wait before deletion, e.g. `2h`. */
  deleteDelay: string;
  deleteWorkerCount: number;
}

/** One per-stream rule: streams matching `selector` are kept for `period`. */
export interface LokiStreamRetention {
  selector: string;
  period: string;
  /** Higher wins when several selectors match a stream. */
  priority: number;
}

/** The fragment written to `out/retention/`. */
export interface LokiRetentionBody {
  compactor: {
    working_directory: string;
    compaction_interval: string;
    retention_enabled: true;
    retention_delete_delay: string;
    retention_delete_worker_count: number;
    delete_request_store: string;
  };
  limits_config: {
    retention_period: string;
    retention_stream?: { selector: string; priority: number; period: string }[];
  };
}

/** Builds a Loki retention policy; each setter remembers its own definition line. */
export class LokiRetentionBuilder implements ResourceSource {
  readonly definedAt: SourceLocation = captureSource();
  private periodValue: string | undefined;
  private compactorValue: LokiCompactor | undefined;
  private readonly streams: { rule: LokiStreamRetention; at: SourceLocation }[] = [];
  private readonly sources: Record<string, SourceLocation> = {};

  constructor(private readonly id: string) {}

  /** How long every stream without a matching per-stream rule is kept, e.g. `31d`. */
  period(period: string): this {
    this.periodValue = period;
    this.sources['limits_config.retention_period'] = captureSource();
    return this;
  }

  /** Keep streams matching the LogQL stream selector `selector` for `period`. */
  stream(selector: string, period: string, priority = 1): this {
    this.streams.push({ rule: { selector, period, priority }, at: captureSource() });
    return this;
  }

  /** The compactor that applies retention. */
  compactor(compactor: LokiCompactor): this {
    this.compactorValue = compactor;
    this.sources.compactor = captureSource();
    return this;
  }

  toResources(): Resource<LokiRetentionBody>[] {
    if (!this.periodValue || !this.compactorValue) {
      throw new Error(`loki retention \`${this.id}\`: call .period() and .compactor()`);
    }
    const c = this.compactorValue;
    const sources = { ...this.sources };
    this.streams.forEach((s, i) => (sources[`limits_config.retention_stream[${i}]`] = s.at));
    const limits: LokiRetentionBody['limits_config'] = {
      retention_period: hours(this.periodValue, 'period'),
    };
    if (this.streams.length) {
      limits.retention_stream = this.streams.map(({ rule }) => ({
        selector: rule.selector,
        priority: rule.priority,
        period: hours(rule.period, `stream ${rule.selector}`),
      }));
    }
    const body: LokiRetentionBody = {
      compactor: {
        working_directory: c.workingDirectory,
        compaction_interval: c.compactionInterval,
        retention_enabled: true,
        retention_delete_delay: c.deleteDelay,
        retention_delete_worker_count: c.deleteWorkerCount,
        delete_request_store: c.deleteRequestStore,
      },
      limits_config: limits,
    };
    return [
      {
        kind: 'retention-policy',
        target: 'loki',
        id: this.id,
        title: `Loki retention (${this.id})`,
        body,
        source: this.definedAt,
        placement: {},
        sources,
      },
    ];
  }
}

/** Start a Loki retention policy, written to `out/retention/<id>.yaml`. */
export function lokiRetention(id = 'loki'): LokiRetentionBuilder {
  return new LokiRetentionBuilder(id);
}

/**
 * A duration as whole hours when it is one (`31d` → `744h`), the unit every Loki version
 * reads; any other value is kept as written so the checks can name it.
 */
export function hours(text: string, what: string): string {
  const seconds = durationSeconds(text, what);
  return seconds % 3600 === 0 ? `${seconds / 3600}h` : text;
}
