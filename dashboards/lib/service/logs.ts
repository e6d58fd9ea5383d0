/** The service's logs (with a level filter), its log volume, its recent errors and traces. */
import type { Service } from '../../../src/model/catalog.ts';
import { logFields } from '../../../src/conventions/log-fields.ts';
import { lokiDs, tempoDs } from '../../../src/conventions/datasources.ts';
import { lokiQuery, tempoQuery, logs, table, timeseries } from '../../../src/builders/index.ts';
import { countBy, errorLineFormat, errorLines, logStream, searchFilter } from '../logql.ts';
import { above, neutral } from '../thresholds.ts';
import type { Section } from '../section.ts';

export function logsSection(service: Service): Section {
  const all = logStream(service.name, '$level');
  return {
    title: 'Logs and errors',
    panels: [
      timeseries('Log volume by level')
        .description('Log lines per second, by level (level filter applies).')
        .datasource(lokiDs)
        .unit('short')
        .span(12)
        .thresholds(neutral())
        .withTarget(lokiQuery(countBy(['level'], all), '{{level}}')),
      timeseries('Errors by type')
        .description(`Error and fatal lines per interval, by \`${logFields.errorType}\`.`)
        .datasource(lokiDs)
        .unit('short')
        .span(12)
        .thresholds(above(1, 10))
        .withTarget(
          lokiQuery(countBy([logFields.errorType], errorLines(service.name)), '{{error_type}}'),
        ),
      logs('Logs')
        .description('The service’s log lines, newest first; filter with Level and Search.')
        .datasource(lokiDs)
        .withTarget(lokiQuery(`${all}\n  ${searchFilter()}`)),
      logs('Recent errors')
        .description('Newest error lines: type, fingerprint, message; open the trace from details.')
        .datasource(lokiDs)
        .height(10)
        .withTarget(lokiQuery(`${errorLines(service.name)}\n  ${errorLineFormat()}`)),
    ],
  };
}

export function tracesSection(service: Service): Section {
  const name = JSON.stringify(service.name);
  return {
    title: 'Traces',
    panels: [
      table('Recent traces')
        .description('Latest traces that pass through this service (Tempo search).')
        .datasource(tempoDs)
        .withTarget(tempoQuery(`{ resource.service.name = ${name} }`).limit(20)),
      table('Failed traces')
        .description('Latest traces with a failed span in this service.')
        .datasource(tempoDs)
        .withTarget(tempoQuery(`{ resource.service.name = ${name} && status = error }`).limit(20)),
    ],
  };
}
