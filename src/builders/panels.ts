/**
 * Panel factories with the shared defaults applied. Each returns the SDK's own panel builder,
 * so every SDK setter stays available: `timeseries('Latency').unit('s').withTarget(…)`.
 */
import * as common from '@grafana/grafana-foundation-sdk/common';
import * as sdk from '@grafana/grafana-foundation-sdk/dashboard';
import * as timeseriesPanel from '@grafana/grafana-foundation-sdk/timeseries';
import * as statPanel from '@grafana/grafana-foundation-sdk/stat';
import * as tablePanel from '@grafana/grafana-foundation-sdk/table';
import * as logsPanel from '@grafana/grafana-foundation-sdk/logs';
import * as textPanel from '@grafana/grafana-foundation-sdk/text';
import * as gaugePanel from '@grafana/grafana-foundation-sdk/gauge';
import * as barGaugePanel from '@grafana/grafana-foundation-sdk/bargauge';
import * as nodeGraphPanel from '@grafana/grafana-foundation-sdk/nodegraph';
import * as heatmapPanel from '@grafana/grafana-foundation-sdk/heatmap';
import * as prometheus from '@grafana/grafana-foundation-sdk/prometheus';
import * as loki from '@grafana/grafana-foundation-sdk/loki';
import * as tempo from '@grafana/grafana-foundation-sdk/tempo';
import { lokiDs, prometheusDs, tempoDs } from '../conventions/datasources.ts';
import { panelDefaults } from './defaults.ts';
import { dedent } from './promql.ts';
import { captureCreation, type SourceLocation } from '../model/source.ts';

const created = new WeakMap<object, SourceLocation>();

/** Remember the line that made `panel`; diagnostics about the panel point there. */
function located<P extends object>(panel: P): P {
  created.set(panel, captureCreation());
  return panel;
}

/**
 * Where a panel made by these factories was created: the line of the factory call, also when
 * that line is in a shared helper (`dashboards/lib/…`) that a dashboard merely assembles.
 */
export function panelSource(panel: object): SourceLocation | undefined {
  return created.get(panel);
}

/** A time series graph with a table legend showing mean and max. */
export function timeseries(title: string): timeseriesPanel.PanelBuilder {
  return located(
    new timeseriesPanel.PanelBuilder()
      .title(title)
      .height(panelDefaults.height)
      .span(panelDefaults.span)
      .lineWidth(panelDefaults.lineWidth)
      .fillOpacity(panelDefaults.fillOpacity)
      .legend(
        new common.VizLegendOptionsBuilder()
          .showLegend(true)
          .displayMode(common.LegendDisplayMode.Table)
          .placement(common.LegendPlacement.Bottom)
          .calcs(['mean', 'max']),
      )
      .tooltip(
        new common.VizTooltipOptionsBuilder()
          .mode(common.TooltipDisplayMode.Multi)
          .sort(common.SortOrder.Descending),
      ),
  );
}

/** A single big number, coloured by thresholds. */
export function stat(title: string): statPanel.PanelBuilder {
  return located(
    new statPanel.PanelBuilder()
      .title(title)
      .height(panelDefaults.statHeight)
      .span(panelDefaults.statSpan)
      .graphMode(common.BigValueGraphMode.Area)
      .colorMode(common.BigValueColorMode.Background)
      .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull'])),
  );
}

/** A table of instant values. */
export function table(title: string): tablePanel.PanelBuilder {
  return located(new tablePanel.PanelBuilder().title(title).height(panelDefaults.height).span(12));
}

/** A log stream, newest first, with labels hidden and the JSON line shown. */
export function logs(title: string): logsPanel.PanelBuilder {
  return located(
    new logsPanel.PanelBuilder()
      .title(title)
      .height(12)
      .span(24)
      .showTime(true)
      .wrapLogMessage(true)
      .enableLogDetails(true)
      .sortOrder(common.LogsSortOrder.Descending),
  );
}

/** Markdown text. */
export function text(title: string, markdown: string): textPanel.PanelBuilder {
  return located(
    new textPanel.PanelBuilder()
      .title(title)
      .mode(textPanel.TextMode.Markdown)
      .content(dedent(markdown))
      .height(panelDefaults.statHeight)
      .span(24),
  );
}

/** A gauge from 0 to a maximum. */
export function gauge(title: string): gaugePanel.PanelBuilder {
  return located(
    new gaugePanel.PanelBuilder()
      .title(title)
      .height(panelDefaults.height)
      .span(panelDefaults.statSpan)
      .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull'])),
  );
}

/** Horizontal bars, one per series. */
export function barGauge(title: string): barGaugePanel.PanelBuilder {
  return located(
    new barGaugePanel.PanelBuilder()
      .title(title)
      .height(panelDefaults.height)
      .span(panelDefaults.span)
      .orientation(common.VizOrientation.Horizontal)
      .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull'])),
  );
}

/** A node graph (services and topics as nodes, flows as edges). */
export function nodeGraph(title: string): nodeGraphPanel.PanelBuilder {
  return located(new nodeGraphPanel.PanelBuilder().title(title).height(12).span(24));
}

/** A heatmap of histogram buckets. */
export function heatmap(title: string): heatmapPanel.PanelBuilder {
  return located(
    new heatmapPanel.PanelBuilder().title(title).height(panelDefaults.height).span(12),
  );
}

/** A collapsible row. */
export function row(title: string): sdk.RowBuilder {
  return new sdk.RowBuilder(title);
}

/** A PromQL query on the platform's Prometheus; the expression may be a multi-line literal. */
export function promQuery(expr: string, legend?: string): prometheus.DataqueryBuilder {
  const query = new prometheus.DataqueryBuilder().datasource(prometheusDs).expr(dedent(expr));
  return legend === undefined ? query : query.legendFormat(legend);
}

/** An instant PromQL query (tables, stats). */
export function promInstant(expr: string, legend?: string): prometheus.DataqueryBuilder {
  return promQuery(expr, legend).instant().format(prometheus.PromQueryFormat.Table);
}

/** A LogQL query on the platform's Loki. */
export function lokiQuery(expr: string, legend?: string): loki.DataqueryBuilder {
  const query = new loki.DataqueryBuilder().datasource(lokiDs).expr(dedent(expr));
  return legend === undefined ? query : query.legendFormat(legend);
}

/** A TraceQL search on the platform's Tempo. */
export function tempoQuery(traceql: string): tempo.DataqueryBuilder {
  return new tempo.DataqueryBuilder().datasource(tempoDs).queryType('traceql').query(traceql);
}
