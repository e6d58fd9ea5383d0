/**
 * `tool/promtool`, `tool/amtool`, `tool/unavailable`: the real tools have the last word. The
 * compiled Prometheus rule files, Prometheus config and Alertmanager configs are written to a
 * temporary folder in the layout of `out/` with the bytes the build writes, then checked with
 * one `promtool check rules`, one `promtool check config` and one `amtool check-config`
 * invocation, concurrently. A tool that is not installed is reported as info (skipped) locally
 * and as an error with CI=true, where it must run. A file whose exact bytes the same tool
 * accepted before is not sent again (`../tools/verdicts.ts`) when the verdict depends on those
 * bytes alone: rule files, the Prometheus config (`--syntax-only` reads no file it names) and an
 * Alertmanager config without `templates` (amtool does not read `*_file` secrets).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { OutputFile } from '../../compile/compile.ts';
import { serialize } from '../../emit/serialize.ts';
import type { Diagnostic } from '../../model/diagnostic.ts';
import type { Resource } from '../../model/resource.ts';
import { unknownSource } from '../../model/source.ts';
import type { Check } from '../check.ts';
import { finding } from '../check.ts';
import { findCommand, inCi } from '../tools/find-binary.ts';
import {
  checkConfigProblems,
  promtoolRuleProblems,
  type ToolProblem,
} from '../tools/promtool-output.ts';
import { runTool } from '../tools/run.ts';
import { verdictsOf } from '../tools/verdicts.ts';

interface ToolJob {
  tool: 'promtool' | 'amtool';
  rule: 'tool/promtool' | 'tool/amtool';
  args: string[];
  files: OutputFile[];
  parse: (output: string, files: string[]) => ToolProblem[];
  /** Whether the verdicts depend on the files' bytes alone, so a pass can be remembered. */
  selfContained: boolean;
}

export const toolCheck: Check = {
  rules: ['tool/promtool', 'tool/amtool', 'tool/unavailable'],
  async run({ files, texts }) {
    const textOf = (file: OutputFile) =>
      texts?.get(file.path) ?? serialize(file.path, file.document);
    const jobs = jobsFor(files);
    if (jobs.length === 0) return [];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'obs-validate-'));
    try {
      const results = await Promise.all(jobs.map((job) => runJob(job, dir, textOf)));
      return results.flat();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};

function jobsFor(files: OutputFile[]): ToolJob[] {
  const of = (kind: Resource['kind']) => files.filter((f) => f.resources[0]?.kind === kind);
  const jobs: ToolJob[] = [];
  const rules = of('prometheus-rule-group');
  const configs = of('scrape-config');
  const alertmanager = of('alertmanager-config');
  if (rules.length) {
    jobs.push({
      tool: 'promtool',
      rule: 'tool/promtool',
      args: ['check', 'rules'],
      files: rules,
      parse: promtoolRuleProblems,
      selfContained: true,
    });
  }
  if (configs.length) {
    // Syntax only: the rule files it names are checked by `check rules` above.
    jobs.push({
      tool: 'promtool',
      rule: 'tool/promtool',
      args: ['check', 'config', '--syntax-only'],
      files: configs,
      parse: checkConfigProblems,
      selfContained: true,
    });
  }
  if (alertmanager.length) {
    jobs.push({
      tool: 'amtool',
      rule: 'tool/amtool',
      args: ['check-config'],
      files: alertmanager,
      parse: checkConfigProblems,
      // amtool reads the template files a config names: with any, check every time.
      selfContained: alertmanager.every((f) => !namesTemplates(f.document)),
    });
  }
  return jobs;
}

function namesTemplates(document: unknown): boolean {
  const templates = (document as { templates?: unknown } | null)?.templates;
  return Array.isArray(templates) && templates.length > 0;
}

async function runJob(
  job: ToolJob,
  dir: string,
  textOf: (file: OutputFile) => string,
): Promise<Diagnostic[]> {
  const command = `${job.tool} ${job.args.join(' ')}`;
  const bin = findCommand(job.tool);
  if (!bin) return [unavailable(job, command)];

  const verdicts = job.selfContained ? verdictsOf(bin, job.args) : undefined;
  const texts = job.files.map(textOf);
  const known = texts.map((text) => verdicts?.passed(text) ?? false);
  const pending = job.files.filter((_, i) => !known[i]);
  if (pending.length === 0) {
    verdicts?.save(texts);
    return [];
  }
  job.files.forEach((file, i) => {
    if (known[i]) return;
    const target = path.join(dir, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, texts[i]!);
  });
  const paths = pending.map((f) => f.path);
  const { code, output } = await runTool(bin, [...job.args, ...paths], dir);
  if (code === 0) {
    verdicts?.save(texts);
    return [];
  }
  verdicts?.save(texts.filter((_, i) => known[i])); // only those that passed before
  const problems = job.parse(output, paths);
  if (problems.length === 0) {
    const resource = pending[0]!.resources[0]!;
    const text = output.trim().split('\n').slice(-3).join(' ');
    return [
      finding(
        job.rule,
        'error',
        resource,
        undefined,
        `\`${command}\` failed (exit ${code}): ${text}`,
      ),
    ];
  }
  return problems.map((problem) => located(job, command, problem));
}

function located(job: ToolJob, command: string, problem: ToolProblem): Diagnostic {
  const file = job.files.find((f) => f.path === problem.file)!;
  const resource =
    file.resources.find((r) => (r.body as { name?: string })?.name === problem.group) ??
    file.resources[0]!;
  const rulePath = problem.rule ? `rules[${problem.rule - 1}]` : undefined;
  return finding(
    job.rule,
    'error',
    resource,
    rulePath,
    `\`${command}\` rejects out/${problem.file}: ${problem.message}`,
  );
}

function unavailable(job: ToolJob, command: string): Diagnostic {
  const ci = inCi();
  return {
    rule: 'tool/unavailable',
    severity: ci ? 'error' : 'info',
    source: unknownSource,
    message: `${job.tool} is not installed: \`${command}\` ${ci ? 'must run with CI=true' : 'was skipped'} for ${job.files.length} file(s)`,
    hint: 'install it (Debian: apt-get install prometheus prometheus-alertmanager; scripts/setup.sh), or set OBS_PROMTOOL_BIN / OBS_AMTOOL_BIN',
  };
}
