/**
 * Worker thread of the push benchmark: runs the Grafana and Mimir ruler emulators on their own
 * thread, so the time their YAML and JSON handling takes is not counted as push's own time.
 */
import { parentPort } from 'node:worker_threads';
import { GrafanaEmulator } from '../../test/emulators/grafana.ts';
import { RulerEmulator } from '../../test/emulators/ruler.ts';

const grafana = await new GrafanaEmulator().start();
const mimir = await new RulerEmulator({ flavour: 'mimir' }).start();
parentPort!.postMessage({ grafana: grafana.url, mimir: mimir.url });
parentPort!.on('message', async (message: string) => {
  if (message !== 'stop') return;
  await grafana.stop();
  await mimir.stop();
  parentPort!.close();
});
