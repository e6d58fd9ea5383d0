/**
 * The modules definitions share with the compiler: the builders, conventions and model, and the
 * parts of the foundation SDK the builders use. The loader does not bundle these into the
 * definitions again; an import of one of them becomes a read of the instance listed here
 * (`bundle.ts`). So the SDK is parsed once per build, without a source map, and definitions and
 * compiler see the same module state. A module missing from this list still works: it is
 * bundled with the definitions, as a second copy. `test/core/shared-modules.test.ts` keeps the
 * list complete for `src/builders`, `src/conventions` and `src/model`.
 */
import * as buildersAgentsAlloy from '../builders/agents/alloy.ts';
import * as buildersAgentsIndex from '../builders/agents/index.ts';
import * as buildersAgentsPromtail from '../builders/agents/promtail.ts';
import * as buildersAgentsRiverParse from '../builders/agents/river-parse.ts';
import * as buildersAgentsRiver from '../builders/agents/river.ts';
import * as buildersAgentsShipping from '../builders/agents/shipping.ts';
import * as buildersAgentsWindow from '../builders/agents/window.ts';
import * as buildersAlertingAlertmanager from '../builders/alerting/alertmanager.ts';
import * as buildersAlertingGrafanaNotifications from '../builders/alerting/grafana-notifications.ts';
import * as buildersAlertingGrafanaRules from '../builders/alerting/grafana-rules.ts';
import * as buildersAlertingIndex from '../builders/alerting/index.ts';
import * as buildersAlertingPromtoolTest from '../builders/alerting/promtool-test.ts';
import * as buildersAlertingRoutingPlan from '../builders/alerting/routing-plan.ts';
import * as buildersAlertingTemplate from '../builders/alerting/template.ts';
import * as buildersDashboard from '../builders/dashboard.ts';
import * as buildersDefaults from '../builders/defaults.ts';
import * as buildersIndex from '../builders/index.ts';
import * as buildersPanels from '../builders/panels.ts';
import * as buildersPromql from '../builders/promql.ts';
import * as buildersResource from '../builders/resource.ts';
import * as buildersRetentionDuration from '../builders/retention/duration.ts';
import * as buildersRetentionIndex from '../builders/retention/index.ts';
import * as buildersRetentionLoki from '../builders/retention/loki.ts';
import * as buildersRetentionPrometheus from '../builders/retention/prometheus.ts';
import * as buildersRetentionTempo from '../builders/retention/tempo.ts';
import * as buildersRules from '../builders/rules.ts';
import * as buildersSuppress from '../builders/suppress.ts';
import * as conventionsDashboards from '../conventions/dashboards.ts';
import * as conventionsDatasources from '../conventions/datasources.ts';
import * as conventionsExporters from '../conventions/exporters.ts';
import * as conventionsLogFields from '../conventions/log-fields.ts';
import * as conventionsMetricTypes from '../conventions/metric-types.ts';
import * as conventionsMetrics from '../conventions/metrics.ts';
import * as modelCatalog from '../model/catalog.ts';
import * as modelDiagnostic from '../model/diagnostic.ts';
import * as modelDuration from '../model/duration.ts';
import * as modelEnvironment from '../model/environment.ts';
import * as modelGrafanaVariables from '../model/grafana-variables.ts';
import * as modelResource from '../model/resource.ts';
import * as modelSource from '../model/source.ts';
import * as sdkBargauge from '@grafana/grafana-foundation-sdk/bargauge';
import * as sdkCog from '@grafana/grafana-foundation-sdk/cog';
import * as sdkCommon from '@grafana/grafana-foundation-sdk/common';
import * as sdkDashboard from '@grafana/grafana-foundation-sdk/dashboard';
import * as sdkGauge from '@grafana/grafana-foundation-sdk/gauge';
import * as sdkHeatmap from '@grafana/grafana-foundation-sdk/heatmap';
import * as sdkLogs from '@grafana/grafana-foundation-sdk/logs';
import * as sdkLoki from '@grafana/grafana-foundation-sdk/loki';
import * as sdkNodegraph from '@grafana/grafana-foundation-sdk/nodegraph';
import * as sdkPrometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as sdkStat from '@grafana/grafana-foundation-sdk/stat';
import * as sdkTable from '@grafana/grafana-foundation-sdk/table';
import * as sdkTempo from '@grafana/grafana-foundation-sdk/tempo';
import * as sdkText from '@grafana/grafana-foundation-sdk/text';
import * as sdkTimeseries from '@grafana/grafana-foundation-sdk/timeseries';

