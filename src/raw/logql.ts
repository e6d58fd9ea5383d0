/**
 * Build the LogQL of `obs logs` from its flags: a stream selector on the labels every service's
 * logs carry (service, env, level: `logStreamLabels`) and a line filter for the text.
 */
import { logLevels, logStreamLabels, type LogLevel } from '../conventions/log-fields.ts';

/** What `obs logs` searches for. */
export interface LogSearch {
  /** Service names; several mean any of them. Empty: every service. */
  services: string[];
  /** The `env` stream label, when given. */
  env?: string;
  /** Minimum level: `warn` selects warn, error and fatal. */
  level?: string;
  /** Text the line must contain (case-sensitive, literal). */
  text?: string;
}

const [serviceLabel, envLabel, levelLabel] = logStreamLabels;

/** Levels at or above `level`; throws naming the allowed levels when it is unknown. */
export function levelsFrom(level: string): LogLevel[] {
  const index = logLevels.indexOf(level.toLowerCase() as LogLevel);
  if (index === -1) {
    throw new Error(`level \`${level}\` is unknown; expected one of ${logLevels.join(', ')}`);
  }
  return logLevels.slice(index);
}

/** The LogQL for a search, e.g. `{service="pets", level=~"error|fatal"} |= "timeout"`. */
export function buildLogQuery(search: LogSearch): string {
  const matchers: string[] = [];
  for (const name of search.services) checkValue('service', name);
  if (search.services.length === 1) matchers.push(`${serviceLabel}=${quote(search.services[0]!)}`);
  else if (search.services.length > 1) {
    matchers.push(`${serviceLabel}=~${quote(search.services.map(escapeRegex).join('|'))}`);
  }
  if (search.env) matchers.push(`${envLabel}=${quote(search.env)}`);
  if (search.level) {
    const levels = levelsFrom(search.level);
    if (levels.length < logLevels.length) {
      matchers.push(
        levels.length === 1
          ? `${levelLabel}=${quote(levels[0]!)}`
          : `${levelLabel}=~${quote(levels.join('|'))}`,
      );
    }
  }
  // Loki refuses a selector that matches everything; any service is the widest it accepts.
  if (!matchers.length) matchers.push(`${serviceLabel}=~".+"`);

  const selector = `{${matchers.join(', ')}}`;
  return search.text ? `${selector} |= ${quote(search.text)}` : selector;
}

function checkValue(what: string, value: string): void {
  if (!value.trim()) throw new Error(`${what} must not be empty`);
}

/** A LogQL string literal (double quotes, backslash escapes). */
export function quote(value: string): string {
  return JSON.stringify(value);
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
