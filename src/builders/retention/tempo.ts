/**
 * Tempo trace retention: how long the compactor keeps trace blocks. Compiles to a fragment of
 * Tempo's config (`compactor.compaction.block_retention`), in hours because Tempo reads Go
 * durations, which have no `d` unit.
 */
import { captureSource, type SourceLocation } from '../../model/source.ts';
import type { Resource, ResourceSource } from '../../model/resource.ts';
import { durationSeconds } from './duration.ts';

/** The fragment written to `out/retention/<id>.yaml`. */
export interface TempoRetentionBody {
  compactor: { compaction: { block_retention: string } };
}

/** Builds a Tempo retention policy. */
export class TempoRetentionBuilder implements ResourceSource {
  readonly definedAt: SourceLocation = captureSource();
  private blocksValue: string | undefined;
  private blocksAt: SourceLocation | undefined;

  constructor(private readonly id: string) {}

  /** Delete trace blocks older than this, e.g. `14d`. */
  blocks(retention: string): this {
    durationSeconds(retention, 'tempo block retention');
    this.blocksValue = retention;
    this.blocksAt = captureSource();
    return this;
  }

  toResources(): Resource<TempoRetentionBody>[] {
    if (!this.blocksValue) throw new Error(`tempo retention \`${this.id}\`: call .blocks()`);
    const seconds = durationSeconds(this.blocksValue, 'tempo block retention');
    const retention = seconds % 3600 === 0 ? `${seconds / 3600}h` : `${seconds}s`;
    return [
      {
        kind: 'retention-policy',
        target: 'tempo',
        id: this.id,
        title: `Tempo retention (${this.id})`,
        body: { compactor: { compaction: { block_retention: retention } } },
        source: this.definedAt,
        placement: {},
        sources: { 'compactor.compaction.block_retention': this.blocksAt! },
      },
    ];
  }
}

/** Start a Tempo retention policy, written to `out/retention/<id>.yaml`. */
export function tempoRetention(id = 'tempo'): TempoRetentionBuilder {
  return new TempoRetentionBuilder(id);
}
