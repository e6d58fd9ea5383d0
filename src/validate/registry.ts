/** Every check the build runs, in order. Add a check: write it in `checks/`, list it here. */
import type { Check } from './check.ts';
import { panelDatasource } from './checks/panel-datasource.ts';

export const checks: Check[] = [panelDatasource];
