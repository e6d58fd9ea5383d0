/**
 * Compile stage: lay resources out as the files of `out/`. Resources of a kind that shares a
 * file (rule groups of one namespace, all datasources) are combined into one document.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import type { Resource } from '../model/resource.ts';
import { kinds } from './kinds.ts';

/** One file of `out/` before serialisation. */
export interface OutputFile {
  /** Path relative to `out/`, forward slashes. */
  path: string;
  /** The document: an object for JSON and YAML files, a string for text files. */
  document: unknown;
  /** The resources the file was made from, for the manifest and for diagnostics. */
  resources: Resource[];
}

export interface CompileResult {
  files: OutputFile[];
  diagnostics: Diagnostic[];
}

export function compile(resources: Resource[]): CompileResult {
  const groups = new Map<string, Resource[]>();
  const diagnostics: Diagnostic[] = [];

  for (const resource of resources) {
    const file = kinds[resource.kind].file(resource);
    const group = groups.get(file);
    if (group) group.push(resource);
    else groups.set(file, [resource]);
  }

  const files: OutputFile[] = [];
  for (const [path, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const spec = kinds[members[0]!.kind];
    const clash = members.find((m) => m.kind !== spec.kind);
    if (clash || (!spec.combine && members.length > 1)) {
      const other = clash ?? members[1]!;
      diagnostics.push({
        rule: 'compile/file-clash',
        severity: 'error',
        source: other.source,
        resource: `${other.kind} ${other.id}`,
        message: `writes \`out/${path}\`, which ${members[0]!.kind} ${members[0]!.id} (${members[0]!.source.file}:${members[0]!.source.line}) writes too`,
        hint: 'rename one of them',
      });
      continue;
    }
    const document = spec.combine ? spec.combine(members) : members[0]!.body;
    files.push({ path, document, resources: members });
  }
  return { files, diagnostics };
}
