/**
 * Unit tests of the missing-data alerts: targets gone, key metrics gone while the targets stay
 * up, and a complete set of series that raises nothing.
 */
import { catalog } from '../../platform/catalog.ts';
import { promtoolTest, seriesText, unitCase } from '../../src/builders/index.ts';
import { flat, targetLabels, testEnv } from '../lib/series.ts';
import {
  kafkaExporterAbsent,
  keyMetric,
  missingByService,
  missingDataGroup,
} from '../missing-data.ts';

const minutes = 35;
const at = '30m';
const brokers = seriesText('kafka_brokers', { job: 'kafka-exporter', env: testEnv });

const noTargets = unitCase('no target of any service, no Kafka metrics').series(
  seriesText('unrelated_metric', { job: 'other' }),
  flat(1, minutes),
);
const vanished = unitCase('targets up but key metrics stop after 5 minutes').series(
  brokers,
  flat(3, minutes),
);
const complete = unitCase('every series present raises nothing').series(brokers, flat(3, minutes));

for (const s of catalog.services) {
  const a = missingByService.get(s.name)!;
  const own = { service: s.name };
  const up = seriesText('up', targetLabels(s.name));
  const key = seriesText(keyMetric(s), targetLabels(s.name));

  noTargets.expectAlert(at, a.ServiceTargetMissing, own);

  vanished.series(up, flat(1, minutes)).series(key, `0+60x5 _x${minutes - 5}`);
  vanished.expectNoAlert(at, a.ServiceTargetMissing).expectAlert(at, a.ServiceMetricsAbsent, own);

  complete.series(up, flat(1, minutes)).series(key, `0+60x${minutes}`);
  complete.expectNoAlert(at, a.ServiceTargetMissing).expectNoAlert(at, a.ServiceMetricsAbsent);
}
noTargets.expectAlert(at, kafkaExporterAbsent, {});
vanished.expectNoAlert(at, kafkaExporterAbsent);
complete.expectNoAlert(at, kafkaExporterAbsent);

export default promtoolTest('alerts-missing-data')
  .ruleGroups([missingDataGroup])
  .withCases([noTargets, vanished, complete]);
