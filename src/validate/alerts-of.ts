/**
 * The alerting rules of the build, whatever their target: Prometheus and Loki rules (`alert:`)
 * and Grafana-managed rules (`title` + `condition`), each with its path, labels and annotations.
 */
import type { Resource } from '../model/resource.ts';
import type { RuleBody, RuleGroupBody } from '../builders/rules.ts';

export interface AlertVisit {
  resource: Resource;
  /** Path of the rule inside the body, e.g. `rules[2]`. */
  path: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** Prometheus and Loki rules; Grafana rules keep `for` as a field of their own. */
  rule?: RuleBody;
}

/** Every alerting rule of `resources`. */
export function alertsOf(resources: Resource[]): AlertVisit[] {
  const visits: AlertVisit[] = [];
  for (const resource of resources) {
    if (resource.kind === 'prometheus-rule-group' || resource.kind === 'loki-rule-group') {
      (resource.body as RuleGroupBody).rules?.forEach((rule, index) => {
        if (!rule.alert) return;
        visits.push({
          resource,
          path: `rules[${index}]`,
          name: rule.alert,
          labels: rule.labels ?? {},
          annotations: rule.annotations ?? {},
          rule,
        });
      });
    }
    if (resource.kind === 'grafana-rule-group') visits.push(...grafanaAlerts(resource));
  }
  return visits;
}

function grafanaAlerts(resource: Resource): AlertVisit[] {
  const visits: AlertVisit[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) return value.forEach((item, i) => walk(item, `${path}[${i}]`));
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (typeof record.title === 'string' && 'condition' in record) {
      visits.push({
        resource,
        path,
        name: record.title,
        labels: (record.labels as Record<string, string>) ?? {},
        annotations: (record.annotations as Record<string, string>) ?? {},
      });
      return;
    }
    for (const [key, child] of Object.entries(record)) walk(child, path ? `${path}.${key}` : key);
  };
  walk(resource.body, '');
  return visits;
}
