/**
 * How the Virtual Pet platform ships logs: one model per service and environment, rendered by
 * `agents/promtail.ts` and `agents/alloy.ts`. Every batching, retry and storage setting is
 * stated here, and the loss window follows from them (docs/agents-and-retention.md).
 */
import type { Service } from '../../src/model/catalog.ts';
import type { Environment } from '../../src/model/environment.ts';
import { filesToHold, logShipping, type LogShippingBuilder } from '../../src/builders/index.ts';

const MiB = 1024 ** 2;

/** Size of one local log file before the kit rotates it. */
export const localFileBytes = 64 * MiB;

/** How long the rotated local files must hold a service's lines at its catalog volume. */
export const localRetentionHours = 24;

/**
 * Retries: 0.5 s doubling to 5 min, 21 times, so a batch is retried for at least 63.5 minutes
 * of outage before it is dropped (contract 7.3; the defaults give up after 8.5 minutes).
 */
export const backoff = { minPeriod: '500ms', maxPeriod: '5m', maxRetries: 21 };

/** Each agent's own HTTP port: the service's port plus this, so agents on one host never clash. */
const agentPortOffset = 10_000;

/** The log shipping model of `service` in `environment`. */
export function shipping(service: Service, environment: Environment): LogShippingBuilder {
  return logShipping(service, environment)
    .batch({ wait: '1s', sizeBytes: 1 * MiB })
    .backoff(backoff)
    .timeout('10s')
    .dropRateLimitedBatches(false)
    .positions(`/var/lib/promtail/${service.name}/positions.yaml`, '10s')
    .journal(`virtual-pet-${service.name}.service`, '12h')
    .timeFormat('UnixMs')
    .listenPort(service.port + agentPortOffset)
    .alloy({
      stability: 'experimental',
      storagePath: `/var/lib/alloy/${service.name}`,
      // Longer than the retry budget, so the WAL still holds a batch while it is retried.
      wal: { maxSegmentAge: '2h' },
    })
    .localFiles({
      maxFileBytes: localFileBytes,
      maxFiles: filesToHold(service.volume, localRetentionHours * 3600, localFileBytes),
    });
}
