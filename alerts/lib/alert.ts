/**
 * Alert rules that carry everything a person needs when paged: team and service labels for
 * routing, a runbook under `runbookBase`, and a link to the dashboard that shows the problem.
 * Every Prometheus alert of the platform starts here.
 */
import type { Service } from '../../src/model/catalog.ts';
import {
  dashboardPath,
  runbookBase,
  serviceDashboardUid,
} from '../../src/conventions/dashboards.ts';
import { alertRule, type AlertRuleBuilder } from '../../src/builders/index.ts';

/** `ServiceHighErrorRatio` → `service-high-error-ratio`. */
export function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The runbook of an alert: `${runbookBase}/<alert-name-in-kebab-case>`. */
export function runbookUrl(alertName: string): string {
  return `${runbookBase}/${kebab(alertName)}`;
}

/** An alert owned by `team`, linking its runbook and the dashboard `dashboardUid`. */
export function teamAlert(name: string, team: string, dashboardUid: string): AlertRuleBuilder {
  return alertRule(name)
    .labels({ team })
    .runbook(runbookUrl(name))
    .dashboard(dashboardPath(dashboardUid));
}

/** An alert about one catalog service: its team, `service` label and its own dashboard. */
export function serviceAlert(name: string, service: Service): AlertRuleBuilder {
  return teamAlert(name, service.team, serviceDashboardUid(service.name)).labels({
    service: service.name,
  });
}
