/**
 * A log file with size-based rotation, as a pino destination. The active file keeps its name
 * (`pets.log`); when the next line would take it past `maxBytes`, it is renamed `pets.log.1`,
 * older ones shift up (`.1` → `.2` …) and the oldest beyond `keep` is deleted. Rotated names do
 * not end in `.log`, so an agent tailing `*.log` never reads a line twice.
 *
 * Writes are synchronous (`fs.writeSync`): a line is on disk when the log call returns, at the
 * cost of a system call per line (fine at the catalog's tens of lines per second).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Volume } from '../../model/catalog.ts';
import { filesToHold } from '../../builders/agents/window.ts';

export interface RotationOptions {
  /** The active file, e.g. `/var/log/virtual-pet/pets/pets.log`. */
  file: string;
  /** Rotate when the active file would exceed this size. Default 64 MiB. */
  maxBytes?: number;
  /** Rotated files kept besides the active one. Default 10; see `rotationFor`. */
  keep?: number;
}

/** File size and count when nothing better is known. */
export const defaultRotation = { maxBytes: 64 * 1024 * 1024, keep: 10 };

/** The window local files must cover: a log-shipping outage this long loses no line. */
export const localLogWindowHours = 24;

/**
 * The rotation that holds `hours` of a service's lines at its catalog volume: 64 MiB files,
 * as many as needed (at least 2). The log-shipping agents (`agents/lib/shipping.ts`) compute
 * their loss window from this same rule.
 */
export function rotationFor(
  volume: Pick<Volume, 'logLinesPerSecond' | 'bytesPerLogLine'>,
  hours = localLogWindowHours,
): { maxBytes: number; keep: number } {
  const maxBytes = defaultRotation.maxBytes;
  return { maxBytes, keep: filesToHold(volume as Volume, hours * 3600, maxBytes) };
}

/** A pino-compatible destination writing to a rotating file. */
export class RotatingFile {
  readonly file: string;
  readonly maxBytes: number;
  readonly keep: number;
  private fd: number;
  private size: number;
  private closed = false;

  constructor(options: RotationOptions) {
    this.file = options.file;
    this.maxBytes = options.maxBytes ?? defaultRotation.maxBytes;
    this.keep = options.keep ?? defaultRotation.keep;
    if (this.maxBytes <= 0 || this.keep < 1) {
      throw new Error(
        `log rotation of ${this.file}: maxBytes ${this.maxBytes} and keep ${this.keep}; ` +
          'expected maxBytes > 0 and keep ≥ 1',
      );
    }
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    this.fd = fs.openSync(this.file, 'a');
    this.size = fs.fstatSync(this.fd).size;
  }

  /**
   * Append one chunk (pino writes one line per call), rotating first when it would not fit.
   * After `end()` lines are dropped: a late log call must not crash a stopping service.
   */
  write(chunk: string): boolean {
    if (this.closed) return false;
    const bytes = Buffer.byteLength(chunk);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
    fs.writeSync(this.fd, chunk);
    this.size += bytes;
    return true;
  }

  /** Close the active file; later writes are dropped. */
  end(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }

  private rotate(): void {
    fs.closeSync(this.fd);
    fs.rmSync(`${this.file}.${this.keep}`, { force: true });
    for (let index = this.keep - 1; index >= 1; index--) {
      const from = `${this.file}.${index}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${this.file}.${index + 1}`);
    }
    fs.renameSync(this.file, `${this.file}.1`);
    this.fd = fs.openSync(this.file, 'a');
    this.size = 0;
  }
}

/**
 * How long local files hold a service's logs (the window a log-shipping outage can last without
 * losing lines): rotated files only, so a lower bound — the active file adds up to one more
 * `maxBytes`.
 */
export function localLogWindowSeconds(
  volume: Pick<Volume, 'logLinesPerSecond' | 'bytesPerLogLine'>,
  rotation: { maxBytes: number; keep: number } = defaultRotation,
): number {
  const bytesPerSecond = volume.logLinesPerSecond * volume.bytesPerLogLine;
  return Math.floor((rotation.maxBytes * rotation.keep) / bytesPerSecond);
}
