/** Per-service health alerts: a target that is down, and a high error ratio. */
import { catalog } from '../platform/catalog.ts';
import { metricNames } from '../src/conventions/metrics.ts';
import {
  alertRule,
  prometheusRuleGroup,
  rate,
  ratio,
  selector,
  sumBy,
} from '../src/builders/index.ts';

const runbooks = 'https://runbooks.virtualpet.example';

export default prometheusRuleGroup('service-health')
  .namespace('services')
  .interval('30s')
  .withRules(
    catalog.services.flatMap((service) => {
      const requests = selector(metricNames.httpRequests, { service: service.name });
      const errors = selector(metricNames.httpRequests, {
        service: service.name,
        status_class: '5xx',
      });
      const labels = { team: service.team, service: service.name };
      const dashboardUrl = `/d/svc-${service.name}`;
      return [
        alertRule(`${service.name}-down`)
          .expr(`up{service="${service.name}"} == 0`)
          .for('2m')
          .severity('critical')
          .labels(labels)
          .summary(`${service.title}: instance {{ $labels.instance }} is down`)
          .description('Prometheus cannot scrape {{ $labels.instance }} for 2 minutes.')
          .runbook(`${runbooks}/service-down`)
          .dashboard(dashboardUrl),
        alertRule(`${service.name}-high-error-ratio`)
          .expr(`${ratio(sumBy([], rate(errors, '5m')), sumBy([], rate(requests, '5m')))} > 0.05`)
          .for('5m')
          .severity('critical')
          .labels(labels)
          .summary(`${service.title}: more than 5% of requests fail`)
          .description('{{ $value | humanizePercentage }} of requests answered 5xx over 5 minutes.')
          .runbook(`${runbooks}/high-error-ratio`)
          .dashboard(dashboardUrl),
      ];
    }),
  );
