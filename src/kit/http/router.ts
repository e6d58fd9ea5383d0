/**
 * Route templates: a request path is matched against the service's templates (`/pets/:id`),
 * and the template — never the raw path — becomes the `route` label, so its values stay as few
 * as the routes the service has.
 */

/** The `route` label of requests no route matched. */
export const unmatchedRoute = 'unmatched';

/** Methods kept as `method` label values; any other becomes `OTHER`. */
const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The bounded `method` label of a request method. */
export function methodLabel(method: string | undefined): string {
  const upper = (method ?? '').toUpperCase();
  return knownMethods.has(upper) ? upper : 'OTHER';
}

/** The `status_class` label of a status code: `2xx`, `4xx`, `5xx` … */
export function statusClass(status: number): string {
  return `${Math.min(Math.max(Math.floor(status / 100), 1), 5)}xx`;
}

/** Match `path` (no query string) against a template such as `/pets/:id/state`. */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = got[index]!;
    if (part.startsWith(':')) {
      if (!actual) return undefined;
      params[part.slice(1)] = decodeURIComponent(actual);
    } else if (part !== actual) {
      return undefined;
    }
  }
  return params;
}
