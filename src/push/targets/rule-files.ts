/**
 * Rules as files. Prometheus (contract §4): one file per namespace in `rulesDir`, then one
 * `POST /-/reload`, then `/api/v1/rules` read back to see every group loaded and healthy. Files
 * we write start with a marker line; files without it are never changed or deleted. When the
 * reload fails, every file of this push is put back, so the next run sees the same changes again.
 * Loki with local rule storage (contract §5): the same files in `rulesDir/<tenant>/`, no reload.
 */
import path from 'node:path';
import YAML from 'yaml';
import type { RuleGroupBody } from '../../builders/rules.ts';
import { kinds } from '../../compile/kinds.ts';
import { toYaml } from '../../emit/serialize.ts';
import type { Resource } from '../../model/resource.ts';
import { formatSource } from '../../model/source.ts';
import { sameDocument } from '../../plan/normalise.ts';
import { decide, type PlanItem } from '../../plan/plan.ts';
import { expectStatus } from '../http.ts';
import { withFileMarker } from '../ownership.ts';
import { listYamlFiles, readIfExists, restore, writeAtomic, type FileState } from './files.ts';
import { ruleFileDocument } from './rules-model.ts';
import type { Adapter, AdapterContext, ItemFailure } from './types.ts';

interface LoadedRule {
  name: string;
  health: 'ok' | 'err' | 'unknown';
  lastError?: string;
}

interface LoadedGroup {
  name: string;
  file: string;
  rules: LoadedRule[];
}

/** Which server reads the files: Prometheus (reload, then `/api/v1/rules`) or a Loki ruler. */
export interface RuleFilesSettings {
  target: 'prometheus' | 'loki';
  kind: 'prometheus-rule-group' | 'loki-rule-group';
  /**
   * Prometheus: `POST /-/reload` and read the loaded groups back. Loki's local rule store has no
   * reload: its ruler reads the folder at its next poll (`ruler.poll_interval`, 1m by default),
   * so the files are read back from disk instead.
   */
  reload: boolean;
}

const prometheusFiles: RuleFilesSettings = {
  target: 'prometheus',
  kind: 'prometheus-rule-group',
  reload: true,
};

export function ruleFilesAdapter(
  context: AdapterContext,
  rulesDir: string,
  settings: RuleFilesSettings = prometheusFiles,
): Adapter {
  const dir = path.resolve(context.root, rulesDir);
  const texts = new Map<string, string>();
  const previous = new Map<string, FileState>();

  async function plan(local: Resource[]): Promise<PlanItem[]> {
    const byFile = new Map<string, Resource[]>();
    for (const resource of local) {
      const name = `${resource.placement.namespace ?? 'default'}.yaml`;
      byFile.set(name, [...(byFile.get(name) ?? []), resource]);
    }
    const live = new Map(listYamlFiles(dir).map((f) => [f.name, f]));
    const items: PlanItem[] = [];
    for (const name of [...new Set([...byFile.keys(), ...live.keys()])].sort()) {
      const resources = byFile.get(name);
      const file = live.get(name);
      const bodies = resources?.map((r) => r.body) ?? [];
      if (resources) texts.set(name, withFileMarker(toYaml(ruleFileDocument(bodies))));
      previous.set(name, { path: path.join(dir, name), text: file?.text });
      const item = decide(
        {
          target: settings.target,
          kind: 'rule-file',
          key: name,
          order: kinds[settings.kind].order,
          live: file ? parseLive(file.text, name) : undefined,
          local: resources ? ruleFileDocument(bodies) : undefined,
          ...(resources ? { source: formatSource(resources[0]!.source) } : {}),
        },
        file?.managed ?? false,
        context.prune,
        context.adopt,
      );
      if (item) items.push(item);
    }
    return items;
  }

  async function apply(item: PlanItem): Promise<void> {
    const file = path.join(dir, item.key);
    if (item.action === 'delete') restore({ path: file, text: undefined });
    else writeAtomic(file, texts.get(item.key)!);
  }

  async function finish(applied: PlanItem[]): Promise<ItemFailure[]> {
    if (applied.length === 0 || !settings.reload) return [];
    const response = await context.client.request('POST', '/-/reload', {
      retryServerErrors: false,
    });
    if (response.status === 200) return [];
    for (const item of applied) restore(previous.get(item.key)!);
    const hint = response.status === 403 ? ' (start Prometheus with --web.enable-lifecycle)' : '';
    const error = `reload refused the rule files, previous files restored: ${response.status} ${response.body.trim()}${hint}`;
    return applied.map((item) => ({ item, error }));
  }

  async function verify(applied: PlanItem[]): Promise<ItemFailure[]> {
    if (!settings.reload) return applied.flatMap(checkOnDisk);
    const deadline = Date.now() + context.verifyTimeoutMs;
    for (;;) {
      const loaded = await readLoaded();
      const failures = applied.flatMap((item) => check(item, loaded, Date.now() >= deadline));
      const pending = failures.some((f) => f.error.startsWith('not evaluated yet'));
      if (!pending || Date.now() >= deadline) return failures.filter((f) => !isPending(f));
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  async function readLoaded(): Promise<LoadedGroup[]> {
    const response = await context.client.request('GET', '/api/v1/rules');
    const body = JSON.parse(expectStatus(context.client, response, [200], 'read rules').body);
    return (body as { data: { groups: LoadedGroup[] } }).data.groups;
  }

  function checkOnDisk(item: PlanItem): ItemFailure[] {
    const text = readIfExists(path.join(dir, item.key));
    if (item.action === 'delete')
      return text === undefined ? [] : [{ item, error: 'file still there' }];
    const same = text !== undefined && sameDocument(parseLive(text, item.key), item.local);
    return same ? [] : [{ item, error: 'the file read back differs from what was written' }];
  }

  function check(item: PlanItem, loaded: LoadedGroup[], final: boolean): ItemFailure[] {
    const inFile = loaded.filter((g) => path.basename(g.file) === item.key);
    if (item.action === 'delete') {
      return inFile.length ? [{ item, error: 'groups still loaded after delete' }] : [];
    }
    const wanted = (item.local as { groups: RuleGroupBody[] }).groups;
    const failures: ItemFailure[] = [];
    for (const group of wanted) {
      const found = inFile.find((g) => g.name === group.name);
      if (!found || found.rules.length !== group.rules.length) {
        failures.push({ item, error: `group \`${group.name}\` is not loaded` });
        continue;
      }
      const broken = found.rules.find((r) => r.health === 'err');
      if (broken) {
        failures.push({
          item,
          error: `rule \`${broken.name}\` in group \`${group.name}\` has health err: ${broken.lastError ?? ''}`,
        });
      } else if (!final && found.rules.some((r) => r.health !== 'ok')) {
        failures.push({ item, error: `not evaluated yet: ${group.name}` });
      }
    }
    return failures;
  }

  return { target: settings.target, kinds: [settings.kind], plan, apply, finish, verify };
}

const isPending = (failure: ItemFailure) => failure.error.startsWith('not evaluated yet');

/** A live rule file as a document; a file that does not parse compares as its raw text. */
function parseLive(text: string, name: string): unknown {
  try {
    const parsed = YAML.parse(text) as { groups?: unknown[] } | null;
    return ruleFileDocument(parsed?.groups ?? []);
  } catch {
    return { unparsable: name, text };
  }
}
