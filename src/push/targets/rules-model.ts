/**
 * Rule groups as push compares them: one normaliser for Prometheus rule files and for the Mimir
 * and Loki rulers, so `for: 60s` on the server equals `for: 1m` here, and fields the server
 * fills with their default (`limit: 0`, `for: 0s`) equal leaving them out.
 */
import type { RuleGroupBody } from '../../builders/rules.ts';
import { normalise, type NormaliseRules } from '../../plan/normalise.ts';

export const ruleRules: NormaliseRules = {
  durationKeys: ['interval', 'for', 'keep_firing_for', 'query_offset', 'evaluation_delay'],
  defaults: {
    limit: 0,
    for: '0s',
    keep_firing_for: '0s',
    query_offset: '0s',
    evaluation_delay: '0s',
  },
};

/**
 * A rule group normalised. Rule order is kept (it is evaluation order); keys are sorted.
 * `interval` is kept even when it equals a server default: the default is per server.
 */
export function ruleGroupDocument(group: unknown): unknown {
  return normalise(group, ruleRules);
}

/** A rule file normalised: its groups in name order. */
export function ruleFileDocument(groups: unknown[]): unknown {
  const sorted = [...groups].sort((a, b) => {
    const an = (a as RuleGroupBody).name;
    const bn = (b as RuleGroupBody).name;
    return an < bn ? -1 : an > bn ? 1 : 0;
  });
  return { groups: sorted.map(ruleGroupDocument) };
}
