/**
 * Push the Alertmanager config to a real Alertmanager (Debian's): a hand-written config is not
 * replaced without --adopt; once ours, a second push writes nothing, a change is written, reloaded
 * and read back from /api/v2/status, and a config Alertmanager refuses is put back and reported.
 */
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Environment } from '../../src/model/environment.ts';
import type { Resource } from '../../src/model/resource.ts';
import { push, type PushOptions } from '../../src/push/push.ts';
import { skipWithout } from '../helpers/binaries.ts';
import { startAlertmanager, type RunningServer } from '../helpers/servers.ts';
import { alertmanagerResource, testEnvironment } from './fixtures.ts';

const config = (repeat: string, receiver = 'team') => ({
  route: { receiver, group_by: ['alertname'], group_wait: '30s', repeat_interval: repeat },
  receivers: [{ name: 'team', webhook_configs: [{ url: 'http://127.0.0.1:9/hook' }] }],
});

describe.skipIf(skipWithout('prometheus-alertmanager'))(
  'push config to a real Alertmanager',
  () => {
    let alertmanager: RunningServer;
    let environment: Environment;
    let file: string;
    const run = (resources: Resource[], extra: Partial<PushOptions> = {}) =>
      push({ environment, resources, ...extra });
    const running = async () => {
      const status = (await (await fetch(`${alertmanager.url}/api/v2/status`)).json()) as {
        config: { original: string };
      };
      return YAML.parse(status.config.original) as { route: { repeat_interval?: string } };
    };

    beforeAll(async () => {
      alertmanager = await startAlertmanager({
        config: 'route:\n  receiver: none\nreceivers:\n  - name: none\n',
      });
      file = path.join(alertmanager.dir, 'alertmanager.yml');
      environment = testEnvironment({
        alertmanager: {
          mode: 'files',
          url: alertmanager.url,
          auth: { type: 'none' },
          configFile: file,
        },
      });
    });
    afterAll(async () => {
      await alertmanager?.stop();
    });

    it('does not replace a hand-written config without --adopt', async () => {
      const report = await run([alertmanagerResource(config('4h'))]);
      expect(report.failed).toEqual([
        expect.objectContaining({ action: 'blocked', error: expect.stringMatching(/--adopt/) }),
      ]);
      expect(report.stats.writes).toBe(0);
      expect(fs.readFileSync(file, 'utf8')).toContain('receiver: none');
    });

    it('adopts it, reloads and reads the running config back', async () => {
      const report = await run([alertmanagerResource(config('4h'))], { adopt: true });
      expect(report.failed).toEqual([]);
      expect(report.applied).toEqual([
        { target: 'alertmanager', kind: 'config', key: 'alertmanager.yml', action: 'update' },
      ]);
      expect((await running()).route.repeat_interval).toBe('4h');
    });

    it('writes nothing when nothing changed, even with another duration spelling', async () => {
      const before = fs.statSync(file).mtimeMs;
      const report = await run([alertmanagerResource(config('240m'))]);
      expect(report.summary).toMatchObject({ unchanged: 1 });
      expect(report.stats.writes).toBe(0);
      expect(fs.statSync(file).mtimeMs).toBe(before);
    });

    it('applies a change', async () => {
      const report = await run([alertmanagerResource(config('12h'))]);
      expect(report.applied).toHaveLength(1);
      expect((await running()).route.repeat_interval).toBe('12h');
    });

    it('puts a refused config back and reports it', async () => {
      const report = await run([alertmanagerResource(config('1h', 'nobody'))]);
      expect(report.applied).toEqual([]);
      expect(report.failed).toEqual([
        expect.objectContaining({ error: expect.stringMatching(/reload refused.*500.*nobody/) }),
      ]);
      expect(fs.readFileSync(file, 'utf8')).toContain('repeat_interval: 12h');
      expect((await running()).route.repeat_interval).toBe('12h');
    });
  },
);
