/**
 * Turn an environment's `Auth` (names of environment variables) into request headers, reading
 * the variables only now, and registering every value with the redactor.
 */
import type { Auth } from '../model/environment.ts';
import type { Redactor } from './redact.ts';

export type Headers = Record<string, string>;

/** The variable names an auth needs. */
export function authVariables(auth: Auth): string[] {
  if (auth.type === 'bearer') return [auth.tokenEnv];
  if (auth.type === 'basic') return [auth.userEnv, auth.passwordEnv];
  return [];
}

/** Variables of `auth` that are unset or empty in `env`. */
export function missingVariables(auth: Auth, env: NodeJS.ProcessEnv): string[] {
  return authVariables(auth).filter((name) => !env[name]);
}

/** The `Authorization` header for `auth`; call `missingVariables` first. */
export function authHeaders(auth: Auth, env: NodeJS.ProcessEnv, redactor: Redactor): Headers {
  if (auth.type === 'none') return {};
  if (auth.type === 'bearer') {
    const token = env[auth.tokenEnv] ?? '';
    redactor.add(token);
    return { Authorization: `Bearer ${token}` };
  }
  const user = env[auth.userEnv] ?? '';
  const password = env[auth.passwordEnv] ?? '';
  const encoded = Buffer.from(`${user}:${password}`).toString('base64');
  redactor.add(password);
  redactor.add(encoded);
  return { Authorization: `Basic ${encoded}` };
}
