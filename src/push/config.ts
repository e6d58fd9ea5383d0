/**
 * Check an environment before any network call: the targets this push needs, their URLs, modes
 * and token variables. Every problem names the key, the bad value and what was expected; all of
 * them are collected, not just the first.
 */
import type { Auth, Environment } from '../model/environment.ts';
import type { Resource, ResourceKind } from '../model/resource.ts';
import { formatSource } from '../model/source.ts';
import { missingVariables } from './auth.ts';
import { placeholders } from './targets/grafana-notifications-model.ts';

/** Targets push can reach, in the order their resources are applied. */
export const pushTargets = ['grafana', 'prometheus', 'loki', 'alertmanager'] as const;
export type PushTarget = (typeof pushTargets)[number];

/** Resource kinds push delivers, by target. Others stay files in `out/` (see docs/push.md). */
export const pushedKinds: Record<PushTarget, readonly ResourceKind[]> = {
  grafana: [
    'folder',
    'dashboard',
    'grafana-rule-group-api',
    'contact-point',
    'mute-timing',
    'notification-policy',
  ],
  prometheus: ['prometheus-rule-group'],
  loki: ['loki-rule-group'],
  alertmanager: ['alertmanager-config'],
};

/**
 * Kinds that are another form of a pushed kind: a `grafana-rule-group` is the file-provisioning
 * twin of the `grafana-rule-group-api` push sends, so it is not reported as "not pushed".
 */
export const twinKinds: readonly string[] = ['grafana-rule-group'];

/** The environment called `name`, or a problem listing the known names. */
export function findEnvironment(
  environments: readonly Environment[],
  name: string | undefined,
): Environment {
  const known = environments.map((e) => e.name).join(', ');
  if (!name) throw new ConfigProblem(`--env is required; expected one of ${known}`);
  const found = environments.find((e) => e.name === name);
  if (!found) throw new ConfigProblem(`unknown environment \`${name}\`; expected one of ${known}`);
  return found;
}

/** One configuration problem; collected into a `ConfigError` by the caller. */
export class ConfigProblem extends Error {}

/**
 * The targets this push talks to: those named by `--target`, else those with local resources.
 * Unknown names are problems.
 */
export function selectTargets(
  resources: readonly Resource[],
  requested: readonly string[] | undefined,
  problems: string[],
): PushTarget[] {
  if (requested && requested.length) {
    for (const name of requested) {
      if (!(pushTargets as readonly string[]).includes(name)) {
        problems.push(`unknown target \`${name}\`; expected one of ${pushTargets.join(', ')}`);
      }
    }
    return pushTargets.filter((t) => requested.includes(t));
  }
  return pushTargets.filter((t) => resources.some((r) => pushedKinds[t].includes(r.kind)));
}

/** Every problem with `environment` for `targets`, given the process environment `env`. */
export function checkEnvironment(
  environment: Environment,
  targets: readonly PushTarget[],
  env: NodeJS.ProcessEnv,
): string[] {
  const problems: string[] = [];
  const at = (key: string) => `environment \`${environment.name}\`: ${key}`;
  for (const target of targets) {
    const config = environment[target] as { url?: string; auth?: Auth; mode?: string } | undefined;
    if (!config) {
      problems.push(`${at(target)} is not configured`);
      continue;
    }
    problems.push(...checkUrl(at(`${target}.url`), config.url));
    if (config.auth) {
      for (const name of missingVariables(config.auth, env)) {
        problems.push(`${at(`${target}.auth`)}: environment variable ${name} is not set`);
      }
    }
    problems.push(...checkMode(environment, target, at));
  }
  if (environment.maxDeletes !== undefined && !(environment.maxDeletes >= 0)) {
    problems.push(`${at('maxDeletes')} is \`${environment.maxDeletes}\`; expected a number ≥ 0`);
  }
  return problems;
}

/**
 * Secrets that Grafana contact points refer to as `${NAME}`: file provisioning lets Grafana expand
 * them, but through the API push must send the values, so each variable must be set.
 */
export function checkSecrets(
  resources: readonly Resource[],
  targets: readonly PushTarget[],
  env: NodeJS.ProcessEnv,
): string[] {
  if (!targets.includes('grafana')) return [];
  const problems: string[] = [];
  for (const resource of resources.filter((r) => r.kind === 'contact-point')) {
    for (const name of placeholders(resource.body)) {
      if (!env[name]) {
        problems.push(
          `contact point \`${resource.id}\` (${formatSource(resource.source)}): environment variable ${name} is not set`,
        );
      }
    }
  }
  return [...new Set(problems)];
}

function checkUrl(key: string, url: string | undefined): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return [`${key} is \`${url ?? ''}\`; expected an http:// or https:// URL`];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return [`${key} has protocol \`${parsed.protocol}\`; expected http: or https:`];
  }
  if (parsed.username || parsed.password) {
    return [`${key} holds credentials; put them in environment variables named by \`auth\``];
  }
  return [];
}

/** A target's settings read without trusting their type: environments may come from JSON. */
interface Loose {
  mode?: string;
  rulesDir?: string;
  configFile?: string;
  tenant?: string;
  prefix?: string;
}

function checkMode(
  environment: Environment,
  target: PushTarget,
  at: (key: string) => string,
): string[] {
  const problems: string[] = [];
  if (target === 'prometheus' || target === 'loki') {
    const config = environment[target] as Loose;
    if (config.mode !== 'files' && config.mode !== 'ruler') {
      problems.push(
        `${at(`${target}.mode`)} is \`${String(config.mode)}\`; expected files or ruler`,
      );
    } else if (config.mode === 'files' && !config.rulesDir) {
      problems.push(`${at(`${target}.rulesDir`)} is empty; expected the rule files folder`);
    } else if (config.mode === 'ruler') {
      if (!config.tenant) problems.push(`${at(`${target}.tenant`)} is empty; expected a tenant`);
      if (config.prefix === '') {
        problems.push(`${at(`${target}.prefix`)} is empty; it marks what push owns`);
      }
    }
    if (target === 'loki' && config.mode === 'files' && !config.tenant) {
      problems.push(`${at('loki.tenant')} is empty; files go to rulesDir/<tenant>/`);
    }
  }
  if (target === 'alertmanager') {
    const config = environment.alertmanager as Loose;
    if (config.mode === 'mimir') {
      if (!config.tenant) problems.push(`${at('alertmanager.tenant')} is empty; expected a tenant`);
    } else if (config.mode !== 'files') {
      problems.push(
        `${at('alertmanager.mode')} is \`${String(config.mode)}\`; expected files or mimir`,
      );
    } else if (!config.configFile) {
      problems.push(`${at('alertmanager.configFile')} is empty; expected the config file path`);
    }
  }
  return problems;
}
