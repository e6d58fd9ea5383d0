/**
 * The event flow as a node graph, drawn from the catalog: every topic and every service that
 * produces or consumes one is a node; every producer → topic and topic → consumer pair is an
 * edge. Prometheus has no such series, so each node and edge is a constant series given its
 * node-graph fields (`id`, `title`, `source`, `target`) with `label_replace`, valued with the
 * live event rate (or 0 when nothing flows). The queries use refIds `nodes` and `edges`, which
 * is how Grafana's node graph panel tells the two frames apart.
 */
import type { Catalog } from '../../src/model/catalog.ts';
import { metricNames } from '../../src/conventions/metrics.ts';
import { rate, selector, sumBy, type Matchers } from '../../src/builders/index.ts';
import { call } from './text.ts';

/** Node id of a service or a topic. */
export const serviceNode = (service: string) => `service:${service}`;
export const topicNode = (topic: string) => `topic:${topic}`;

/** `label_replace(…)` nested once per label: sets constant labels on every series of `expr`. */
export function withLabels(expr: string, labels: Record<string, string>): string {
  return Object.entries(labels).reduce(
    (inner, [label, value]) =>
      call(
        'label_replace',
        `${inner},\n${JSON.stringify(label)}, ${JSON.stringify(value)}, "", ""`,
      ),
    expr,
  );
}

const eventRate = (metric: string, m: Matchers) =>
  `(${sumBy([], rate(selector(metric, { ...m, env: '$env' })))} or vector(0))`;

/** A node or edge of the graph with the query that values it. */
interface Element {
  labels: Record<string, string>;
  value: string;
}

/** The services and topics of the catalog's event flow, as node-graph nodes. */
export function flowNodes(catalog: Catalog): Element[] {
  const services = new Set<string>();
  for (const topic of catalog.topics) {
    topic.producers.forEach((s) => services.add(s));
    topic.consumers.forEach((c) => services.add(c.service));
  }
  const serviceNodes = [...services].sort().map((service) => ({
    labels: { id: serviceNode(service), title: service, subtitle: 'service' },
    value: `${eventRate(metricNames.produced, { service })}\n+\n${eventRate(metricNames.consumed, { service })}`,
  }));
  const topicNodes = catalog.topics.map((topic) => ({
    labels: { id: topicNode(topic.name), title: topic.name, subtitle: 'topic' },
    value: eventRate(metricNames.produced, { topic: topic.name }),
  }));
  return [...serviceNodes, ...topicNodes];
}

/** Producer → topic and topic → consumer group edges of the catalog. */
export function flowEdges(catalog: Catalog): Element[] {
  const edges: Element[] = [];
  for (const topic of catalog.topics) {
    for (const producer of topic.producers) {
      edges.push({
        labels: {
          id: `${producer}->${topic.name}`,
          source: serviceNode(producer),
          target: topicNode(topic.name),
        },
        value: eventRate(metricNames.produced, { service: producer, topic: topic.name }),
      });
    }
    for (const consumer of topic.consumers) {
      edges.push({
        labels: {
          id: `${topic.name}->${consumer.group}`,
          source: topicNode(topic.name),
          target: serviceNode(consumer.service),
        },
        value: eventRate(metricNames.consumed, { topic: topic.name, group: consumer.group }),
      });
    }
  }
  return edges;
}

/** One PromQL expression returning every element as a series carrying its labels. */
export function elementsQuery(elements: Element[]): string {
  return elements.map((e) => withLabels(e.value, e.labels)).join('\nor\n');
}

/** Grafana names the value column `Value #<refId>`; the node graph wants `mainstat`. */
export const nodeGraphTransformation = {
  id: 'organize',
  options: {
    excludeByName: { Time: true },
    renameByName: { Value: 'mainstat', 'Value #nodes': 'mainstat', 'Value #edges': 'mainstat' },
  },
};
