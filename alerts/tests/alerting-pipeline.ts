/** Unit tests of the alerting-pipeline alerts: the Watchdog always fires; failures alert. */
import { promtoolTest, seriesText, unitCase } from '../../src/builders/index.ts';
import { flat, testEnv } from '../lib/series.ts';
import { alertingGroup, notificationsFailing, watchdog } from '../alerting-pipeline.ts';

const am = { job: 'alertmanager', instance: 'alertmanager:9093', env: testEnv };
const failed = (integration: string, reason: string) =>
  seriesText('alertmanager_notifications_failed_total', { ...am, integration, reason });

const failing = unitCase('pagerduty notifications start failing')
  .series(failed('pagerduty', 'serverError'), `${flat(0, 10)} 1+1x10`)
  .series(failed('email', 'other'), flat(0, 20))
  .expectAlert('5m', watchdog, {})
  .expectNoAlert('5m', notificationsFailing)
  .expectAlert('15m', notificationsFailing, { integration: 'pagerduty', env: testEnv });

const quiet = unitCase('no failed notification')
  .series(failed('pagerduty', 'serverError'), flat(0, 20))
  .expectAlert('15m', watchdog, {})
  .expectNoAlert('15m', notificationsFailing);

export default promtoolTest('alerts-alerting-pipeline')
  .ruleGroups([alertingGroup])
  .withCases([failing, quiet]);
