/**
 * `metric/unknown` and `xref/recording-rule`: no dead panels. Every metric a panel, variable or
 * rule queries is emitted by the instrumentation kit (src/conventions/metrics.ts), a declared
 * exporter (src/conventions/exporters.ts), or recorded by a recording rule of the build (names
 * with `:`). A name nothing emits is a panel that stays empty during the incident.
 */
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Check } from '../check.ts';
import { closest } from '../closest.ts';
import { recordedNames, seriesCatalog } from '../metric-catalog.ts';
import { collectQueries } from '../queries/collect.ts';
import { variableIdentifierPrefix } from '../queries/grafana-vars.ts';
import { queryFinding } from '../query-finding.ts';

export const metricUnknown: Check = {
  rules: ['metric/unknown', 'xref/recording-rule'],
  run({ resources }) {
    const catalog = seriesCatalog(resources);
    const recorded = recordedNames(resources);
    const emitted = [...catalog.keys()].filter((name) => !name.includes(':'));
    const diagnostics: Diagnostic[] = [];

    for (const query of collectQueries(resources)) {
      if (query.language !== 'promql' || query.parsed.facts.error) continue;
      const names = new Set(query.parsed.facts.selectors.map((s) => s.metric ?? ''));
      for (const name of [...names].sort()) {
        if (!name || name.startsWith(variableIdentifierPrefix) || catalog.has(name)) continue;
        const recording = name.includes(':');
        const suggestion = closest(name, recording ? recorded : emitted);
        const hint = suggestion
          ? `did you mean \`${suggestion}\`?`
          : recording
            ? 'add a recording rule under recording-rules/ that records it'
            : 'declare it in src/conventions/metrics.ts (kit) or exporters.ts (exporter)';
        diagnostics.push(
          recording
            ? queryFinding(
                'xref/recording-rule',
                query,
                `uses \`${name}\`, which no recording rule records`,
                hint,
              )
            : queryFinding(
                'metric/unknown',
                query,
                `metric \`${name}\` is not emitted by the kit, an exporter or a recording rule`,
                hint,
              ),
        );
      }
    }
    return diagnostics;
  },
};
