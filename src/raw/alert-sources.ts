/**
 * Ask Alertmanager (alerts, silences) and Prometheus (rule alerts) at once. One backend being
 * down must not hide what the others know: failures are collected, and only when every request
 * failed is the first one thrown.
 */
import {
  alertmanagerAlerts,
  alertmanagerSilences,
  type AmAlert,
  type AmSilence,
} from './alertmanager.ts';
import type { Endpoint } from './http.ts';
import { prometheusAlerts, type PrometheusAlert } from './prometheus.ts';
import { RemoteError } from './remote-error.ts';

/** What each backend answered; a missing field means it was not asked or failed. */
export interface AlertSources {
  am?: AmAlert[];
  silences?: AmSilence[];
  prom?: PrometheusAlert[];
  /** Requests that failed while others answered. */
  failures: RemoteError[];
}

/** Fetch from the endpoints given; throws when all requests failed. */
export async function fetchAlertSources(endpoints: {
  alertmanager?: Endpoint;
  prometheus?: Endpoint;
}): Promise<AlertSources> {
  const failures: RemoteError[] = [];
  const settle = async <T>(endpoint: Endpoint | undefined, run: (e: Endpoint) => Promise<T>) => {
    if (!endpoint) return undefined;
    try {
      return await run(endpoint);
    } catch (error) {
      if (!(error instanceof RemoteError)) throw error;
      failures.push(error);
      return undefined;
    }
  };
  const { alertmanager, prometheus } = endpoints;
  const [am, silences, prom] = await Promise.all([
    settle(alertmanager, alertmanagerAlerts),
    settle(alertmanager, alertmanagerSilences),
    settle(prometheus, prometheusAlerts),
  ]);

  const asked = (alertmanager ? 2 : 0) + (prometheus ? 1 : 0);
  if (failures.length === asked && failures[0]) throw failures[0];
  return { am, silences, prom, failures };
}
