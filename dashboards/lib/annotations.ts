/**
 * Deploy markers: a new `service_build_info` version appearing is a deploy. Shown on every
 * graph of a dashboard so an error spike can be read against the release that caused it.
 */
import type * as cog from '@grafana/grafana-foundation-sdk/cog';
import type * as sdk from '@grafana/grafana-foundation-sdk/dashboard';
import { dedent, selector, type Matchers } from '../../src/builders/index.ts';
import { prometheusDs } from '../../src/conventions/datasources.ts';
import { metricNames } from '../../src/conventions/metrics.ts';

/** Versions that exist now but did not five minutes earlier, per service. */
export function deployQuery(matchers: Matchers): string {
  const info = selector(metricNames.buildInfo, matchers);
  return dedent(`
    count by (service, version) (${info})
    unless
    count by (service, version) (${info} offset 5m)
  `);
}

/**
 * The "Deploys" annotation of a dashboard, for the services `matchers` pick. Built by hand: the
 * SDK's builder puts the toggle in the controls menu (`placement`) instead of the top bar.
 */
export function deployAnnotation(matchers: Matchers): cog.Builder<sdk.AnnotationQuery> {
  const annotation: sdk.AnnotationQuery = {
    name: 'Deploys',
    datasource: prometheusDs,
    enable: true,
    iconColor: 'purple',
    expr: deployQuery(matchers),
    step: '1m',
    titleFormat: 'Deploy {{service}} {{version}}',
    textFormat: '{{service}} now runs version {{version}}',
    tagKeys: 'service,version',
  };
  return { build: () => structuredClone(annotation) };
}
