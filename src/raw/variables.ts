/**
 * Fill in a panel query's variables the way Grafana would, so the query a panel shows can run
 * against the HTTP API directly: dashboard variables from `--var name=value` (or the variable's
 * "All" value), and the built-in intervals from the time range.
 */
import { formatDuration, type TimeRange } from './time-range.ts';
import { variableName, variableReference } from '../model/grafana-variables.ts';

/** A dashboard variable as the dashboard JSON declares it (the fields we use). */
export interface DashboardVariable {
  name: string;
  type?: string;
  includeAll?: boolean;
  allValue?: string;
  /** The textbox or constant value, or a custom variable's comma-separated options. */
  query?: unknown;
  current?: { value?: string | string[] };
}

/** What variable values come from. */
export interface InterpolationContext {
  range: TimeRange;
  /** Prometheus' scrape interval in seconds (Grafana's datasource setting; default 15). */
  scrapeInterval: number;
  /** Values given on the command line, by variable name. */
  values: Record<string, string>;
  variables: DashboardVariable[];
}

/** A query with its variables filled in. */
export interface Interpolated {
  expr: string;
  /** Variables used by the query that have no value: the caller reports them. */
  missing: string[];
}

/** The built-in variables for a range, Grafana's formulas (`$__rate_interval` ≥ 4 scrapes). */
export function builtins(range: TimeRange, scrapeInterval: number): Record<string, string> {
  const rangeSeconds = range.end - range.start;
  const rateInterval = Math.max(range.step + scrapeInterval, 4 * scrapeInterval);
  return {
    __interval: formatDuration(range.step),
    __interval_ms: String(Math.round(range.step * 1000)),
    __rate_interval: formatDuration(rateInterval),
    __range: formatDuration(rangeSeconds),
    __range_s: String(Math.round(rangeSeconds)),
    __range_ms: String(Math.round(rangeSeconds * 1000)),
    __auto: formatDuration(range.step),
  };
}

/** `expr` with every variable it references replaced; unknown ones listed in `missing`. */
export function interpolate(expr: string, context: InterpolationContext): Interpolated {
  const known = builtins(context.range, context.scrapeInterval);
  const missing = new Set<string>();

  const text = expr.replace(
    variableReference,
    (whole: string, ...groups: (string | undefined)[]) => {
      const name = variableName([whole, ...groups]);
      const value = known[name] ?? context.values[name] ?? defaultValue(name, context.variables);
      if (value === undefined) {
        missing.add(name);
        return whole;
      }
      return value;
    },
  );
  return { expr: text, missing: [...missing].sort() };
}

/** A variable's value when none is given: its current value, else "All", else its default. */
function defaultValue(name: string, variables: DashboardVariable[]): string | undefined {
  const variable = variables.find((v) => v.name === name);
  if (!variable) return undefined;
  const current = variable.current?.value;
  if (typeof current === 'string' && current && current !== '$__all') return current;
  if (Array.isArray(current) && current.length && !current.includes('$__all')) {
    return current.length === 1 ? current[0] : `(${current.join('|')})`;
  }
  if (variable.includeAll) return variable.allValue ?? '.*';
  // A textbox or constant holds its value in `query` (often empty); a custom variable without
  // "All" starts at its first option, as Grafana does.
  if (variable.type === 'textbox' || variable.type === 'constant') {
    return typeof variable.query === 'string' ? variable.query : '';
  }
  if (variable.type === 'custom' && typeof variable.query === 'string') {
    return variable.query.split(',')[0]?.trim() || undefined;
  }
  return undefined;
}

/** Parse `--var name=value` flags; throws naming a flag without `=`. */
export function parseVarFlags(flags: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const flag of flags) {
    const at = flag.indexOf('=');
    if (at <= 0) throw new Error(`--var \`${flag}\` is not name=value`);
    values[flag.slice(0, at)] = flag.slice(at + 1);
  }
  return values;
}
