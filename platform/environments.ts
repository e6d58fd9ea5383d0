/**
 * The environments push, plan and the raw-data commands can target. Add one: append an entry;
 * `obs push --env <name>` picks it. Tokens are named here by their environment variable only.
 * What push does for each target and mode, and how it marks what it owns: docs/push.md.
 */
import type { Environment } from '../src/model/environment.ts';

const none = { type: 'none' } as const;

export const environments: Environment[] = [
  {
    name: 'local',
    grafana: {
      url: 'http://127.0.0.1:3000',
      auth: { type: 'basic', userEnv: 'GRAFANA_USER', passwordEnv: 'GRAFANA_PASSWORD' },
    },
    prometheus: {
      mode: 'files',
      url: 'http://127.0.0.1:9090',
      auth: none,
      rulesDir: '.local/prometheus/rules',
    },
    loki: { mode: 'ruler', url: 'http://127.0.0.1:3100', auth: none, tenant: 'fake' },
    alertmanager: {
      mode: 'files',
      url: 'http://127.0.0.1:9093',
      auth: none,
      configFile: '.local/alertmanager/alertmanager.yml',
    },
    tempo: { url: 'http://127.0.0.1:3200', auth: none },
    maxDeletes: 50,
  },
  {
    name: 'staging',
    grafana: {
      url: 'https://grafana.staging.virtualpet.example',
      auth: { type: 'bearer', tokenEnv: 'GRAFANA_STAGING_TOKEN' },
      folderPrefix: '',
    },
    prometheus: {
      mode: 'ruler',
      url: 'https://mimir.staging.virtualpet.example',
      auth: { type: 'bearer', tokenEnv: 'MIMIR_STAGING_TOKEN' },
      tenant: 'virtual-pet',
    },
    loki: {
      mode: 'ruler',
      url: 'https://loki.staging.virtualpet.example',
      auth: { type: 'bearer', tokenEnv: 'LOKI_STAGING_TOKEN' },
      tenant: 'virtual-pet',
    },
    alertmanager: {
      mode: 'mimir',
      url: 'https://mimir.staging.virtualpet.example',
      auth: { type: 'bearer', tokenEnv: 'MIMIR_STAGING_TOKEN' },
      tenant: 'virtual-pet',
    },
    tempo: {
      url: 'https://tempo.staging.virtualpet.example',
      auth: { type: 'bearer', tokenEnv: 'TEMPO_STAGING_TOKEN' },
    },
    ruleFeatures: { queryOffset: true },
    maxDeletes: 20,
  },
  {
    name: 'production',
    grafana: {
      url: 'https://grafana.virtualpet.example',
      auth: { type: 'bearer', tokenEnv: 'GRAFANA_PRODUCTION_TOKEN' },
    },
    prometheus: {
      mode: 'ruler',
      url: 'https://mimir.virtualpet.example',
      auth: { type: 'bearer', tokenEnv: 'MIMIR_PRODUCTION_TOKEN' },
      tenant: 'virtual-pet',
    },
    loki: {
      mode: 'ruler',
      url: 'https://loki.virtualpet.example',
      auth: { type: 'bearer', tokenEnv: 'LOKI_PRODUCTION_TOKEN' },
      tenant: 'virtual-pet',
    },
    alertmanager: {
      mode: 'mimir',
      url: 'https://mimir.virtualpet.example',
      auth: { type: 'bearer', tokenEnv: 'MIMIR_PRODUCTION_TOKEN' },
      tenant: 'virtual-pet',
    },
    tempo: {
      url: 'https://tempo.virtualpet.example',
      auth: { type: 'bearer', tokenEnv: 'TEMPO_PRODUCTION_TOKEN' },
    },
    ruleFeatures: { queryOffset: true },
    maxDeletes: 10,
  },
];
