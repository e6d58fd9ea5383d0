/**
 * Datasource references by stable uid. Panels name their datasource explicitly; none relies on
 * Grafana's default.
 */
import type { DataSourceRef } from '@grafana/grafana-foundation-sdk/dashboard';

export const datasourceUids = {
  prometheus: 'vp-prometheus',
  loki: 'vp-loki',
  tempo: 'vp-tempo',
  alertmanager: 'vp-alertmanager',
} as const;

export const prometheusDs: DataSourceRef = { type: 'prometheus', uid: datasourceUids.prometheus };
export const lokiDs: DataSourceRef = { type: 'loki', uid: datasourceUids.loki };
export const tempoDs: DataSourceRef = { type: 'tempo', uid: datasourceUids.tempo };
export const alertmanagerDs: DataSourceRef = {
  type: 'alertmanager',
  uid: datasourceUids.alertmanager,
};
