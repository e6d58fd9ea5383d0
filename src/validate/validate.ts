/**
 * Validate stage: run every registered check, collect all findings, never stop at the first.
 * A check that crashes is itself reported, so one broken check cannot hide the others. Findings
 * that a definition suppressed (`.suppress(rule, reason)`) are dropped last.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import { unknownSource } from '../model/source.ts';
import type { Check, CheckContext } from './check.ts';
import { checks } from './registry.ts';
import { ruleCatalog } from './rules.ts';
import { applySuppressions } from './suppress.ts';

export async function validate(
  context: CheckContext,
  selected: Check[] = checks,
): Promise<Diagnostic[]> {
  // Checks that wait on tools (promtool, amtool) start first, so the tools run while the
  // in-process checks use the main thread.
  const ordered = [...selected].sort((a, b) => Number(isToolCheck(b)) - Number(isToolCheck(a)));
  const results = await Promise.all(ordered.map((check) => runCheck(check, context)));
  const known = new Set([...ruleCatalog.map((r) => r.id), ...checks.flatMap((c) => c.rules)]);
  return applySuppressions(results.flat(), context.resources, known);
}

const isToolCheck = (check: Check) => check.rules.some((rule) => rule.startsWith('tool/'));

async function runCheck(check: Check, context: CheckContext): Promise<Diagnostic[]> {
  try {
    return await check.run(context);
  } catch (error) {
    return [
      {
        rule: 'validate/check-crashed',
        severity: 'error',
        source: unknownSource,
        message: `check ${check.rules.join(', ')} crashed: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'this is a bug in the check; report it with the definition that triggers it',
      },
    ];
  }
}
