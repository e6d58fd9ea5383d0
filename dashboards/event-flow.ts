/**
 * The event-driven architecture at work: what flows through each topic, how long an event takes
 * from being produced to being handled, what fails, retries and lands in the dead-letter topic,
 * and a node graph of services and topics drawn from the catalog. Kit metrics only.
 */
import * as nodegraph from '@grafana/grafana-foundation-sdk/nodegraph';
import { catalog } from '../platform/catalog.ts';
import type { Catalog } from '../src/model/catalog.ts';
import { prometheusDs } from '../src/conventions/datasources.ts';
import { dashboardUids } from '../src/conventions/dashboards.ts';
import { metricNames } from '../src/conventions/metrics.ts';
import {
  dashboard,
  promInstant,
  promQuery,
  quantile,
  rate,
  re,
  selector,
  sumBy,
  type DashboardDefinition,
  type Matchers,
  nodeGraph,
  timeseries,
} from '../src/builders/index.ts';
import { navigationLinks } from './lib/links.ts';
import { elementsQuery, flowEdges, flowNodes, nodeGraphTransformation } from './lib/node-graph.ts';
import { withSections, type Section } from './lib/section.ts';
import { above, anyIsBad, neutral } from './lib/thresholds.ts';
import { envVariable, listVariable } from './lib/variables.ts';

const n = metricNames;
const m: Matchers = { env: '$env', topic: re('$topic') };

function graphSection(all: Catalog): Section {
  return {
    title: 'Flow',
    panels: [
      nodeGraph('Services and topics')
        .description('Who produces to and consumes from each topic (catalog), with events/s.')
        .datasource(prometheusDs)
        .unit('ops')
        .height(14)
        .nodes(new nodegraph.NodeOptionsBuilder().mainStatUnit('ops'))
        .edges(new nodegraph.EdgeOptionsBuilder().mainStatUnit('ops'))
        .withTransformation(nodeGraphTransformation)
        .withTarget(promInstant(elementsQuery(flowNodes(all))).refId('nodes'))
        .withTarget(promInstant(elementsQuery(flowEdges(all))).refId('edges')),
    ],
  };
}

function throughputSection(): Section {
  const by = (metric: string) => sumBy(['topic'], rate(selector(metric, m)));
  return {
    title: 'Produce vs consume',
    panels: [
      timeseries('Produced by topic')
        .description('Events written to each topic per second, all producers.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(neutral())
        .withTarget(promQuery(by(n.produced), '{{topic}}')),
      timeseries('Consumed by topic')
        .description('Events read from each topic per second, all consumer groups.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(neutral())
        .withTarget(promQuery(by(n.consumed), '{{topic}}')),
      timeseries('Consumed minus produced')
        .description('Per topic: below 0 means events pile up faster than they are handled.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(neutral())
        .withTarget(
          promQuery(
            `${by(n.consumed)}\n-\n${sumBy(['topic'], rate(selector(n.produced, m)))}`,
            '{{topic}}',
          ),
        ),
    ],
  };
}

function latencySection(): Section {
  const q = (p: number) => quantile(p, n.eventLatency, m, ['topic']);
  return {
    title: 'End-to-end latency (produced → handled)',
    panels: [
      timeseries('Event latency p50')
        .description('Median time from an event being produced to being handled, per topic.')
        .datasource(prometheusDs)
        .unit('s')
        .thresholds(above(1, 5))
        .withTarget(promQuery(q(0.5), '{{topic}}')),
      timeseries('Event latency p95')
        .description('95th percentile of produce-to-handled time, per topic.')
        .datasource(prometheusDs)
        .unit('s')
        .thresholds(above(5, 30))
        .withTarget(promQuery(q(0.95), '{{topic}}').exemplar(true)),
      timeseries('Processing duration p95')
        .description('95th percentile of the handler’s own time, per consumer group.')
        .datasource(prometheusDs)
        .unit('s')
        .thresholds(above(0.5, 1))
        .withTarget(promQuery(quantile(0.95, n.processingDuration, m, ['group']), '{{group}}')),
    ],
  };
}

function failureSection(all: Catalog): Section {
  const by = (metric: string) => sumBy(['group', 'topic'], rate(selector(metric, m)));
  return {
    title: 'Failures, retries and dead letters',
    panels: [
      timeseries('Handling failures')
        .description('Events whose handling failed per second, by group and topic.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(anyIsBad(0.1))
        .withTarget(promQuery(by(n.consumeFailures), '{{group}} / {{topic}}')),
      timeseries('Retries')
        .description('Handling retries per second, by group and topic.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(above(0.1, 1))
        .withTarget(promQuery(by(n.retries), '{{group}} / {{topic}}')),
      timeseries(`Dead-letter inflow (${all.deadLetterTopic})`)
        .description('Events sent to the dead-letter topic per second, by source topic.')
        .datasource(prometheusDs)
        .unit('ops')
        .thresholds(anyIsBad(0.01))
        .withTarget(promQuery(by(n.deadLettered), '{{group}} / {{topic}}')),
    ],
  };
}

/** The event flow dashboard of a catalog. */
export function eventFlowDashboard(all: Catalog): DashboardDefinition {
  const board = dashboard('Event flow')
    .uid(dashboardUids.eventFlow)
    .tags(['virtual-pet', 'kafka', 'events'])
    .description('Events through Kafka: flow, latency, failures and dead letters.')
    .withVariable(envVariable())
    .withVariable(
      listVariable(
        'topic',
        'Topic',
        all.topics.map((t) => t.name),
      ),
    )
    .links(navigationLinks(dashboardUids.eventFlow));
  return withSections(board, [
    graphSection(all),
    throughputSection(),
    latencySection(),
    failureSection(all),
  ]);
}

export default () => eventFlowDashboard(catalog);
