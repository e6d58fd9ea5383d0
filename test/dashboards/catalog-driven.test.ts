/**
 * Dashboards follow the catalog: a service added to it gets its own dashboard, shaped by its
 * kind, a link from the overview and a place in the event-flow graph, with no other change.
 */
import { describe, expect, it } from 'vitest';
import { catalog } from '../../platform/catalog.ts';
import type { Catalog, Service, Topic } from '../../src/model/catalog.ts';
import type { Resource } from '../../src/model/resource.ts';
import { serviceDashboardUid } from '../../src/conventions/dashboards.ts';
import { panelsOf, type DashboardJson } from '../../src/validate/dashboard-walk.ts';
import { serviceDashboards } from '../../dashboards/service.ts';
import { overviewDashboard } from '../../dashboards/overview.ts';
import { eventFlowDashboard } from '../../dashboards/event-flow.ts';
import { kafkaDashboard } from '../../dashboards/kafka.ts';
import { linkUrls, queryTexts } from './fixtures.ts';

const base = catalog.services.find((s) => s.name === 'pet-state')!;

const badges: Service = {
  ...base,
  name: 'badges',
  title: 'Badges service',
  kind: 'kafka-consumer',
  team: 'engagement',
  description: 'Awards badges for care streaks.',
  port: 9104,
};

const badgeTopic: Topic = {
  name: 'badge.events',
  description: 'Badges awarded.',
  partitions: 3,
  producers: ['badges'],
  consumers: [],
  maxLag: 100,
};

/** The catalog plus the badges service, consuming care events, producing badge events. */
function withBadges(): Catalog {
  const topics = catalog.topics.map((t) =>
    t.name === 'care.events'
      ? { ...t, consumers: [...t.consumers, { group: 'badges-care-events', service: 'badges' }] }
      : t,
  );
  return { ...catalog, services: [...catalog.services, badges], topics: [...topics, badgeTopic] };
}

const bodies = (defs: { toResources(): Resource[] }[]) =>
  defs.flatMap((d) => d.toResources()) as Resource<DashboardJson>[];

const titles = (body: DashboardJson) => panelsOf(body).map(({ panel }) => panel.title);
const allQueries = (body: DashboardJson) =>
  queryTexts(body)
    .map((q) => q.text)
    .join('\n');

describe('a service added to the catalog', () => {
  const before = bodies(serviceDashboards(catalog));
  const after = bodies(serviceDashboards(withBadges()));

  it('gets its own dashboard with the uid the conventions give it', () => {
    expect(after.length).toBe(before.length + 1);
    const added = after.find((d) => d.id === serviceDashboardUid('badges'));
    expect(added?.title).toBe('Badges service');
    expect(added?.placement.folder).toBe('Services');
  });

  it('queries its own series, its consumer group and its topics', () => {
    const body = after.find((d) => d.id === 'svc-badges')!.body;
    const queries = allQueries(body);
    expect(queries).toContain('service="badges"');
    expect(queries).toContain('consumergroup=~"badges-care-events"');
    expect(queries).not.toContain('service="pet-state"');
    expect(titles(body)).toContain('Consumer lag');
    expect(titles(body).some((t) => t?.startsWith('Kafka (produces: badge.events'))).toBe(true);
  });

  it('leaves the dashboards of every other service unchanged', () => {
    for (const old of before) {
      const same = after.find((d) => d.id === old.id);
      // pet-state shares care.events with badges but not its consumer group: unchanged too.
      // Compared as emitted (JSON): the SDK leaves `undefined` keys that JSON drops.
      expect(JSON.stringify(same?.body), old.id).toBe(JSON.stringify(old.body));
    }
  });

  it('is linked from the overview', () => {
    const overview = bodies([overviewDashboard(withBadges())])[0]!.body;
    expect(linkUrls(overview).map((l) => l.url)).toContain('/d/svc-badges');
  });

  it('appears in the event-flow graph with its edges, and its topic on the Kafka dashboard', () => {
    const flow = bodies([eventFlowDashboard(withBadges())])[0]!.body;
    const graph = panelsOf(flow).find(({ panel }) => panel.type === 'nodeGraph')!.panel;
    const [nodes, edges] = graph.targets!.map((t) => t.expr!);
    expect(nodes).toContain('"id", "service:badges"');
    expect(nodes).toContain('"id", "topic:badge.events"');
    expect(edges).toContain('"id", "badges->badge.events"');
    expect(edges).toContain('"id", "care.events->badges-care-events"');

    const kafka = bodies([kafkaDashboard(withBadges())])[0]!.body;
    const topicVariable = kafka.templating!.list!.find((v) => v.name === 'topic')!;
    expect(String(topicVariable.query)).toContain('badge.events');
  });
});

describe('service dashboards adapt to the kind', () => {
  const boards = bodies(serviceDashboards(catalog));
  const byService = (name: string) => titles(boards.find((d) => d.id === `svc-${name}`)!.body);

  it.each([
    ['gateway', 'http-api', ['Request rate by route', 'Calls by dependency', 'Memory']],
    ['notifications', 'kafka-consumer', ['Events consumed by topic', 'Consumer lag', 'Logs']],
    ['scheduler', 'worker', ['Job runs by outcome', 'Job duration p95', 'Recent traces']],
  ])('%s (%s)', (service, _kind, expected) => {
    for (const title of expected) expect(byService(service)).toContain(title);
  });

  it('gives consumers no HTTP panels and HTTP APIs no consumer panels', () => {
    expect(byService('notifications')).not.toContain('Request rate by route');
    expect(byService('gateway')).not.toContain('Consumer lag');
    expect(byService('users')).not.toContain('Calls by dependency');
  });
});
