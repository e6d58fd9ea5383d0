/**
 * Plan and push: check the environment (before any network call), read live state through each
 * target's adapter, decide per object, then apply in dependency order — creates and updates by
 * ascending `order`, deletes by descending — with bounded concurrency, finish (reload) and read
 * back. The report says exactly what was applied and what failed.
 */
import type { Environment } from '../model/environment.ts';
import type { Resource } from '../model/resource.ts';
import { itemLabel, sortItems, summarise, type PlanItem, type PlanSummary } from '../plan/plan.ts';
import { createAdapter, type SharedContext } from './adapters.ts';
import { authHeaders } from './auth.ts';
import {
  checkEnvironment,
  checkSecrets,
  pushedKinds,
  selectTargets,
  twinKinds,
  type PushTarget,
} from './config.ts';
import { ConfigError, messageOf, PushError } from './errors.ts';
import {
  defaultPolicy,
  emptyStats,
  HttpClient,
  type HttpPolicy,
  type RequestStats,
} from './http.ts';
import { mapLimit } from './limit.ts';
import { Redactor } from './redact.ts';
import type { Adapter, ItemFailure } from './targets/types.ts';

export interface PushOptions {
  environment: Environment;
  /** Local resources: the build's output (see `loadLocalResources`). */
  resources: readonly Resource[];
  /** Project root; relative file paths of the environment resolve against it. */
  root?: string;
  /** Plan only: read live state, write nothing. */
  dryRun?: boolean;
  /** Delete managed objects that are no longer defined locally. */
  prune?: boolean;
  /** Allow deleting more than `environment.maxDeletes`. */
  allowMassDelete?: boolean;
  /** Take over objects that exist on the server without our mark. */
  adopt?: boolean;
  /** Only these targets; by default every target with local resources. */
  targets?: string[];
  concurrency?: number;
  policy?: Partial<HttpPolicy>;
  /** How long read-back waits for a server to evaluate what was pushed. */
  verifyTimeoutMs?: number;
  /** Where token variables are read; `process.env` by default. */
  processEnv?: NodeJS.ProcessEnv;
  /** Debug log lines (already redacted). */
  log?: (line: string) => void;
  /** Called after each applied item. */
  progress?: (done: number, total: number, label: string) => void;
}

/** One applied or failed object. */
export interface Outcome {
  target: string;
  kind: string;
  key: string;
  action: PlanItem['action'];
  error?: string;
}

export interface PushReport {
  environment: string;
  dryRun: boolean;
  targets: string[];
  items: PlanItem[];
  summary: PlanSummary;
  applied: Outcome[];
  failed: Outcome[];
  /** Set when push refused to run (too many deletes); nothing was written. */
  refused?: string;
  /** Local resources of kinds push does not deliver, by kind. */
  notPushed: Record<string, number>;
  stats: RequestStats;
  elapsedMs: number;
}

/** Default limit of deletes per push when the environment sets none. */
export const defaultMaxDeletes = 20;

/** Plan, and unless `dryRun`, apply. Throws `ConfigError` or `PushError` before any write. */
export async function push(options: PushOptions): Promise<PushReport> {
  const started = performance.now();
  const { environment } = options;
  const redactor = new Redactor();
  const stats = emptyStats();
  const problems: string[] = [];
  const targets = selectTargets(options.resources, options.targets, problems);
  problems.push(...checkEnvironment(environment, targets, options.processEnv ?? process.env));
  problems.push(...checkSecrets(options.resources, targets, options.processEnv ?? process.env));
  if (problems.length) throw new ConfigError(problems);

  const adapters = buildAdapters(options, targets, redactor, stats);
  const items = sortItems(await planAll(adapters, options.resources, redactor));

  const report: PushReport = {
    environment: environment.name,
    dryRun: Boolean(options.dryRun),
    targets,
    items,
    summary: summarise(items),
    applied: [],
    failed: [],
    notPushed: notPushed(options.resources),
    stats,
    elapsedMs: 0,
  };
  if (!options.dryRun) {
    const refused = massDeleteRefusal(options, items);
    if (refused) report.refused = refused;
    else await applyAll(adapters, items, options, report, redactor);
  }
  report.elapsedMs = Math.round(performance.now() - started);
  // Items kept secrets (expanded contact point keys) for comparing and verifying; not past here.
  report.items = items.map((item) => JSON.parse(redactor.redact(JSON.stringify(item))) as PlanItem);
  return report;
}

function buildAdapters(
  options: PushOptions,
  targets: PushTarget[],
  redactor: Redactor,
  stats: RequestStats,
): Map<string, Adapter> {
  const { environment } = options;
  const tuning = environment.push ?? {};
  const concurrency = options.concurrency ?? tuning.concurrency ?? 8;
  const policy: HttpPolicy = {
    ...defaultPolicy,
    ...(tuning.timeoutMs !== undefined ? { timeoutMs: tuning.timeoutMs } : {}),
    ...(tuning.retries !== undefined ? { retries: tuning.retries } : {}),
    ...options.policy,
  };
  const shared: SharedContext = {
    environment,
    root: options.root ?? process.cwd(),
    prune: Boolean(options.prune),
    adopt: Boolean(options.adopt),
    concurrency,
    verifyTimeoutMs: options.verifyTimeoutMs ?? 10_000,
    secret: (name) => {
      const value = (options.processEnv ?? process.env)[name] ?? '';
      redactor.add(value);
      return value;
    },
  };
  const adapters = new Map<string, Adapter>();
  for (const target of targets) {
    const config = environment[target];
    const client = new HttpClient({
      target,
      baseUrl: config.url,
      headers: authHeaders(config.auth, options.processEnv ?? process.env, redactor),
      policy,
      redactor,
      stats,
      maxSockets: concurrency,
      ...(options.log ? { log: options.log } : {}),
    });
    adapters.set(target, createAdapter(target, shared, client));
  }
  return adapters;
}

