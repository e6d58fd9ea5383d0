/** `alerts`: firing alerts and silences from Alertmanager and Prometheus, with their links. */
import type { Command } from 'commander';
import { globalOptions } from '../options.ts';

export interface AlertsFlags {
  env?: string;
  alertmanagerUrl?: string;
  prometheusUrl?: string;
  grafanaUrl?: string;
  timeout: string;
  json?: boolean;
}

/** Register `obs alerts`. */
export function registerAlerts(program: Command): void {
  program
    .command('alerts')
    .description('firing alerts and silences from Alertmanager and Prometheus, grouped')
    .option('--env <name>', 'environment of platform/environments.ts (both backends)')
    .option('--alertmanager-url <url>', 'Alertmanager URL, instead of the environment')
    .option('--prometheus-url <url>', 'Prometheus URL, instead of the environment')
    .option('--grafana-url <url>', 'base for relative dashboard links (default: the environment)')
    .option('--timeout <seconds>', 'per request', '10')
    .option('--json', 'print JSON')
    .action(async (flags: AlertsFlags, command: Command) => {
      const { root } = globalOptions(command);
      const { runRawCommand } = await import('../../raw/failure.ts');
      const { runAlerts } = await import('./alerts-run.ts');
      process.exitCode = await runRawCommand(Boolean(flags.json), () => runAlerts(root, flags));
    });
}
