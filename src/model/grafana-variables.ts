/**
 * How Grafana writes a template variable in a query or link: `$var`, `${var}`, `${var:format}`,
 * `[[var]]`, `[[var:format]]`, and its built-ins `$__interval`, `${__from:date:iso}` …
 * One definition for everything that substitutes or checks variables.
 */

/** Matches one variable reference; the name is in group 1, 2 or 3 (`variableName`). */
export const variableReference =
  /\$\{([A-Za-z_]\w*)(?::[^}]*)?\}|\[\[([A-Za-z_]\w*)(?::[^\]]*)?\]\]|\$([A-Za-z_]\w*)/g;

/** The variable name of a `variableReference` match (or of `replace`'s group arguments). */
export function variableName(groups: ArrayLike<string | undefined>): string {
  return groups[1] ?? groups[2] ?? groups[3] ?? '';
}

/** Whether `name` is one of Grafana's own variables (`__interval`, `__rate_interval` …). */
export function isBuiltinVariable(name: string): boolean {
  return name.startsWith('__');
}
