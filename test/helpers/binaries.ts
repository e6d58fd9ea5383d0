/**
 * Real server binaries for tests. Locally a missing binary skips the suites that need it; with
 * `CI=true` it fails them, because in CI `scripts/setup.sh` must have installed it.
 */
import { execFileSync } from 'node:child_process';

const overrides: Record<string, string | undefined> = {
  'prometheus-alertmanager': process.env.OBS_ALERTMANAGER_BIN,
  chromium: process.env.OBS_CHROMIUM_BIN,
};

/** The path of a binary, or undefined when it is not installed. */
export function findBinary(name: string): string | undefined {
  const override = overrides[name];
  if (override) return override;
  try {
    return (
      execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

export const inCi = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Whether to skip suites needing `names`: true only outside CI with a binary missing. In CI a
 * missing binary throws, so the run fails instead of passing green without the test.
 */
export function skipWithout(...names: string[]): boolean {
  const missing = names.filter((name) => !findBinary(name));
  if (missing.length === 0) return false;
  if (inCi) {
    throw new Error(
      `CI=true but ${missing.join(', ')} is not installed; scripts/setup.sh should have installed it`,
    );
  }
  console.warn(`skipping: ${missing.join(', ')} not installed (run scripts/setup.sh)`);
  return true;
}

/** The binary's path; throws naming it when missing. */
export function binary(name: string): string {
  const found = findBinary(name);
  if (!found) throw new Error(`${name} is not installed; run scripts/setup.sh`);
  return found;
}
