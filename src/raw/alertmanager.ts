/** Alertmanager's API v2: the alerts it holds and its silences. */
import { requestJson, type Endpoint } from './http.ts';
import type { Labels } from './series.ts';

/** One alert as `GET /api/v2/alerts` returns it. */
export interface AmAlert {
  labels: Labels;
  annotations: Labels;
  startsAt: string;
  endsAt: string;
  fingerprint: string;
  generatorURL?: string;
  receivers: { name: string }[];
  status: {
    state: 'unprocessed' | 'active' | 'suppressed';
    silencedBy: string[];
    inhibitedBy: string[];
  };
}

/** One silence as `GET /api/v2/silences` returns it. */
export interface AmSilence {
  id: string;
  matchers: { name: string; value: string; isRegex: boolean; isEqual?: boolean }[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  status: { state: 'active' | 'pending' | 'expired' };
}

/** Every alert Alertmanager holds: active, silenced and inhibited. */
export async function alertmanagerAlerts(endpoint: Endpoint): Promise<AmAlert[]> {
  return requestJson<AmAlert[]>(endpoint, { what: 'Alertmanager alerts', path: '/api/v2/alerts' });
}

/** Every silence, expired ones included (the caller filters). */
export async function alertmanagerSilences(endpoint: Endpoint): Promise<AmSilence[]> {
  return requestJson<AmSilence[]>(endpoint, {
    what: 'Alertmanager silences',
    path: '/api/v2/silences',
  });
}
