/**
 * The datasources every panel names, as Grafana datasource provisioning, with stable uids and
 * wired to each other: a Loki line's `trace_id` opens the trace in Tempo, a Prometheus exemplar
 * opens its trace, and a Tempo span opens the logs and metrics of its service.
 *
 * URLs come from the Grafana server's environment (`VP_PROMETHEUS_URL` …), which Grafana expands
 * in provisioning files; a literal `$` is therefore written `$$`.
 */
import { plainResource } from '../src/builders/index.ts';
import { datasourceUids } from '../src/conventions/datasources.ts';
import { logFields } from '../src/conventions/log-fields.ts';
import { metricNames } from '../src/conventions/metrics.ts';

/** Grafana expands `$VAR` in provisioning files; `$$` is a literal dollar sign. */
const literal = (text: string) => text.replaceAll('$', () => '$$');

/** Span attribute → the label that holds the same value in Loki and Prometheus. */
const serviceTag = [{ key: 'service.name', value: 'service' }];

const prometheus = plainResource({
  kind: 'datasource',
  target: 'grafana',
  id: datasourceUids.prometheus,
  title: 'Prometheus',
  body: {
    name: 'Prometheus',
    type: 'prometheus',
    uid: datasourceUids.prometheus,
    access: 'proxy',
    url: '${VP_PROMETHEUS_URL}',
    isDefault: false,
    editable: false,
    jsonData: {
      httpMethod: 'POST',
      // The scrape interval: Grafana derives $__rate_interval from it.
      timeInterval: '15s',
      exemplarTraceIdDestinations: [
        { name: logFields.traceId, datasourceUid: datasourceUids.tempo, urlDisplayLabel: 'Trace' },
      ],
    },
  },
});

const loki = plainResource({
  kind: 'datasource',
  target: 'grafana',
  id: datasourceUids.loki,
  title: 'Loki',
  body: {
    name: 'Loki',
    type: 'loki',
    uid: datasourceUids.loki,
    access: 'proxy',
    url: '${VP_LOKI_URL}',
    isDefault: false,
    editable: false,
    jsonData: {
      maxLines: 1000,
      derivedFields: [
        // On queries that parse the line (`| json`), trace_id is a label: link it by name.
        {
          name: 'Trace',
          matcherType: 'label',
          matcherRegex: logFields.traceId,
          datasourceUid: datasourceUids.tempo,
          url: literal('${__value.raw}'),
          urlDisplayLabel: 'Open trace',
        },
        // On raw lines, find it in the JSON text.
        {
          name: 'Trace in line',
          matcherType: 'regex',
          matcherRegex: `"${logFields.traceId}":"(\\w+)"`,
          datasourceUid: datasourceUids.tempo,
          url: literal('${__value.raw}'),
          urlDisplayLabel: 'Open trace',
        },
      ],
    },
  },
});

const tempo = plainResource({
  kind: 'datasource',
  target: 'grafana',
  id: datasourceUids.tempo,
  title: 'Tempo',
  body: {
    name: 'Tempo',
    type: 'tempo',
    uid: datasourceUids.tempo,
    access: 'proxy',
    url: '${VP_TEMPO_URL}',
    isDefault: false,
    editable: false,
    jsonData: {
      tracesToLogsV2: {
        datasourceUid: datasourceUids.loki,
        spanStartTimeShift: '-5m',
        spanEndTimeShift: '5m',
        tags: serviceTag,
        filterByTraceID: false,
        filterBySpanID: false,
        customQuery: true,
        query: literal(`{\${__tags}} | json | ${logFields.traceId}="\${__trace.traceId}"`),
      },
      tracesToMetrics: {
        datasourceUid: datasourceUids.prometheus,
        spanStartTimeShift: '-5m',
        spanEndTimeShift: '5m',
        tags: serviceTag,
        queries: [
          {
            name: 'Request rate',
            query: literal(`sum(rate(${metricNames.httpRequests}{\${__tags}}[5m]))`),
          },
          {
            name: 'Error rate',
            query: literal(
              `sum(rate(${metricNames.httpRequests}{\${__tags}, status_class="5xx"}[5m]))`,
            ),
          },
        ],
      },
      serviceMap: { datasourceUid: datasourceUids.prometheus },
      nodeGraph: { enabled: true },
      lokiSearch: { datasourceUid: datasourceUids.loki },
      search: { hide: false },
    },
  },
});

const alertmanager = plainResource({
  kind: 'datasource',
  target: 'grafana',
  id: datasourceUids.alertmanager,
  title: 'Alertmanager',
  body: {
    name: 'Alertmanager',
    type: 'alertmanager',
    uid: datasourceUids.alertmanager,
    access: 'proxy',
    url: '${VP_ALERTMANAGER_URL}',
    isDefault: false,
    editable: false,
    jsonData: { implementation: 'prometheus', handleGrafanaManagedAlerts: false },
  },
});

export default [prometheus, loki, tempo, alertmanager];
