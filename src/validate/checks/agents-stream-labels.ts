/**
 * `agents/stream-label-unbounded`: an agent config may make only the bounded fields of the log
 * convention (`logStreamLabels`: service, env, level) into Loki stream labels; an id such as
 * `request_id` or `trace_id` as a label creates a stream per value and explodes Loki's index.
 * `agents/alloy-syntax`: an Alloy config must parse (there is no `alloy` binary to ask).
 * Both read the compiled configs, so hand-written agent resources are checked too.
 */
import { logStreamLabels } from '../../conventions/log-fields.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Resource } from '../../model/resource.ts';
import { parseRiver, type Block } from '../../builders/agents/river-parse.ts';
import type { Check } from '../check.ts';
import { finding } from '../check.ts';

const unbounded = 'agents/stream-label-unbounded';
const syntax = 'agents/alloy-syntax';
const allowed = new Set<string>(logStreamLabels);

/** A label an agent config sets, and where in the config. */
interface LabelUse {
  label: string;
  path: string;
}

export const agentsStreamLabels: Check = {
  rules: [unbounded, syntax],
  run({ resources }) {
    return resources
      .filter((r) => r.kind === 'agent-config')
      .flatMap((resource): Diagnostic[] => {
        if (typeof resource.body === 'string') return alloy(resource, resource.body);
        return report(resource, promtailLabels(resource.body));
      });
  },
};

function alloy(resource: Resource, text: string): Diagnostic[] {
  let blocks: Block[];
  try {
    blocks = parseRiver(text);
  } catch (error) {
    const message = `Alloy config does not parse: ${(error as Error).message}`;
    return [
      finding(
        syntax,
        'error',
        resource,
        undefined,
        message,
        'fix the model or builder that wrote it',
      ),
    ];
  }
  return report(resource, alloyLabels(blocks));
}

function report(resource: Resource, uses: LabelUse[]): Diagnostic[] {
  return uses
    .filter((use) => !use.label.startsWith('__') && !allowed.has(use.label))
    .map((use) =>
      finding(
        unbounded,
        'error',
        resource,
        use.path,
        `agent config makes \`${use.label}\` a stream label; only ${logStreamLabels.join(', ')} may be labels`,
        'keep the field in the JSON line and filter it with `| json` in LogQL',
      ),
    );
}

type Loose = Record<string, unknown> & {
  scrape_configs?: {
    static_configs?: { labels?: Record<string, string> }[];
    journal?: { labels?: Record<string, string> };
    relabel_configs?: { target_label?: string }[];
    pipeline_stages?: Record<string, unknown>[];
  }[];
};

/** Labels of a Promtail config: static, journal, relabelled and pipeline-made. */
export function promtailLabels(body: unknown): LabelUse[] {
  const uses: LabelUse[] = [];
  ((body as Loose)?.scrape_configs ?? []).forEach((scrape, i) => {
    const at = `scrape_configs[${i}]`;
    (scrape.static_configs ?? []).forEach((sc, j) => {
      for (const label of Object.keys(sc.labels ?? {})) {
        uses.push({ label, path: `${at}.static_configs[${j}].labels.${label}` });
      }
    });
    for (const label of Object.keys(scrape.journal?.labels ?? {})) {
      uses.push({ label, path: `${at}.journal.labels.${label}` });
    }
    (scrape.relabel_configs ?? []).forEach((r, j) => {
      if (r.target_label) uses.push({ label: r.target_label, path: `${at}.relabel_configs[${j}]` });
    });
    (scrape.pipeline_stages ?? []).forEach((stage, j) => {
      for (const kind of ['labels', 'static_labels']) {
        const labels = stage[kind] as Record<string, unknown> | undefined;
        for (const label of Object.keys(labels ?? {})) {
          uses.push({ label, path: `${at}.pipeline_stages[${j}].${kind}.${label}` });
        }
      }
    });
  });
  return uses;
}

/** Labels of an Alloy config: file targets, `stage.labels`, journal labels, relabel rules. */
export function alloyLabels(blocks: Block[]): LabelUse[] {
  const uses: LabelUse[] = [];
  const visit = (block: Block, path: string) => {
    const here = `${path}${block.name}${block.label ? ` "${block.label}"` : ''}`;
    const attrs = block.attributes;
    const keysOf = (name: string) => {
      const value = attrs[name];
      if (value?.type === 'object') return Object.keys(value.entries);
      if (value?.type === 'array') {
        return value.items.flatMap((item) =>
          item.type === 'object' ? Object.keys(item.entries) : [],
        );
      }
      return [];
    };
    if (block.name === 'local.file_match')
      keysOf('path_targets').forEach((l) => uses.push({ label: l, path: here }));
    if (block.name === 'stage.labels' || block.name === 'stage.static_labels') {
      keysOf('values').forEach((l) => uses.push({ label: l, path: here }));
    }
    if (block.name.startsWith('loki.source.'))
      keysOf('labels').forEach((l) => uses.push({ label: l, path: here }));
    const target = attrs.target_label;
    if (block.name === 'rule' && target?.type === 'string')
      uses.push({ label: target.value, path: here });
    block.blocks.forEach((child) => visit(child, `${here} > `));
  };
  blocks.forEach((b) => visit(b, ''));
  return uses;
}
