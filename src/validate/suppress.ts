/**
 * Apply the suppressions of the build's resources: a finding of the named rule, on that
 * resource and inside the suppression's path, is dropped. A suppression must name a known rule
 * and give a reason; one without a reason suppresses nothing and is itself an error, and one
 * that matched nothing is reported so that stale exceptions do not pile up.
 */
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.ts';
import { toRepoPath, type SourceLocation } from '../model/source.ts';
import { resourceLabel, type Resource, type Suppression } from '../model/resource.ts';
import { closest } from './closest.ts';

/** Rules no suppression can silence: the ones about suppressions. */
const unsuppressible = (rule: string) => rule.startsWith('suppress/');

/** `diagnostics` without the suppressed ones, plus findings about the suppressions. */
export function applySuppressions(
  diagnostics: Diagnostic[],
  resources: Resource[],
  knownRules: Set<string>,
): Diagnostic[] {
  const active: { suppression: Suppression; label: string; used: boolean }[] = [];
  const problems: Diagnostic[] = [];

  for (const resource of resources) {
    const label = resourceLabel(resource);
    for (const made of resource.suppressions ?? []) {
      const suppression = { ...made, source: relative(made.source) };
      const problem = validateSuppression(suppression, label, knownRules);
      if (problem) problems.push(problem);
      else active.push({ suppression, label, used: false });
    }
  }

  const kept = diagnostics.filter((d) => {
    if (unsuppressible(d.rule)) return true;
    const match = active.find(
      (a) =>
        a.label === d.resource &&
        a.suppression.rule === d.rule &&
        covers(a.suppression.path, d.path),
    );
    if (match) match.used = true;
    return !match;
  });

  for (const { suppression, label, used } of active) {
    if (!used) problems.push(unused(suppression, label));
  }
  return [...kept, ...problems];
}

/** Builders record absolute paths; the loader makes resource sources relative, we do these. */
function relative(source: SourceLocation): SourceLocation {
  return path.isAbsolute(source.file) ? { ...source, file: toRepoPath(source.file) } : source;
}

function covers(prefix: string | undefined, path: string | undefined): boolean {
  if (!prefix) return true;
  if (!path) return false;
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}

function validateSuppression(
  s: Suppression,
  label: string,
  known: Set<string>,
): Diagnostic | undefined {
  const base = { source: s.source, resource: label, ...(s.path ? { path: s.path } : {}) };
  if (!known.has(s.rule)) {
    const suggestion = closest(String(s.rule), known);
    return {
      ...base,
      rule: 'suppress/unknown-rule',
      severity: 'error',
      message: `suppression names rule \`${String(s.rule)}\`, which does not exist`,
      hint: suggestion ? `did you mean \`${suggestion}\`?` : 'rule ids are listed in docs/rules.md',
    };
  }
  if (typeof s.reason !== 'string' || !s.reason.trim()) {
    return {
      ...base,
      rule: 'suppress/reason-missing',
      severity: 'error',
      message: `suppression of \`${s.rule}\` gives no reason`,
      hint: `say why the finding is acceptable here: .suppress('${s.rule}', 'why')`,
    };
  }
  return undefined;
}

function unused(s: Suppression, label: string): Diagnostic {
  return {
    rule: 'suppress/unused',
    severity: 'warning',
    source: s.source,
    resource: label,
    ...(s.path ? { path: s.path } : {}),
    message: `suppression of \`${s.rule}\` matches no finding`,
    hint: 'remove it: the problem it excused is gone',
  };
}
