/** Build the adapter for each target of an environment, by the target's mode. */
import path from 'node:path';
import type { Environment } from '../model/environment.ts';
import type { PushTarget } from './config.ts';
import type { HttpClient } from './http.ts';
import { alertmanagerFilesAdapter } from './targets/alertmanager-files.ts';
import { alertmanagerMimirAdapter } from './targets/alertmanager-mimir.ts';
import { grafanaAdapter } from './targets/grafana.ts';
import { ruleFilesAdapter } from './targets/rule-files.ts';
import { rulerAdapter } from './targets/ruler.ts';
import type { Adapter, AdapterContext } from './targets/types.ts';

/** Settings shared by every adapter of one push. */
export type SharedContext = Omit<AdapterContext, 'client'>;

/** The adapter for `target`; the environment was checked by `checkEnvironment` before. */
export function createAdapter(
  target: PushTarget,
  shared: SharedContext,
  client: HttpClient,
): Adapter {
  const context: AdapterContext = { ...shared, client };
  const environment: Environment = shared.environment;
  switch (target) {
    case 'grafana':
      return grafanaAdapter(context);
    case 'prometheus': {
      const config = environment.prometheus;
      if (config.mode === 'files') return ruleFilesAdapter(context, config.rulesDir);
      return rulerAdapter(context, {
        target: 'prometheus',
        kind: 'prometheus-rule-group',
        basePath: '/prometheus/config/v1/rules',
        tenant: config.tenant,
        ...(config.prefix !== undefined ? { prefix: config.prefix } : {}),
      });
    }
    case 'loki': {
      const config = environment.loki;
      if (config.mode === 'files') {
        const dir = path.join(config.rulesDir, config.tenant);
        return ruleFilesAdapter(context, dir, {
          target: 'loki',
          kind: 'loki-rule-group',
          reload: false,
        });
      }
      return rulerAdapter(context, {
        target: 'loki',
        kind: 'loki-rule-group',
        basePath: '/loki/api/v1/rules',
        tenant: config.tenant,
        ...(config.mode === 'ruler' && config.prefix !== undefined
          ? { prefix: config.prefix }
          : {}),
      });
    }
    case 'alertmanager': {
      const config = environment.alertmanager;
      if (config.mode === 'mimir') return alertmanagerMimirAdapter(context, config.tenant);
      return alertmanagerFilesAdapter(context, config.configFile);
    }
  }
}
