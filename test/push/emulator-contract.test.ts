/**
 * The emulators against the contract (shared/reference/api-contracts.md §1–§3, §5, §8): the
 * answers most likely to give false greens if an emulator got them wrong. Plain HTTP, no push
 * code, so a push bug cannot hide an emulator bug.
 */
import YAML from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { GrafanaEmulator } from '../emulators/grafana.ts';
import { RulerEmulator } from '../emulators/ruler.ts';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe('Grafana emulator follows the contract', () => {
  let grafana: GrafanaEmulator;
  afterEach(() => grafana.stop());

  it('saves with 200, bumps the version on every save, 412 on a stale version', async () => {
    grafana = await new GrafanaEmulator().start();
    const save = (body: object) => fetch(`${grafana.url}/api/dashboards/db`, json(body));
    const first = await save({ dashboard: { uid: 'd', title: 'D' } });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ status: 'success', version: 1, uid: 'd' });
    const again = await save({ dashboard: { uid: 'd', title: 'D' } });
    expect(again.status).toBe(412);
    expect(await again.json()).toEqual({
      status: 'version-mismatch',
      message: 'The dashboard has been changed by someone else',
    });
    const version = async (response: Promise<Response>) =>
      ((await (await response).json()) as { version: number }).version;
    expect(await version(save({ dashboard: { uid: 'd', title: 'D', version: 1 } }))).toBe(2);
    expect(await version(save({ dashboard: { uid: 'd', title: 'D' }, overwrite: true }))).toBe(3);
    expect((await save({ dashboard: { uid: 'e', title: 'D' } })).status).toBe(200); // no name-exists
  });

  it('moves a dashboard saved without folderUid to the root', async () => {
    grafana = await new GrafanaEmulator().start();
    grafana.seedFolder('f', 'F');
    await fetch(
      `${grafana.url}/api/dashboards/db`,
      json({ dashboard: { uid: 'd', title: 'D' }, folderUid: 'f' }),
    );
    await fetch(
      `${grafana.url}/api/dashboards/db`,
      json({ dashboard: { uid: 'd', title: 'D' }, overwrite: true }),
    );
    const read = (await (await fetch(`${grafana.url}/api/dashboards/uid/d`)).json()) as {
      meta: { folderUid: string };
    };
    expect(read.meta.folderUid).toBe('');
  });

  it('answers 409 for a duplicate folder uid and 400 for a provisioned dashboard', async () => {
    grafana = await new GrafanaEmulator().start();
    expect((await fetch(`${grafana.url}/api/folders`, json({ uid: 'f', title: 'F' }))).status).toBe(
      200,
    );
    expect((await fetch(`${grafana.url}/api/folders`, json({ uid: 'f', title: 'F' }))).status).toBe(
      409,
    );
    grafana.seedDashboard({ uid: 'p', title: 'P' }, '', true);
    const save = await fetch(
      `${grafana.url}/api/dashboards/db`,
      json({ dashboard: { uid: 'p', title: 'P' }, overwrite: true }),
    );
    expect(save.status).toBe(400);
  });

  it('applies the provenance rules and status codes of the provisioning API', async () => {
    grafana = await new GrafanaEmulator().start();
    grafana.seedFolder('f', 'F');
    const rule = {
      uid: 'r',
      title: 'R',
      folderUID: 'f',
      ruleGroup: 'g',
      condition: 'C',
      data: [{ refId: 'C' }],
    };
    const url = `${grafana.url}/api/v1/provisioning/alert-rules`;
    expect((await fetch(url, json(rule))).status).toBe(201);
    const missing = await fetch(`${url}/nope`);
    expect([missing.status, await missing.text()]).toEqual([404, '']);
    const put = (headers: Record<string, string>) =>
      fetch(`${url}/r`, { ...json(rule, headers), method: 'PUT' });
    expect((await put({ 'X-Disable-Provenance': 'false' })).status).toBe(500); // api → none
    const del = await fetch(`${url}/r`, {
      method: 'DELETE',
      headers: { 'X-Disable-Provenance': '' },
    });
    expect(del.status).toBe(409);
    expect((await fetch(`${url}/r`, { method: 'DELETE' })).status).toBe(204);
    expect((await fetch(`${url}/r`, { method: 'DELETE' })).status).toBe(204); // idempotent
    const group = `${grafana.url}/api/v1/provisioning/folder/f/rule-groups/g`;
    const bad = await fetch(group, { ...json({ interval: 15, rules: [rule] }), method: 'PUT' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('divided exactly by scheduler interval: 10');
  });
});

describe('ruler emulators follow the contract', () => {
  let ruler: RulerEmulator;
  afterEach(() => ruler.stop());

  it('needs the tenant, answers 404 on an empty list, 202 on writes, YAML on reads', async () => {
    ruler = await new RulerEmulator({ flavour: 'mimir' }).start();
    const base = `${ruler.url}/prometheus/config/v1/rules`;
    expect((await fetch(base)).status).toBe(401);
    const tenant = { 'X-Scope-OrgID': 'a' };
    const empty = await fetch(base, { headers: tenant });
    expect([empty.status, await empty.text()]).toEqual([404, 'no rule groups found']);
    const group = YAML.stringify({
      name: 'g',
      interval: '60s',
      rules: [{ record: 'r', expr: 'up' }],
    });
    const post = await fetch(`${base}/ns`, { method: 'POST', headers: tenant, body: group });
    expect(post.status).toBe(202);
    const read = await fetch(`${base}/ns/g`, { headers: tenant });
    expect(read.headers.get('content-type')).toBe('application/yaml');
    expect(YAML.parse(await read.text())).toEqual({
      name: 'g',
      interval: '1m',
      rules: [{ record: 'r', expr: 'up' }],
    });
    const gone = await fetch(`${base}/ns/other`, { method: 'DELETE', headers: tenant });
    expect([gone.status, await gone.text()]).toEqual([404, 'group does not exist']);
    const wrapped = await fetch(`${base}/ns`, {
      method: 'POST',
      headers: tenant,
      body: `groups:\n  - name: g\n`,
    });
    expect(wrapped.status).toBe(400);
  });

  it('Loki local store refuses every write with 500', async () => {
    ruler = await new RulerEmulator({ flavour: 'loki', localStore: true }).start();
    const post = await fetch(`${ruler.url}/loki/api/v1/rules/ns`, {
      method: 'POST',
      headers: { 'X-Scope-OrgID': 'fake' },
      body: 'name: g\nrules: []\n',
    });
    expect([post.status, await post.text()]).toEqual([
      500,
      'SetRuleGroup unsupported in rule local store',
    ]);
  });
});
