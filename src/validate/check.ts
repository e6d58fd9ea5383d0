/**
 * The contract of a validation check. Each check lives in its own file under `checks/`, named
 * after its rule ids, and returns findings as data; it never throws for bad input.
 */
import type { OutputFile } from '../compile/compile.ts';
import type { Diagnostic, Severity } from '../model/diagnostic.ts';
import type { Resource } from '../model/resource.ts';
import { resourceLabel, sourceForPath } from '../model/resource.ts';

/** What every check sees: all resources and the files they compile to. */
export interface CheckContext {
  resources: Resource[];
  files: OutputFile[];
  /** The project root, for checks that read or run tools on files. */
  root: string;
  /** The bytes the build writes, by `out/` path; files missing here are serialised on demand. */
  texts?: ReadonlyMap<string, string>;
}

export interface Check {
  /** The rule ids this check can report; documented in `docs/rules.md`. */
  rules: string[];
  run(context: CheckContext): Diagnostic[] | Promise<Diagnostic[]>;
}

/** A finding about `resource` at `jsonPath`, located at the builder call that made it. */
export function finding(
  rule: string,
  severity: Severity,
  resource: Resource,
  jsonPath: string | undefined,
  message: string,
  hint?: string,
): Diagnostic {
  return {
    rule,
    severity,
    source: sourceForPath(resource, jsonPath),
    resource: resourceLabel(resource),
    ...(jsonPath ? { path: jsonPath } : {}),
    message,
    ...(hint ? { hint } : {}),
  };
}