/** Repository path (ours) or package specifier (the SDK) → the module's exports. */
export const sharedModules: Record<string, object> = {
  'src/builders/agents/alloy.ts': buildersAgentsAlloy,
  'src/builders/agents/index.ts': buildersAgentsIndex,
  'src/builders/agents/promtail.ts': buildersAgentsPromtail,
  'src/builders/agents/river-parse.ts': buildersAgentsRiverParse,
  'src/builders/agents/river.ts': buildersAgentsRiver,
  'src/builders/agents/shipping.ts': buildersAgentsShipping,
  'src/builders/agents/window.ts': buildersAgentsWindow,
  'src/builders/alerting/alertmanager.ts': buildersAlertingAlertmanager,
  'src/builders/alerting/grafana-notifications.ts': buildersAlertingGrafanaNotifications,
  'src/builders/alerting/grafana-rules.ts': buildersAlertingGrafanaRules,
  'src/builders/alerting/index.ts': buildersAlertingIndex,
  'src/builders/alerting/promtool-test.ts': buildersAlertingPromtoolTest,
  'src/builders/alerting/routing-plan.ts': buildersAlertingRoutingPlan,
  'src/builders/alerting/template.ts': buildersAlertingTemplate,
  'src/builders/dashboard.ts': buildersDashboard,
  'src/builders/defaults.ts': buildersDefaults,
  'src/builders/index.ts': buildersIndex,
  'src/builders/panels.ts': buildersPanels,
  'src/builders/promql.ts': buildersPromql,
  'src/builders/resource.ts': buildersResource,
  'src/builders/retention/duration.ts': buildersRetentionDuration,
  'src/builders/retention/index.ts': buildersRetentionIndex,
  'src/builders/retention/loki.ts': buildersRetentionLoki,
  'src/builders/retention/prometheus.ts': buildersRetentionPrometheus,
  'src/builders/retention/tempo.ts': buildersRetentionTempo,
  'src/builders/rules.ts': buildersRules,
  'src/builders/suppress.ts': buildersSuppress,
  'src/conventions/dashboards.ts': conventionsDashboards,
  'src/conventions/datasources.ts': conventionsDatasources,
  'src/conventions/exporters.ts': conventionsExporters,
  'src/conventions/log-fields.ts': conventionsLogFields,
  'src/conventions/metric-types.ts': conventionsMetricTypes,
  'src/conventions/metrics.ts': conventionsMetrics,
  'src/model/catalog.ts': modelCatalog,
  'src/model/diagnostic.ts': modelDiagnostic,
  'src/model/duration.ts': modelDuration,
  'src/model/environment.ts': modelEnvironment,
  'src/model/grafana-variables.ts': modelGrafanaVariables,
  'src/model/resource.ts': modelResource,
  'src/model/source.ts': modelSource,
  '@grafana/grafana-foundation-sdk/bargauge': sdkBargauge,
  '@grafana/grafana-foundation-sdk/cog': sdkCog,
  '@grafana/grafana-foundation-sdk/common': sdkCommon,
  '@grafana/grafana-foundation-sdk/dashboard': sdkDashboard,
  '@grafana/grafana-foundation-sdk/gauge': sdkGauge,
  '@grafana/grafana-foundation-sdk/heatmap': sdkHeatmap,
  '@grafana/grafana-foundation-sdk/logs': sdkLogs,
  '@grafana/grafana-foundation-sdk/loki': sdkLoki,
  '@grafana/grafana-foundation-sdk/nodegraph': sdkNodegraph,
  '@grafana/grafana-foundation-sdk/prometheus': sdkPrometheus,
  '@grafana/grafana-foundation-sdk/stat': sdkStat,
  '@grafana/grafana-foundation-sdk/table': sdkTable,
  '@grafana/grafana-foundation-sdk/tempo': sdkTempo,
  '@grafana/grafana-foundation-sdk/text': sdkText,
  '@grafana/grafana-foundation-sdk/timeseries': sdkTimeseries,
};
