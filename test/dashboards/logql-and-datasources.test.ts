/**
 * LogQL of every dashboard parses with Grafana's own grammar, uses only the stream labels and
 * JSON fields of the log convention, and the datasources link logs, metrics and traces.
 */
import { parser } from '@grafana/lezer-logql';
import { beforeAll, describe, expect, it } from 'vitest';
import { datasourceUids } from '../../src/conventions/datasources.ts';
import { logFields, logStreamLabels } from '../../src/conventions/log-fields.ts';
import { loadBuild, queryTexts, substitute, type Build } from './fixtures.ts';

let build: Build;

beforeAll(async () => {
  build = await loadBuild();
});

/** Positions of error nodes in a parse tree; empty when the text parses. */
function syntaxErrors(text: string): number[] {
  const errors: number[] = [];
  parser.parse(text).iterate({
    enter: (node) => {
      if (node.type.isError) errors.push(node.from);
    },
  });
  return errors;
}

describe('LogQL of the dashboards', () => {
  const loki = () =>
    build.dashboards.flatMap(({ id, body }) =>
      queryTexts(body)
        .filter((q) => q.language === 'loki')
        .map((q) => ({ ...q, id })),
    );

  it('the parse check finds a broken query', () => {
    expect(
      syntaxErrors('sum by (service) (count_over_time({service="a"} | json [5m])'),
    ).not.toEqual([]);
  });

  it('parses, with variables filled in', () => {
    const queries = loki();
    expect(queries.length).toBeGreaterThan(30);
    const failures = queries
      .filter((q) => syntaxErrors(substitute(q.text)).length > 0)
      .map((q) => `${q.id} ${q.where}: ${q.text}`);
    expect(failures).toEqual([]);
  });

  it('selects streams only by the convention’s stream labels', () => {
    const allowed = new Set<string>(logStreamLabels);
    const problems: string[] = [];
    for (const q of loki()) {
      for (const selector of q.text.matchAll(/\{([^{}]*)\}/g)) {
        if (selector.index! > 0 && q.text[selector.index! - 1] === '{') continue;
        for (const label of selector[1]!.matchAll(/(\w+)\s*(?:=~|!~|!=|=)/g)) {
          if (!allowed.has(label[1]!)) problems.push(`${q.id} ${q.where}: ${label[1]}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('groups errors by the convention’s JSON fields', () => {
    const text = loki()
      .map((q) => q.text)
      .join('\n');
    expect(text).toContain(`by (service, ${logFields.errorType}, ${logFields.errorFingerprint})`);
    expect(text).toContain(`{{.${logFields.traceId}}}`);
  });
});

describe('datasources', () => {
  const body = (uid: string) => build.datasources.find((d) => d.body.uid === uid)!.body;

  it('define Prometheus, Loki, Tempo and Alertmanager with the convention uids', () => {
    expect(build.datasources.map((d) => [d.body.uid, d.body.type]).sort()).toEqual(
      Object.entries(datasourceUids)
        .map(([type, uid]) => [uid, type])
        .sort(),
    );
  });

  it('turn a trace_id in a kit log line into a link to Tempo', () => {
    const fields = body(datasourceUids.loki).jsonData!.derivedFields as {
      matcherType: string;
      matcherRegex: string;
      datasourceUid: string;
      url: string;
    }[];
    const byLabel = fields.find((f) => f.matcherType === 'label');
    expect(byLabel?.matcherRegex).toBe(logFields.traceId);
    expect(byLabel?.datasourceUid).toBe(datasourceUids.tempo);
    const field = fields.find((f) => f.matcherType === 'regex');
    const line = JSON.stringify({
      level: 'error',
      msg: 'feeding failed',
      [logFields.traceId]: '4bf92f3577b34da6a3ce929d0e0e4736',
    });
    expect(new RegExp(field!.matcherRegex).exec(line)?.[1]).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
    expect(field!.datasourceUid).toBe(datasourceUids.tempo);
    // Grafana expands $VAR in provisioning files: the link's `${__value.raw}` must be escaped.
    expect(field!.url).toBe('$${__value.raw}');
  });

  it('link exemplars to Tempo and Tempo back to logs and metrics', () => {
    const prom = body(datasourceUids.prometheus).jsonData!;
    expect(prom.exemplarTraceIdDestinations).toEqual([
      expect.objectContaining({ name: logFields.traceId, datasourceUid: datasourceUids.tempo }),
    ]);
    const tempo = body(datasourceUids.tempo).jsonData as Record<
      string,
      { datasourceUid: string; query?: string }
    >;
    expect(tempo.tracesToLogsV2!.datasourceUid).toBe(datasourceUids.loki);
    expect(tempo.tracesToLogsV2!.query).toContain(`${logFields.traceId}="$\${__trace.traceId}"`);
    expect(tempo.tracesToMetrics!.datasourceUid).toBe(datasourceUids.prometheus);
    expect(tempo.serviceMap!.datasourceUid).toBe(datasourceUids.prometheus);
  });
});
