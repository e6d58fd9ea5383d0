/** The real Debian servers start on free ports and answer; every other live suite relies on it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skipWithout } from '../helpers/binaries.ts';
import { startAlertmanager, startPrometheus, type RunningServer } from '../helpers/servers.ts';

describe.skipIf(skipWithout('prometheus', 'prometheus-alertmanager'))('real servers', () => {
  let prometheus: RunningServer;
  let alertmanager: RunningServer;

  beforeAll(async () => {
    prometheus = await startPrometheus();
    alertmanager = await startAlertmanager({
      config: 'route:\n  receiver: none\nreceivers:\n  - name: none\n',
    });
  });
  afterAll(async () => {
    await prometheus?.stop();
    await alertmanager?.stop();
  });

  it('Prometheus answers its build info', async () => {
    const body = (await (await fetch(`${prometheus.url}/api/v1/status/buildinfo`)).json()) as {
      status: string;
      data: { version: string };
    };
    expect(body.status).toBe('success');
    expect(body.data.version).toMatch(/^\d+\.\d+/);
  });

  it('Alertmanager answers its status', async () => {
    const body = (await (await fetch(`${alertmanager.url}/api/v2/status`)).json()) as {
      config: { original: string };
    };
    expect(body.config.original).toContain('receiver: none');
  });
});
