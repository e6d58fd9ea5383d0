/**
 * Where a resource was defined: the file and line of the builder call a user must change.
 * Captured from the call stack when a builder is created, so no definition has to say it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A position in a definition file, relative to the repository root. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** The repository root: the folder that holds `package.json`, two levels above this file. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let projectRoot = repoRoot;

/** The root that definition paths are shown relative to (the CLI's `--root`). */
export function setProjectRoot(root: string): void {
  projectRoot = path.resolve(root);
}

const internalDirs = [
  path.join(repoRoot, 'src') + path.sep,
  path.join(repoRoot, 'node_modules') + path.sep,
];

const frame = /\(?((?:file:\/\/)?[^\s()]+?):(\d+):(\d+)\)?$/;

/**
 * The first stack frame outside the compiler and its dependencies: the definition line that
 * called a builder. Falls back to an unknown location rather than throwing.
 */
export function captureSource(): SourceLocation {
  const stack = new Error().stack ?? '';
  for (const raw of stack.split('\n').slice(1)) {
    const match = frame.exec(raw.trim());
    if (!match) continue;
    const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
    if (!path.isAbsolute(file) || internalDirs.some((dir) => file.startsWith(dir))) continue;
    return { file: toRepoPath(file), line: Number(match[2]), column: Number(match[3]) };
  }
  return unknownSource;
}

/** A location for resources made outside any definition file (tests, generated). */
export const unknownSource: SourceLocation = { file: '<unknown>', line: 0, column: 0 };

/** `file:line:col`, the form editors and terminals turn into links. */
export function formatSource(source: SourceLocation): string {
  return `${source.file}:${source.line}:${source.column}`;
}

/** A path relative to the project root, with forward slashes. */
export function toRepoPath(file: string): string {
  const relative = path.relative(projectRoot, file);
  return relative.startsWith('..') ? file : relative.split(path.sep).join('/');
}
