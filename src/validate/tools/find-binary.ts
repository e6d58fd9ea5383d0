/** Find an installed command on PATH without spawning a shell. */
import fs from 'node:fs';
import path from 'node:path';

/** Overrides for tests and unusual installs: `OBS_PROMTOOL_BIN`, `OBS_AMTOOL_BIN`. */
const overrides: Record<string, string> = {
  promtool: 'OBS_PROMTOOL_BIN',
  amtool: 'OBS_AMTOOL_BIN',
};

/** The path of `name`, or undefined when it is not installed. */
export function findCommand(name: string): string | undefined {
  const override = overrides[name] ? process.env[overrides[name]!] : undefined;
  if (override) return fs.existsSync(override) ? override : undefined;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** Whether we run in CI, where the real tools must run rather than be skipped. */
export function inCi(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1';
}
