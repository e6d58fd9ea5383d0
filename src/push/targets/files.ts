/**
 * Writing files a server reads: atomic writes (a dotfile beside the target, then rename, so a
 * glob like `rules/*.yaml` never sees half a file), reading a folder's managed files, and
 * restoring previous contents when a reload refuses the new ones.
 */
import fs from 'node:fs';
import path from 'node:path';
import { hasFileMarker } from '../ownership.ts';

/** A file as it is on disk now; `undefined` text when it does not exist. */
export interface FileState {
  path: string;
  text: string | undefined;
}

/** Replace `file` with `text` atomically. */
export function writeAtomic(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const staging = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(staging, text);
  fs.renameSync(staging, file);
}

/** Put a file back the way it was (delete it if it did not exist). */
export function restore(state: FileState): void {
  if (state.text === undefined) fs.rmSync(state.path, { force: true });
  else writeAtomic(state.path, state.text);
}

/** The text of a file, or undefined when it does not exist. */
export function readIfExists(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** YAML files directly in `dir` (not dotfiles), each with its text and whether it is ours. */
export function listYamlFiles(dir: string): { name: string; text: string; managed: boolean }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && /\.ya?ml$/.test(e.name))
    .map((e) => {
      const text = fs.readFileSync(path.join(dir, e.name), 'utf8');
      return { name: e.name, text, managed: hasFileMarker(text) };
    })
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}
