/**
 * LogQL of the standardized JSON log lines. Stream labels (`service`, `env`, `level`) select;
 * everything else is a JSON field read with `| json`. Field and label names come from
 * `src/conventions/log-fields.ts`, the same names the kit's logger writes.
 */
import { re, streamSelector, type Matchers } from '../../src/builders/index.ts';
import { logFields, logStreamLabels } from '../../src/conventions/log-fields.ts';
import { indent } from './text.ts';

const [serviceLabel, envLabel, levelLabel] = logStreamLabels;

/** Levels that count as errors. */
export const errorLevels = 'error|fatal';

/** `{service=…, env="$env", level=…}`; `service` and `level` are regexes (variables or lists). */
export function logStream(service: string, level: string): string {
  const matchers: Matchers = {
    [serviceLabel]: re(service),
    [envLabel]: '$env',
    [levelLabel]: re(level),
  };
  return streamSelector(matchers);
}

/** Error and fatal lines of `service` (a name or a regex), parsed, unparsable lines dropped. */
export function errorLines(service: string): string {
  return `${logStream(service, errorLevels)}\n  | json\n  | __error__=""`;
}

/** Lines matching the `$search` text box, case-insensitively. */
export function searchFilter(): string {
  return '|~ "(?i)$search"';
}

/** A readable one-line rendering of an error for logs panels. */
export function errorLineFormat(): string {
  const f = logFields;
  return `| line_format "{{.${serviceLabel}}} {{.${f.errorType}}} [{{.${f.errorFingerprint}}}] {{.${f.message}}} trace={{.${f.traceId}}}"`;
}

/** `sum by (labels) (count_over_time(<lines> [window]))`, the log count per group. */
export function countBy(labels: readonly string[], lines: string, window = '$__auto'): string {
  const sum = labels.length ? `sum by (${labels.join(', ')})` : 'sum';
  const body = indent(lines, 4);
  return `${sum} (\n  count_over_time(\n    ${body}\n    [${window}]\n  )\n)`;
}
