/**
 * The panel factories of `src/builders`, each remembering the definition line that called it,
 * so a diagnostic about a panel names the line that made the panel rather than the shared
 * helper that added it to the dashboard (`withSections`). Import panels from here in
 * dashboards; everything else from `src/builders`.
 */
import { fileURLToPath } from 'node:url';
import * as builders from '../../src/builders/index.ts';
import {
  repoRoot,
  toRepoPath,
  unknownSource,
  type SourceLocation,
} from '../../src/model/source.ts';

// Not import.meta.url: the loader bundles definitions, so that names the bundle, not this file.
const here = `${repoRoot}/dashboards/lib/panels.ts`;
const internal = [`${repoRoot}/src/`, `${repoRoot}/node_modules/`];
const frame = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/;
const locations = new WeakMap<object, SourceLocation>();

/** The first stack frame outside this file, the compiler and its dependencies. */
function callerLocation(): SourceLocation {
  for (const raw of (new Error().stack ?? '').split('\n').slice(1)) {
    const match = frame.exec(raw.trim());
    if (!match) continue;
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    if (!file.startsWith('/') || file === here || internal.some((d) => file.startsWith(d))) {
      continue;
    }
    return { file: toRepoPath(file), line: Number(match[2]), column: Number(match[3]) };
  }
  return unknownSource;
}

function located<A extends unknown[], P extends object>(factory: (...args: A) => P) {
  return (...args: A): P => {
    const panel = factory(...args);
    locations.set(panel, callerLocation());
    return panel;
  };
}

/** Where a panel made by one of these factories was defined. */
export function panelLocation(panel: object): SourceLocation | undefined {
  return locations.get(panel);
}

export const timeseries = located(builders.timeseries);
export const stat = located(builders.stat);
export const table = located(builders.table);
export const logs = located(builders.logs);
export const text = located(builders.text);
export const barGauge = located(builders.barGauge);
export const nodeGraph = located(builders.nodeGraph);
export const gauge = located(builders.gauge);
