/** What `obs alerts` does once its options are parsed; loaded only when it runs. */
import { fetchAlertSources } from '../../raw/alert-sources.ts';
import { buildReport } from '../../raw/alerts-report.ts';
import { loadEnvironments, resolveEndpoint, UsageError } from '../../raw/endpoints.ts';
import { alertsJson, renderAlertsText } from '../../raw/format/alerts-output.ts';
import { renderRemoteError } from '../../raw/remote-error.ts';
import { ExitCode } from '../exit-codes.ts';
import { out } from '../output.ts';
import type { AlertsFlags } from './alerts.ts';

export async function runAlerts(root: string, flags: AlertsFlags): Promise<number> {
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
