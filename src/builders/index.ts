/** Everything a definition file imports: `import { dashboard, timeseries, … } from '../src/builders/index.ts'`. */
export * from './dashboard.ts';
export * from './panels.ts';
export * from './promql.ts';
export * from './rules.ts';
export * from './resource.ts';
export { suppressed } from './suppress.ts';
export { dashboardDefaults, panelDefaults } from './defaults.ts';
export * from './alerting/index.ts';
export * from './agents/index.ts';
export * from './retention/index.ts';
