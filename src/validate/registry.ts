/** Every check the build runs, in order. Add a check: write it in `checks/`, list it here. */
import type { Check } from './check.ts';
import { panelDatasource } from './checks/panel-datasource.ts';
import { agentsStreamLabels } from './checks/agents-stream-labels.ts';
import { alertAnnotations } from './checks/alert-annotations.ts';
import { alertForTooShort } from './checks/alert-for-too-short.ts';
import { metricUnknown } from './checks/metric-unknown.ts';
import { panelRateInterval } from './checks/panel-rate-interval.ts';
import { panelUnitMissing } from './checks/panel-unit-missing.ts';
import { promqlHistogramQuantileLe } from './checks/promql-histogram-quantile-le.ts';
import { promqlRateNonCounter } from './checks/promql-rate-non-counter.ts';
import { queryHighCardinalityLabel } from './checks/query-high-cardinality-label.ts';
import { querySyntax } from './checks/query-syntax.ts';
import { schemaInvalid } from './checks/schema-invalid.ts';
import { toolCheck } from './checks/tool-check.ts';
import { xrefDashboardLink } from './checks/xref-dashboard-link.ts';
import { xrefDatasource } from './checks/xref-datasource.ts';
import { xrefDuplicateUid } from './checks/xref-duplicate-uid.ts';
import { xrefFolder } from './checks/xref-folder.ts';
import { xrefRouting } from './checks/xref-routing.ts';
import { retentionLokiPeriod } from './checks/retention-loki-period.ts';
import { retentionLokiSelector } from './checks/retention-loki-selector.ts';
import { retentionMetricsRange } from './checks/retention-metrics-range.ts';

export const checks: Check[] = [
  panelDatasource,
  schemaInvalid,
  querySyntax,
  promqlRateNonCounter,
  promqlHistogramQuantileLe,
  queryHighCardinalityLabel,
  panelRateInterval,
  panelUnitMissing,
  alertAnnotations,
  alertForTooShort,
  metricUnknown,
  xrefDatasource,
  xrefDashboardLink,
  xrefRouting,
  xrefFolder,
  xrefDuplicateUid,
  toolCheck,
  retentionLokiPeriod,
  retentionLokiSelector,
  retentionMetricsRange,
  agentsStreamLabels,
];
