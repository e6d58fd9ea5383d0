/**
 * `npm run sample`: start the sample Virtual Pet service (`pets`) on its catalog port.
 *
 * Variables: PORT (default 8082), HOST (127.0.0.1), ENV (local), LOG_FILE (also write logs to
 * this rotating file), OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (export spans), SAMPLE_FAIL_EVERY
 * (every n-th `GET /pets/:id/state` fails), LOG_LEVEL.
 */
import { catalog } from '../../platform/catalog.ts';
import { rotationFor } from '../../src/kit/index.ts';
import { startSampleService } from './service.ts';

const pets = catalog.services.find((s) => s.name === 'pets')!;
const logFile = process.env.LOG_FILE;

const sample = await startSampleService({
  port: Number(process.env.PORT ?? pets.port),
  host: process.env.HOST ?? '127.0.0.1',
  env: process.env.ENV ?? 'local',
  failEvery: Number(process.env.SAMPLE_FAIL_EVERY ?? 0),
  kit: logFile ? { logFile: { file: logFile, ...rotationFor(pets.volume) } } : {},
});
sample.kit.log.info({ event: 'service.started' }, `sample pets service on ${sample.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    sample.kit.log.info({ event: 'service.stopping' }, `stopping on ${signal}`);
    void sample.stop().then(() => process.exit(0));
  });
}
