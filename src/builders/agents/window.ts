/**
 * The loss window of a log shipping model: how long Loki may be unreachable before a line is
 * lost. Two limits bound it. (1) The retry budget: a batch is retried with exponential backoff
 * and dropped after `maxRetries` (contract 7.3); while it retries the tailer is blocked, so
 * nothing behind it is read or dropped. (2) The local files: while the agent is blocked the
 * service keeps writing, and a file rotated away before it is read is gone.
 */
import type { Volume } from '../../model/catalog.ts';
import { durationSeconds } from '../retention/duration.ts';
import type { Backoff, LocalFiles, LogShippingSpec } from './shipping.ts';

/**
 * The least time a batch is retried before it is dropped: the sum of the backoff floors
 * `min(minPeriod·2^i, maxPeriod)` for i < maxRetries. The agents add jitter up to twice each
 * step, so the real budget is longer; this lower bound is what we promise.
 */
export function retryWindowSeconds(backoff: Backoff): number {
  const min = durationSeconds(backoff.minPeriod, 'backoff.minPeriod');
  const max = durationSeconds(backoff.maxPeriod, 'backoff.maxPeriod');
  let total = 0;
  for (let i = 0; i < backoff.maxRetries; i++) total += Math.min(min * 2 ** i, max);
  return total;
}

/** Bytes per second one instance writes to its log files. */
export function logBytesPerSecond(volume: Volume): number {
  return volume.logLinesPerSecond * volume.bytesPerLogLine;
}

/** How long the rotated local files hold an instance's lines: capacity / write rate. */
export function localRetentionSeconds(files: LocalFiles, volume: Volume): number {
  return (files.maxFileBytes * files.maxFiles) / logBytesPerSecond(volume);
}

/** Both limits and the window they leave: nothing is lost within `guaranteedSeconds`. */
export interface LossWindow {
  retrySeconds: number;
  localSeconds: number;
  guaranteedSeconds: number;
}

export function lossWindow(spec: LogShippingSpec): LossWindow {
  const retrySeconds = retryWindowSeconds(spec.backoff);
  const localSeconds = localRetentionSeconds(spec.localFiles, spec.service.volume);
  return { retrySeconds, localSeconds, guaranteedSeconds: Math.min(retrySeconds, localSeconds) };
}

/** The number of rotated files of `fileBytes` that hold `seconds` of an instance's lines. */
export function filesToHold(volume: Volume, seconds: number, fileBytes: number): number {
  return Math.max(2, Math.ceil((logBytesPerSecond(volume) * seconds) / fileBytes));
}
