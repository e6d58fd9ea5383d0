/**
 * Where the raw-data commands send their queries: an environment of `platform/environments.ts`
 * (URL, tenant, credentials read from the variables it names), or a URL given on the command
 * line. Problems here are usage errors (exit 2), found before any network call.
 */
import type { Auth, Environment } from '../model/environment.ts';
import {
  environmentsFile,
  loadEnvironments as loadPlatformEnvironments,
  PlatformFileError,
} from '../load/platform.ts';
import type { Endpoint } from './http.ts';

/** The backends the raw-data commands read. */
export type Backend = 'prometheus' | 'loki' | 'alertmanager';

/** A configuration problem found before any request: exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command-line flags that pick an endpoint. */
export interface EndpointFlags {
  env?: string;
  /** `--prometheus-url`, `--loki-url`, `--alertmanager-url`: used as given, no auth. */
  url?: string;
  /** Seconds per request. */
  timeoutSeconds: number;
}

/**
 * The environments of the project at `root` (its `platform/environments.ts`, or the file
 * `OBS_ENVIRONMENTS_FILE` names); a problem with the file is a usage error (exit 2).
 */
export async function loadEnvironments(root: string): Promise<Environment[]> {
  try {
    return await loadPlatformEnvironments(environmentsFile(root));
  } catch (error) {
    if (error instanceof PlatformFileError) throw new UsageError(error.message);
    throw error;
  }
}

/** The endpoint of `backend`: the URL flag if given, else the named environment's target. */
export async function resolveEndpoint(
  root: string,
  backend: Backend,
  flags: EndpointFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Endpoint> {
  const timeoutMs = Math.round(flags.timeoutSeconds * 1000);
  if (!(timeoutMs > 0)) {
    throw new UsageError(
      `--timeout \`${flags.timeoutSeconds}\` must be a positive number of seconds`,
    );
  }
  if (flags.url) return { url: checkedUrl(flags.url, `--${backend}-url`), headers: {}, timeoutMs };

  const environments = await loadEnvironments(root);
  const names = environments.map((e) => e.name);
  if (!flags.env) {
    throw new UsageError(
      `give --env <name> (one of ${names.join(', ')}) or --${backend}-url <url>`,
    );
  }
  const environment = environments.find((e) => e.name === flags.env);
  if (!environment) {
    throw new UsageError(
      `unknown environment \`${flags.env}\`; expected one of ${names.join(', ')}`,
    );
  }
  return endpointOf(environment, backend, timeoutMs, env);
}

function endpointOf(
  environment: Environment,
  backend: Backend,
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
): Endpoint {
  const where = `environment ${environment.name}, ${backend}`;
  const target = environment[backend] as {
    url: string;
    auth: Auth;
    mode?: string;
    tenant?: string;
    prefix?: string;
  };
  if (!target?.url) throw new UsageError(`${where}: no url in platform/environments.ts`);

  // Mimir serves the Prometheus API under a prefix and its Alertmanager under /alertmanager.
  let base = checkedUrl(target.url, `${where}.url`).replace(/\/+$/, '');
  if (backend === 'prometheus' && target.mode === 'ruler') base += target.prefix ?? '/prometheus';
  if (backend === 'alertmanager' && target.mode === 'mimir') base += '/alertmanager';

  const headers: Record<string, string> = { ...authHeaders(target.auth, where, env) };
  if (target.tenant) headers['X-Scope-OrgID'] = target.tenant;
  return { url: base, headers, timeoutMs };
}

/** The Authorization header for `auth`, reading the variables it names. */
export function authHeaders(
  auth: Auth | undefined,
  where: string,
  env: NodeJS.ProcessEnv,
): Record<string, string> {
  if (!auth || auth.type === 'none') return {};
  const read = (name: string) => {
    const value = env[name];
    if (!value)
      throw new UsageError(`${where}: the variable ${name} is not set (it holds the credentials)`);
    return value;
  };
  if (auth.type === 'bearer') return { Authorization: `Bearer ${read(auth.tokenEnv)}` };
  const pair = `${read(auth.userEnv)}:${read(auth.passwordEnv)}`;
  return { Authorization: `Basic ${Buffer.from(pair).toString('base64')}` };
}

function checkedUrl(value: string, what: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  throw new UsageError(`${what} \`${value}\` is not an http(s) URL`);
}
