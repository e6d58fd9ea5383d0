/**
 * Validate stage: run every registered check, collect all findings, never stop at the first.
 * A check that crashes is itself reported, so one broken check cannot hide the others.
 */
import type { Diagnostic } from '../model/diagnostic.ts';
import { unknownSource } from '../model/source.ts';
import type { Check, CheckContext } from './check.ts';
import { checks } from './registry.ts';

export async function validate(
  context: CheckContext,
  selected: Check[] = checks,
): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const check of selected) {
    try {
      diagnostics.push(...(await check.run(context)));
    } catch (error) {
      diagnostics.push({
        rule: 'validate/check-crashed',
        severity: 'error',
        source: unknownSource,
        message: `check ${check.rules.join(', ')} crashed: ${error instanceof Error ? error.message : String(error)}`,
        hint: 'this is a bug in the check; report it with the definition that triggers it',
      });
    }
  }
  return diagnostics;
}