async function planAll(
  adapters: Map<string, Adapter>,
  resources: readonly Resource[],
  redactor: Redactor,
): Promise<PlanItem[]> {
  const planned = await Promise.all(
    [...adapters.values()].map(async (adapter) => {
      const local = resources.filter((r) => adapter.kinds.includes(r.kind));
      try {
        return await adapter.plan(local);
      } catch (error) {
        const cause = messageOf(error).replace(`${adapter.target}: `, '');
        const message = `${adapter.target}: reading live state failed: ${cause}`;
        throw new PushError(redactor.redact(message), { target: adapter.target });
      }
    }),
  );
  return planned.flat();
}

function massDeleteRefusal(options: PushOptions, items: PlanItem[]): string | undefined {
  const deletes = items.filter((i) => i.action === 'delete').length;
  const limit = options.environment.maxDeletes ?? defaultMaxDeletes;
  if (deletes <= limit || options.allowMassDelete) return undefined;
  return (
    `refusing to delete ${deletes} objects: environment \`${options.environment.name}\` allows ` +
    `${limit} per push (maxDeletes); check the plan, then pass --allow-mass-delete`
  );
}

async function applyAll(
  adapters: Map<string, Adapter>,
  items: PlanItem[],
  options: PushOptions,
  report: PushReport,
  redactor: Redactor,
): Promise<void> {
  const outcome = (item: PlanItem, error?: string): Outcome => ({
    target: item.target,
    kind: item.kind,
    key: item.key,
    action: item.action,
    ...(error !== undefined ? { error: redactor.redact(error) } : {}),
  });
  for (const item of items.filter((i) => i.action === 'blocked')) {
    report.failed.push(outcome(item, item.reason));
  }

  const applied = await applyInOrder(adapters, items, options, (item, error) =>
    report.failed.push(outcome(item, error)),
  );
  for (const adapter of adapters.values()) {
    const mine = applied.filter((i) => i.target === adapter.target);
    const finished = await runStep(mine, () => adapter.finish?.(mine) ?? Promise.resolve([]));
    const ok = mine.filter((i) => !finished.some((f) => f.item === i));
    const verified = await runStep(ok, () => adapter.verify(ok), 'read back failed: ');
    for (const failure of [...finished, ...verified]) {
      report.failed.push(outcome(failure.item, failure.error));
    }
    const bad = new Set([...finished, ...verified].map((f) => f.item));
    report.applied.push(...mine.filter((i) => !bad.has(i)).map((i) => outcome(i)));
  }
}

/** Creates and updates by ascending order, then deletes by descending order. */
async function applyInOrder(
  adapters: Map<string, Adapter>,
  items: PlanItem[],
  options: PushOptions,
  fail: (item: PlanItem, error: string) => void,
): Promise<PlanItem[]> {
  const writes = items.filter((i) => i.action === 'create' || i.action === 'update');
  const deletes = items.filter((i) => i.action === 'delete');
  const levels = (list: PlanItem[], direction: 1 | -1) =>
    [...new Set(list.map((i) => i.order))]
      .sort((a, b) => (a - b) * direction)
      .map((order) => list.filter((i) => i.order === order));
  const total = writes.length + deletes.length;
  const applied: PlanItem[] = [];
  let done = 0;

  for (const level of [...levels(writes, 1), ...levels(deletes, -1)]) {
    await mapLimit(
      level,
      options.concurrency ?? options.environment.push?.concurrency ?? 8,
      async (item) => {
        try {
          await adapters.get(item.target)!.apply(item);
          applied.push(item);
        } catch (error) {
          fail(item, messageOf(error));
        }
        options.progress?.(++done, total, `${item.action} ${itemLabel(item)}`);
      },
    );
  }
  return applied;
}

/** Run a finish or verify step; when it throws, every item of the step fails with its message. */
async function runStep(
  items: PlanItem[],
  step: () => Promise<ItemFailure[]>,
  prefix = '',
): Promise<ItemFailure[]> {
  if (items.length === 0) return [];
  try {
    return (await step()).map((f) => ({ item: f.item, error: prefix + f.error }));
  } catch (error) {
    return items.map((item) => ({ item, error: prefix + messageOf(error) }));
  }
}

function notPushed(resources: readonly Resource[]): Record<string, number> {
  const pushed = new Set([...Object.values(pushedKinds).flat(), ...twinKinds]);
  const counts: Record<string, number> = {};
  for (const r of resources) if (!pushed.has(r.kind)) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return counts;
}
