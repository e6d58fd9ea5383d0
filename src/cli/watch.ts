/**
 * `obs build --watch` / `obs validate --watch`: run once, then again whenever a file under the
 * definition folders or `platform/` changes. The process stays warm between runs: the compiler is
 * loaded and its code optimised, esbuild's service is running, definitions that did not change
 * (nor anything they import) are not run again, and queries parsed before are not parsed again.
 * Changes to the compiler itself (`src/`) need a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import { definitionDirs } from '../load/discover.ts';
import { info, paintErr } from './output.ts';

/** The folders a watch follows, relative to the project root. */
export const watchedDirs = [...definitionDirs, 'platform'];

/** Files whose change can change a build; editors' swap and backup files are not among them. */
const relevant = /\.(?:[cm]?ts|[cm]?js|json|ya?ml)$/;

/**
 * Watch `dir` and every folder below it, each with its own watcher: Node's recursive mode on
 * Linux loses a file once an editor replaces it (write aside, rename over), and a folder's own
 * watcher does not. A folder created (or moved in) later is watched from then on and its files
 * count as changed; a folder removed counts as a change too.
 */
function watchTree(dir: string, onChange: (file: string) => void): void {
  const watchers = new Map<string, fs.FSWatcher>();
  const unwatch = (folder: string) => {
    for (const [watchedFolder, watcher] of watchers) {
      if (watchedFolder === folder || watchedFolder.startsWith(folder + path.sep)) {
        watcher.close();
        watchers.delete(watchedFolder);
      }
    }
  };
  const add = (folder: string, announce: boolean) => {
    unwatch(folder);
    let watcher: fs.FSWatcher;
    try {
      watcher = fs.watch(folder, (event, name) => {
        if (!name) return;
        const file = path.join(folder, name.toString());
        if (event === 'rename' && isFolder(file)) {
          add(file, true);
        } else if (watchers.has(file)) {
          unwatch(file); // a watched folder went away
          onChange(file);
        } else if (relevant.test(file)) {
          onChange(file);
        }
      });
      watcher.on('error', () => unwatch(folder));
      watchers.set(folder, watcher);
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && !entry.name.startsWith('.')) add(full, announce);
        else if (announce && relevant.test(entry.name)) onChange(full);
      }
    } catch {
      unwatch(folder); // removed meanwhile
    }
  };
  add(dir, false);
}

function isFolder(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Call `run` now, then after every change: changes within `settleMs` of each other make one run,
 * and a change during a run makes one more run after it. Never resolves; Ctrl-C ends it.
 */
export async function watch(
  root: string,
  run: () => Promise<unknown>,
  settleMs = 100,
): Promise<never> {
  const dirs = watchedDirs.filter((dir) => fs.existsSync(path.join(root, dir)));
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const runAgain = async () => {
    timer = undefined;
    if (running) return; // the run in progress schedules the next one when it ends
    const files = [...changed].sort();
    changed.clear();
    info(paintErr.dim(`changed: ${files.join(', ')}; building again`));
    await runOnce();
  };
  /** One run; a crash is reported and the watch goes on. */
  const runOnce = async () => {
    running = run().then(
      () => undefined,
      (error: unknown) => info(paintErr.red(`watch: the run failed: ${String(error)}`)),
    );
    await running;
    running = undefined;
    if (changed.size > 0) timer ??= setTimeout(runAgain, settleMs);
  };

  const onChange = (file: string) => {
    changed.add(path.relative(root, file).split(path.sep).join('/'));
    if (timer) clearTimeout(timer);
    timer = setTimeout(runAgain, settleMs);
  };
  for (const dir of dirs) watchTree(path.join(root, dir), onChange);
  await runOnce(); // after the watchers start, so a save during the first run is not missed
  const list = dirs.map((dir) => `${dir}/`).join(', ') || 'nothing (no definition folders)';
  info(paintErr.dim(`watching ${list} for changes (Ctrl-C to stop)`));
  return new Promise<never>(() => {});
}
