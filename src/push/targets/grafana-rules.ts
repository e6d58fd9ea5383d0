/**
 * Grafana-managed alert rule groups through the provisioning API (contract §3): a group is read
 * with `GET …/folder/{uid}/rule-groups/{group}` and replaced whole with `PUT` (rules missing from
 * the body are deleted by Grafana). Push never sends `X-Disable-Provenance`, so every rule it
 * writes has provenance `api` (read-only in the UI) and a later push never changes provenance,
 * which Grafana would refuse. Our mark is the annotation `managedAnnotation` on every rule.
 */
import type { Resource } from '../../model/resource.ts';
import { normalise } from '../../plan/normalise.ts';
import { managedAnnotation } from '../ownership.ts';

/** A rule group as the provisioning API takes and returns it. */
export interface ApiRuleGroup {
  title: string;
  folderUid: string;
  interval: number;
  rules: Record<string, unknown>[];
}

const serverFields = ['id', 'orgID', 'updated', 'provenance', 'folderUID', 'ruleGroup'];

/** A rule group normalised: server-filled fields and defaults removed, durations in one spelling. */
export function ruleGroupDocument(group: ApiRuleGroup): unknown {
  const rules = group.rules.map((rule) => {
    const copy = { ...rule };
    for (const field of serverFields) delete copy[field];
    return copy;
  });
  return normalise(
    { title: group.title, folderUid: group.folderUid, interval: group.interval, rules },
    {
      durationKeys: ['for', 'keep_firing_for'],
      defaults: { keep_firing_for: '0s', isPaused: false, for: '0s' },
    },
  );
}

/** The group we send for a `grafana-rule-group-api` resource, in folder `folderUid`. */
export function localRuleGroup(resource: Resource, folderUid: string): ApiRuleGroup {
  const body = resource.body as ApiRuleGroup;
  return {
    title: body.title,
    folderUid,
    interval: body.interval,
    rules: body.rules.map((rule) => ({
      ...rule,
      folderUID: folderUid,
      ruleGroup: body.title,
      annotations: { ...(rule.annotations as object), [managedAnnotation]: 'obs' },
    })),
  };
}

/** Whether a live rule carries our annotation. */
export function isManagedRule(rule: Record<string, unknown>): boolean {
  const annotations = rule.annotations as Record<string, string> | undefined;
  return annotations?.[managedAnnotation] === 'obs';
}

/** The path of a group in the provisioning API. */
export function ruleGroupPath(folderUid: string, group: string): string {
  return (
    `/api/v1/provisioning/folder/${encodeURIComponent(folderUid)}` +
    `/rule-groups/${encodeURIComponent(group)}`
  );
}
