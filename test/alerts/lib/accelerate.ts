/**
 * Make a generated rule file fast enough for a live test: every group evaluates each second
 * and every `for:` becomes `forSeconds`. Expressions, labels and annotations stay exactly as
 * generated, so the live test still proves the real rules.
 */
import YAML from 'yaml';

interface RuleFile {
  groups: { name: string; interval?: string; rules: { for?: string }[] }[];
}

/** The rule file text with 1s group intervals and every `for:` set to `forSeconds`. */
export function accelerate(ruleFileText: string, forSeconds = 1): string {
  const doc = YAML.parse(ruleFileText) as RuleFile;
  for (const group of doc.groups) {
    group.interval = '1s';
    for (const rule of group.rules) if (rule.for) rule.for = `${forSeconds}s`;
  }
  return YAML.stringify(doc);
}
