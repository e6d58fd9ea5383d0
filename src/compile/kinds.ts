/**
 * Where each kind of resource is written in `out/`, in which format, and in which order push
 * applies it. This table is the documented layout of `out/` (README, "The out/ folder").
 */
import type { Resource, ResourceKind, Target } from '../model/resource.ts';
import { slug } from '../model/resource.ts';

export interface KindSpec {
  kind: ResourceKind;
  target: Target;
  /** Push applies lower numbers first: folders before dashboards, rules before routing. */
  order: number;
  /** The file in `out/` a resource is written to. */
  file(resource: Resource): string;
  /**
   * Combine the resources that share one file into its document. Without it a file holds the
   * body of exactly one resource.
   */
  combine?(resources: Resource[]): unknown;
}

const byId = (a: Resource, b: Resource) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const ruleFile = (resources: Resource[]) => ({
  groups: [...resources].sort(byId).map((r) => r.body),
});

const folderPath = (resource: Resource) => slug(resource.placement.folder ?? 'general');

export const kinds: Record<ResourceKind, KindSpec> = {
  folder: {
    kind: 'folder',
    target: 'grafana',
    order: 10,
    file: (r) => `grafana/folders/${r.id}.json`,
  },
  datasource: {
    kind: 'datasource',
    target: 'grafana',
    order: 20,
    file: () => 'grafana/provisioning/datasources/virtual-pet.yaml',
    combine: (rs) => ({ apiVersion: 1, datasources: [...rs].sort(byId).map((r) => r.body) }),
  },
  dashboard: {
    kind: 'dashboard',
    target: 'grafana',
    order: 30,
    file: (r) => `grafana/dashboards/${folderPath(r)}/${r.id}.json`,
  },
  'grafana-rule-group': {
    kind: 'grafana-rule-group',
    target: 'grafana',
    order: 40,
    file: (r) => `grafana/provisioning/alerting/rules-${slug(r.id)}.yaml`,
  },
  'grafana-rule-group-api': {
    kind: 'grafana-rule-group-api',
    target: 'grafana',
    order: 41,
    // The provisioning API's rule-group body; push uses this form, Grafana's file
    // provisioning reads the `grafana-rule-group` YAML of the same group.
    file: (r) => `grafana/api/rule-groups/${r.id}.json`,
  },
  'contact-point': {
    kind: 'contact-point',
    target: 'grafana',
    order: 50,
    file: () => 'grafana/provisioning/alerting/contact-points.yaml',
    combine: (rs) => ({ apiVersion: 1, contactPoints: [...rs].sort(byId).map((r) => r.body) }),
  },
  'mute-timing': {
    kind: 'mute-timing',
    target: 'grafana',
    order: 55,
    file: () => 'grafana/provisioning/alerting/mute-timings.yaml',
    combine: (rs) => ({ apiVersion: 1, muteTimes: [...rs].sort(byId).map((r) => r.body) }),
  },
  'notification-policy': {
    kind: 'notification-policy',
    target: 'grafana',
    order: 60,
    file: () => 'grafana/provisioning/alerting/policies.yaml',
    combine: (rs) => ({ apiVersion: 1, policies: [...rs].sort(byId).map((r) => r.body) }),
  },
  'prometheus-rule-group': {
    kind: 'prometheus-rule-group',
    target: 'prometheus',
    order: 70,
    file: (r) => `prometheus/rules/${r.placement.namespace ?? 'default'}.yaml`,
    combine: ruleFile,
  },
  'promtool-test': {
    kind: 'promtool-test',
    target: 'prometheus',
    order: 75,
    file: (r) => `prometheus/tests/${r.id}.test.yaml`,
  },
  'scrape-config': {
    kind: 'scrape-config',
    target: 'prometheus',
    order: 76,
    file: (r) => `prometheus/${r.id}.yml`,
  },
  'loki-rule-group': {
    kind: 'loki-rule-group',
    target: 'loki',
    order: 80,
    file: (r) =>
      `loki/rules/${r.placement.tenant ?? 'fake'}/${r.placement.namespace ?? 'default'}.yaml`,
    combine: ruleFile,
  },
  'alertmanager-config': {
    kind: 'alertmanager-config',
    target: 'alertmanager',
    order: 90,
    file: (r) => `alertmanager/${r.id}.yml`,
  },
  'retention-policy': {
    kind: 'retention-policy',
    target: 'agent',
    order: 100,
    file: (r) => `retention/${r.id}.yaml`,
  },
  'agent-config': {
    kind: 'agent-config',
    target: 'agent',
    order: 110,
    file: (r) => `agents/${r.id}`,
  },
};
