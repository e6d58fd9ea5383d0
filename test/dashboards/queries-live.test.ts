/**
 * Every PromQL of every dashboard, run on a real Prometheus (Debian's 2.42) with the variables
 * filled in: each must parse and evaluate without error. On an empty server the event-flow
 * graph must still return one series per catalog node and edge, each carrying the fields the
 * node graph panel reads, because its shape comes from the catalog, not from data.
 */
import axios from 'axios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../../platform/catalog.ts';
import { dashboardUids } from '../../src/conventions/dashboards.ts';
import { panelsOf } from '../../src/validate/dashboard-walk.ts';
import { flowEdges, flowNodes } from '../../dashboards/lib/node-graph.ts';
import { skipWithout } from '../helpers/binaries.ts';
import { startPrometheus, type RunningServer } from '../helpers/servers.ts';
import { loadBuild, queryTexts, substitute, type Build } from './fixtures.ts';

interface Answer {
  status: string;
  error?: string;
  data?: { result: { metric: Record<string, string>; value: [number, string] }[] };
}

describe.skipIf(skipWithout('prometheus'))('dashboard PromQL on a real Prometheus', () => {
  let prometheus: RunningServer;
  let build: Build;

  const query = async (expr: string): Promise<Answer> => {
    const response = await axios.post(
      `${prometheus.url}/api/v1/query`,
      new URLSearchParams({ query: expr }),
      { validateStatus: () => true },
    );
    return response.data as Answer;
  };

  beforeAll(async () => {
    [prometheus, build] = await Promise.all([startPrometheus(), loadBuild()]);
  });

  afterAll(async () => {
    await prometheus?.stop();
  });

  it('evaluates every panel and annotation query without an error', async () => {
    const failures: string[] = [];
    let count = 0;
    for (const { id, body } of build.dashboards) {
      for (const q of queryTexts(body)) {
        let expr = substitute(q.text);
        if (q.language === 'grafana-variable') {
          // label_values(selector, label): the selector must be valid PromQL.
          expr = /^label_values\((.*),\s*\w+\)$/s.exec(expr)?.[1] ?? expr;
        } else if (q.language !== 'prometheus') {
          continue;
        }
        count += 1;
        const answer = await query(expr);
        if (answer.status !== 'success') failures.push(`${id} ${q.where}: ${answer.error}`);
      }
    }
    expect(failures).toEqual([]);
    expect(count).toBeGreaterThan(200);
  });

  it('draws the catalog event flow as nodes and edges even with no traffic', async () => {
    const flow = build.dashboards.find((d) => d.id === dashboardUids.eventFlow)!.body;
    const graph = panelsOf(flow).find(({ panel }) => panel.type === 'nodeGraph')!.panel;
    const byRef = Object.fromEntries(graph.targets!.map((t) => [t.refId, substitute(t.expr!)]));

    const nodes = (await query(byRef.nodes!)).data!.result.map((r) => r.metric);
    const expectedNodes = flowNodes(catalog)
      .map((n) => n.labels.id)
      .sort();
    expect(nodes.map((n) => n.id).sort()).toEqual(expectedNodes);
    expect(nodes.every((n) => n.title && n.subtitle)).toBe(true);

    const edges = (await query(byRef.edges!)).data!.result.map((r) => r.metric);
    const expectedEdges = flowEdges(catalog)
      .map((e) => e.labels.id)
      .sort();
    expect(edges.map((e) => e.id).sort()).toEqual(expectedEdges);
    for (const edge of edges) {
      expect(expectedNodes).toContain(edge.source);
      expect(expectedNodes).toContain(edge.target);
    }
    // Every producer and consumer of the catalog is on the graph.
    for (const topic of catalog.topics) {
      for (const producer of topic.producers) {
        expect(edges).toContainEqual({
          id: `${producer}->${topic.name}`,
          source: `service:${producer}`,
          target: `topic:${topic.name}`,
        });
      }
    }
  });
});
