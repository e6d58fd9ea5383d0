/**
 * The `plan` and `push` commands end to end against the Grafana emulator: configuration errors
 * stop before any request (exit 2), `plan --detailed-exitcode` exits 3 on changes, push prints
 * one summary line or JSON, and a token never appears in anything push prints or throws.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/model/source.ts';
import { push } from '../../src/push/push.ts';
import { GrafanaEmulator } from '../emulators/grafana.ts';
import { buildersImport, tempProject } from '../helpers/project.ts';
import { dashboardResource, testEnvironment } from './fixtures.ts';

const token = 'glsa_SeCrEt_token_4f9c2e71d0';

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

/** Run the CLI without blocking this process, so the in-process emulator can answer. */
function obs(root: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'bin/obs.js'), '--root', root, ...args],
      {
        env: { ...process.env, NO_COLOR: '1', ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status: status ?? -1, stdout, stderr }));
  });
}

const definition = (variant: string) => `
import { dashboard } from '${buildersImport}';
export default dashboard('Push CLI ${variant}').uid('push-cli').folder('Tests');
`;

describe('obs plan / obs push', () => {
  let grafana: GrafanaEmulator;
  let root: string;

  beforeEach(async () => {
    grafana = await new GrafanaEmulator({ token }).start();
    root = tempProject({ 'dashboards/push-cli.ts': definition('one') });
    const environments = [
      {
        ...testEnvironment(),
        name: 'emulated',
        grafana: { url: grafana.url, auth: { type: 'bearer', tokenEnv: 'OBS_TEST_GRAFANA_TOKEN' } },
      },
    ];
    fs.writeFileSync(path.join(root, 'environments.json'), JSON.stringify(environments));
  });
  afterEach(async () => {
    grafana.assertExpectationsMet();
    await grafana.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const withToken = { OBS_TEST_GRAFANA_TOKEN: token };
  const envs = ['--environments', 'environments.json'];

  it('names the known environments for an unknown one, before any request', async () => {
    const run = await obs(root, ['push', '--env', 'nowhere', ...envs], withToken);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown environment `nowhere`; expected one of emulated');
    expect(grafana.requests).toEqual([]);
  });

  it('reads platform/environments.ts when no file is named', async () => {
    const run = await obs(root, ['plan', '--env', 'nowhere'], withToken);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('expected one of local, staging, production');
  });

  it('names a missing token variable, before any request', async () => {
    const run = await obs(root, ['plan', '--env', 'emulated', ...envs], {
      OBS_TEST_GRAFANA_TOKEN: '',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('environment variable OBS_TEST_GRAFANA_TOKEN is not set');
    expect(grafana.requests).toEqual([]);
  });

  it('plans with --detailed-exitcode, pushes, then plans no change', async () => {
    const plan = await obs(
      root,
      ['plan', '--env', 'emulated', ...envs, '--detailed-exitcode'],
      withToken,
    );
    expect(plan.status).toBe(3);
    expect(plan.stdout).toContain('+ create grafana dashboard push-cli (dashboards/push-cli.ts:');
    expect(plan.stdout).toContain('+++ local/dashboard/push-cli');
    expect(plan.stdout).toContain(
      'Plan: 2 to create, 0 to update, 0 to delete, 0 unchanged, 0 blocked.',
    );
    expect(grafana.writes()).toEqual([]);

    const pushed = await obs(root, ['push', '--env', 'emulated', ...envs], withToken);
    expect(pushed.status).toBe(0);
    expect(pushed.stdout).toMatch(
      /^✔ 2 applied · 0 unchanged · 0 failed · \d+ requests \(2 writes\) · \d+ ms$/m,
    );

    const again = await obs(
      root,
      ['plan', '--env', 'emulated', ...envs, '--detailed-exitcode'],
      withToken,
    );
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(
      'Plan: 0 to create, 0 to update, 0 to delete, 2 unchanged, 0 blocked.',
    );
  });

  it('prints a JSON report with --json and exits 5 on a partial failure', async () => {
    grafana.inject({
      method: 'POST',
      path: '/api/dashboards/db',
      fault: { type: 'status', status: 400, body: { message: 'nope' } },
    });
    const run = await obs(root, ['push', '--env', 'emulated', ...envs, '--json'], withToken);
    expect(run.status).toBe(5);
    const report = JSON.parse(run.stdout) as {
      applied: unknown[];
      failed: { key: string; error: string }[];
    };
    expect(report.applied).toEqual([
      { target: 'grafana', kind: 'folder', key: 'obs-tests', action: 'create' },
    ]);
    expect(report.failed).toEqual([
      expect.objectContaining({ key: 'push-cli', error: expect.stringContaining('400') }),
    ]);
  });

  it('never shows the token: not in output with -v, not in errors, not in out/', async () => {
    // The server echoes the Authorization header back in its error bodies.
    const echo = { message: `bad request from Bearer ${token}` };
    grafana
      .inject({
        method: 'POST',
        path: '/api/dashboards/db',
        times: 5,
        fault: { type: 'status', status: 500, body: echo },
      })
      .inject({
        method: 'GET',
        path: '/api/search',
        fault: { type: 'status', status: 500, body: echo },
      });
    const runs = [
      await obs(root, ['-v', 'plan', '--env', 'emulated', ...envs], withToken),
      await obs(root, ['-v', 'push', '--env', 'emulated', ...envs, '--retries', '3'], withToken),
      await obs(root, ['-v', 'push', '--env', 'emulated', ...envs, '--json'], withToken),
    ];
    expect(runs.map((r) => r.status)).toEqual([0, 5, 0]);
    expect(runs[1]!.stderr).toContain('[redacted]');
    for (const run of runs) expect(run.stdout + run.stderr).not.toContain(token);
    expect(grafana.requests.every((r) => r.headers.authorization === `Bearer ${token}`)).toBe(true);

    process.env.OBS_TEST_GRAFANA_TOKEN = token;
    grafana.inject({
      method: 'GET',
      path: '/api/search',
      times: 2,
      fault: { type: 'status', status: 503, body: echo },
    });
    const environment = testEnvironment({
      grafana: { url: grafana.url, auth: { type: 'bearer', tokenEnv: 'OBS_TEST_GRAFANA_TOKEN' } },
    });
    const thrown = await push({
      environment,
      resources: [dashboardResource('x')],
      policy: { retries: 1, baseDelayMs: 1 },
    }).catch((error: Error) => error);
    expect(thrown).toBeInstanceOf(Error);
    expect(String((thrown as Error).message) + (thrown as Error).stack).not.toContain(token);
    expect(JSON.stringify(thrown)).not.toContain(token);
    const built = await obs(root, ['build'], withToken);
    expect(built.status).toBe(0);
    const outDir = path.join(root, 'out');
    const files = fs.readdirSync(outDir, { recursive: true, withFileTypes: true });
    const written = files
      .filter((f) => f.isFile())
      .map((f) => fs.readFileSync(path.join(f.parentPath, f.name), 'utf8'))
      .join('\n');
    expect(written).toContain('push-cli'); // the dashboard is there…
    expect(written).not.toContain(token); // …and the token is not
  });
});
