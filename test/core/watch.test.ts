/**
 * `obs build --watch`: one build at the start, another after each change to a definition
 * (also when an editor replaces the file instead of writing it, and in folders made later), a
 * failed build leaves `out/` as it was, and the next good one writes again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/model/source.ts';
import { buildersImport, datasourcesImport, snapshotDir, tempProject } from '../helpers/project.ts';

const definition = (
  title: string,
) => `import { dashboard, timeseries, promQuery } from '${buildersImport}';
import { prometheusDs } from '${datasourcesImport}';

export default dashboard('${title}').uid('watched')
  .withPanel(timeseries('Up').unit('short').datasource(prometheusDs).withTarget(promQuery('up')));
`;

/** The lines a running process printed on stdout, and a way to wait for the next summary. */
function follow(child: ChildProcess) {
  const lines: string[] = [];
  let seen = 0;
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
  });
  /** The next summary line (the last line of a build's output) after those already returned. */
  const nextSummary = async (timeoutMs = 30_000): Promise<string> => {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const index = lines.findIndex((line, i) => i >= seen && /^[✔✘] /.test(line));
      if (index >= 0) {
        seen = index + 1;
        return lines[index]!;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no build summary within ${timeoutMs} ms; output so far:\n${lines.join('\n')}`);
  };
  return { nextSummary };
}

/** Replace a file the way many editors save: write a sibling, rename it over the original. */
function saveByRename(file: string, content: string): void {
  fs.writeFileSync(`${file}.tmp-save`, content);
  fs.renameSync(`${file}.tmp-save`, file);
}

const children: ChildProcess[] = [];
const roots: string[] = [];
afterAll(() => {
  for (const child of children) child.kill();
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true });
});

describe('obs build --watch', () => {
  it('builds again after each change and keeps out/ through a failed build', async () => {
    const root = tempProject({ 'dashboards/watched.ts': definition('First') });
    roots.push(root);
    const file = path.join(root, 'dashboards/watched.ts');
    const outFile = path.join(root, 'out/grafana/dashboards/virtual-pet/watched.json');
    const child = spawn(
      process.execPath,
      [path.join(repoRoot, 'bin/obs.js'), '--root', root, 'build', '--watch'],
      {
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    children.push(child);
    const { nextSummary } = follow(child);

    expect(await nextSummary()).toMatch(/^✔ 1 resources .* \(\d+ changed\)/);
    expect(fs.readFileSync(outFile, 'utf8')).toContain('"title": "First"');

    saveByRename(file, definition('Second'));
    expect(await nextSummary()).toMatch(/^✔ .*\(1 changed\)/);
    expect(fs.readFileSync(outFile, 'utf8')).toContain('"title": "Second"');

    const before = snapshotDir(path.join(root, 'out'));
    fs.writeFileSync(file, `${definition('Third')}\nthrow new Error('broken on purpose');\n`);
    expect(await nextSummary()).toMatch(/^✘ .*out\/ left unchanged/);
    expect(snapshotDir(path.join(root, 'out'))).toEqual(before);

    saveByRename(file, definition('Fourth'));
    expect(await nextSummary()).toMatch(/^✔ /);
    expect(fs.readFileSync(outFile, 'utf8')).toContain('"title": "Fourth"');

    // A folder made after the start is watched, and removing it is a change too.
    const more = path.join(root, 'dashboards/more');
    fs.mkdirSync(more);
    fs.writeFileSync(
      path.join(more, 'extra.ts'),
      definition('Extra').replace(".uid('watched')", ".uid('extra')"),
    );
    expect(await nextSummary()).toMatch(/^✔ 2 resources /);
    fs.rmSync(more, { recursive: true });
    expect(await nextSummary()).toMatch(/^✔ 1 resources /);
  }, 120_000);
});
