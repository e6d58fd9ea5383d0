/**
 * Prometheus TSDB retention (contract 4.4): a time limit and a size limit, whichever triggers
 * first. Before 3.8 they are command-line flags; from 3.8 the config file's
 * `storage.tsdb.retention` block overrides the flags and is reloadable. The policy names the
 * Prometheus version it is for, and compiles to the form that version reads.
 */
import { captureSource, type SourceLocation } from '../../model/source.ts';
import type { Resource, ResourceSource } from '../../model/resource.ts';
import { durationSeconds } from './duration.ts';

/** The first version that reads retention from the config file. */
export const retentionConfigSince = [3, 8] as const;

/** Flags form (Prometheus < 3.8), or a `prometheus.yml` fragment (≥ 3.8). */
export type PrometheusRetentionBody =
  { flags: string[] } | { storage: { tsdb: { retention: { time: string; size?: string } } } };

/** Builds a Prometheus retention policy. */
export class PrometheusRetentionBuilder implements ResourceSource {
  readonly definedAt: SourceLocation = captureSource();
  private timeValue: string | undefined;
  private sizeBytes: number | undefined;
  private versionValue: string | undefined;
  private readonly sources: Record<string, SourceLocation> = {};

  constructor(private readonly id: string) {}

  /** Delete blocks older than this, e.g. `35d` (units y, w, d, h, m, s, ms). */
  time(time: string): this {
    durationSeconds(time, 'prometheus retention time');
    this.timeValue = time;
    this.sources.time = captureSource();
    return this;
  }

  /** Delete the oldest blocks when the TSDB grows beyond this many bytes; 0 means no limit. */
  size(bytes: number): this {
    this.sizeBytes = bytes;
    this.sources.size = captureSource();
    return this;
  }

  /** The Prometheus version the policy is deployed to, e.g. `2.42.0`; decides flags or config. */
  version(version: string): this {
    if (!/^\d+\.\d+(\.\d+)?$/.test(version)) {
      throw new Error(`prometheus retention: version \`${version}\` is not like 2.42.0`);
    }
    this.versionValue = version;
    return this;
  }

  toResources(): Resource<PrometheusRetentionBody>[] {
    if (!this.timeValue || !this.versionValue) {
      throw new Error(`prometheus retention \`${this.id}\`: call .time() and .version()`);
    }
    const size = this.sizeBytes ? prometheusBytes(this.sizeBytes) : undefined;
    const body: PrometheusRetentionBody = readsConfig(this.versionValue)
      ? { storage: { tsdb: { retention: { time: this.timeValue, ...(size ? { size } : {}) } } } }
      : {
          flags: [
            `--storage.tsdb.retention.time=${this.timeValue}`,
            ...(size ? [`--storage.tsdb.retention.size=${size}`] : []),
          ],
        };
    return [
      {
        kind: 'retention-policy',
        target: 'prometheus',
        id: this.id,
        title: `Prometheus retention (${this.id}, ${this.versionValue})`,
        body,
        source: this.definedAt,
        placement: {},
        sources: { [timePath(body)]: this.sources.time!, ...sizeSource(body, this.sources.size) },
      },
    ];
  }
}

/** The JSON path of the time limit inside a compiled body. */
export function timePath(body: PrometheusRetentionBody): string {
  return 'flags' in body ? 'flags[0]' : 'storage.tsdb.retention.time';
}

function sizeSource(
  body: PrometheusRetentionBody,
  at: SourceLocation | undefined,
): Record<string, SourceLocation> {
  if (!at) return {};
  return 'flags' in body ? { 'flags[1]': at } : { 'storage.tsdb.retention.size': at };
}

/** Start a Prometheus retention policy, written to `out/retention/<id>.yaml`. */
export function prometheusRetention(id = 'prometheus'): PrometheusRetentionBuilder {
  return new PrometheusRetentionBuilder(id);
}

/** Whether `version` reads `storage.tsdb.retention` from its config file. */
export function readsConfig(version: string): boolean {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const [sinceMajor, sinceMinor] = retentionConfigSince;
  return major > sinceMajor || (major === sinceMajor && minor >= sinceMinor);
}

/** Prometheus size units are powers of two spelled B, KB, MB, GB, TB: `64GB` is 64 GiB. */
export function prometheusBytes(bytes: number): string {
  const units = ['TB', 'GB', 'MB', 'KB'] as const;
  for (const [i, unit] of units.entries()) {
    const factor = 1024 ** (4 - i);
    if (bytes % factor === 0) return `${bytes / factor}${unit}`;
  }
  return `${bytes}B`;
}

/** Time and size of a compiled body (either form), in seconds and bytes. */
export function prometheusLimits(body: PrometheusRetentionBody): {
  time?: string;
  sizeBytes?: number;
} {
  if ('flags' in body) {
    const flag = (name: string) =>
      body.flags.find((f) => f.startsWith(`--storage.tsdb.retention.${name}=`))?.split('=')[1];
    const size = flag('size');
    return { time: flag('time'), ...(size ? { sizeBytes: parseBytes(size) } : {}) };
  }
  const retention = body.storage.tsdb.retention;
  return {
    time: retention.time,
    ...(retention.size ? { sizeBytes: parseBytes(retention.size) } : {}),
  };
}

/** `64GB` → bytes (powers of two, as Prometheus reads it). */
export function parseBytes(text: string): number | undefined {
  const match = /^(\d+)(B|KB|MB|GB|TB|PB|EB)$/.exec(text);
  if (!match) return undefined;
  const power = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'].indexOf(match[2]!);
  return Number(match[1]) * 1024 ** power;
}
