/** Log shipping agents: one model (`logShipping`), rendered for Promtail and for Alloy. */
export * from './shipping.ts';
export * from './promtail.ts';
export * from './alloy.ts';
export * from './window.ts';
export { river, renderRiver, RiverExpr } from './river.ts';
export type { RiverBlock, RiverStatement, RiverValue } from './river.ts';
