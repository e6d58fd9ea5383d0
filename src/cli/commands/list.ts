/** `list`: every resource with its kind, id, target and the line that made it. */
import type { Command } from 'commander';
import { kinds } from '../../compile/kinds.ts';
import { loadDefinitions } from '../../load/load.ts';
import { formatSource } from '../../model/source.ts';
import { ExitCode } from '../exit-codes.ts';
import { globalOptions } from '../options.ts';
import { out } from '../output.ts';
import { renderDiagnostics } from '../render.ts';

export function registerList(program: Command): void {
  program
    .command('list')
    .description('list every resource: kind, id, target, out/ file and defining line')
    .option('--kind <kind>', 'only resources of this kind')
    .option('--json', 'print as JSON')
    .action(async (flags: { kind?: string; json?: boolean }, command: Command) => {
      const { root } = globalOptions(command);
      const loaded = await loadDefinitions(root);
      if (flags.kind && !(flags.kind in kinds)) {
        out(`unknown kind \`${flags.kind}\`; expected one of ${Object.keys(kinds).join(', ')}`);
        process.exitCode = ExitCode.usage;
        return;
      }
      const rows = loaded.resources
        .filter((r) => !flags.kind || r.kind === flags.kind)
        .map((r) => ({
          kind: r.kind,
          id: r.id,
          target: r.target,
          file: `out/${kinds[r.kind].file(r)}`,
          source: formatSource(r.source),
        }))
        .sort((a, b) => (a.kind + a.id < b.kind + b.id ? -1 : 1));

      if (flags.json) out(JSON.stringify(rows, null, 2));
      else out(table(['KIND', 'ID', 'TARGET', 'OUT', 'DEFINED AT'], rows.map(Object.values)));
      if (loaded.diagnostics.length) {
        process.stderr.write(renderDiagnostics(loaded.diagnostics) + '\n');
        process.exitCode = ExitCode.invalid;
      }
    });
}

/** Left-aligned columns separated by two spaces. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}
