/** `alerts`: firing alerts and silences from Alertmanager and Prometheus, with their links. */
import type { Command } from 'commander';
import { fetchAlertSources } from '../../raw/alert-sources.ts';
import { buildReport } from '../../raw/alerts-report.ts';
import { loadEnvironments, resolveEndpoint, UsageError } from '../../raw/endpoints.ts';
import { runRawCommand } from '../../raw/failure.ts';
import { alertsJson, renderAlertsText } from '../../raw/format/alerts-output.ts';
import { renderRemoteError } from '../../raw/remote-error.ts';
import { ExitCode } from '../exit-codes.ts';
import { globalOptions } from '../options.ts';
import { out } from '../output.ts';

interface AlertsFlags {
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
      process.exitCode = await runRawCommand(Boolean(flags.json), () => runAlerts(root, flags));
    });
}

async function runAlerts(root: string, flags: AlertsFlags): Promise<number> {
  const useAm = Boolean(flags.env || flags.alertmanagerUrl);
  const useProm = Boolean(flags.env || flags.prometheusUrl);
  if (!useAm && !useProm) {
    throw new UsageError('give --env <name>, or --alertmanager-url and/or --prometheus-url');
  }
  const timeoutSeconds = Number(flags.timeout);
  const am = useAm
    ? await resolveEndpoint(root, 'alertmanager', {
        env: flags.env,
        url: flags.alertmanagerUrl,
        timeoutSeconds,
      })
    : undefined;
  const prom = useProm
    ? await resolveEndpoint(root, 'prometheus', {
        env: flags.env,
        url: flags.prometheusUrl,
        timeoutSeconds,
      })
    : undefined;
  const grafanaUrl = flags.grafanaUrl ?? (flags.env ? await grafanaOf(root, flags.env) : undefined);

  const sources = await fetchAlertSources({ alertmanager: am, prometheus: prom });
  const { failures } = sources;
  const report = buildReport(sources.am, sources.prom, sources.silences, { grafanaUrl });
  if (flags.json) {
    const errors = failures.map((f) => ({ url: f.details.url, message: f.details.message }));
    out(JSON.stringify({ ...alertsJson(report), errors }, null, 2));
  } else {
    out(renderAlertsText(report));
  }
  for (const failure of failures) process.stderr.write(renderRemoteError(failure) + '\n');
  return failures.length ? ExitCode.remote : ExitCode.ok;
}

async function grafanaOf(root: string, env: string): Promise<string | undefined> {
  const environment = (await loadEnvironments(root)).find((e) => e.name === env);
  return environment?.grafana?.url;
}
