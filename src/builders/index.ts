/** Everything a definition file imports: `import { dashboard, timeseries, … } from '../src/builders/index.ts'`. */
export * from './dashboard.ts';
export * from './panels.ts';
export * from './promql.ts';
export * from './rules.ts';
export * from './resource.ts';
export { dashboardDefaults, panelDefaults } from './defaults.ts';
