/**
 * Every rule id the build can report has its entry in docs/rules.md, and every rule a check
 * declares is in the rule catalog or documented: the id printed by the CLI is one a user can
 * look up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/model/source.ts';
import { checks } from '../../src/validate/registry.ts';
import { ruleCatalog } from '../../src/validate/rules.ts';

const docs = fs.readFileSync(path.join(repoRoot, 'docs/rules.md'), 'utf8');
const headings = new Set(
  [...docs.matchAll(/^### (.+)$/gm)].flatMap((m) => m[1]!.split(',').map((id) => id.trim())),
);

describe('docs/rules.md', () => {
  it.each(
    [...new Set([...ruleCatalog.map((r) => r.id), ...checks.flatMap((c) => c.rules)])].sort(),
  )('documents %s', (id) => {
    expect(headings.has(id)).toBe(true);
  });

  it('documents the severity of every catalog rule', () => {
    for (const rule of ruleCatalog) {
      const section = docs.split(`### ${rule.id}\n`)[1]?.split('\n### ')[0] ?? '';
      const severity = /^- \*\*Severity:\*\* (.*)$/m.exec(section)?.[1] ?? '';
      expect(severity, rule.id).toContain(rule.severity);
    }
  });
});
