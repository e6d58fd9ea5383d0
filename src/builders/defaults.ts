/**
 * Panel and dashboard defaults, in one place: change a default here and every dashboard follows.
 */

export const dashboardDefaults = {
  folder: 'Virtual Pet',
  timezone: 'browser',
  refresh: '30s',
  timeFrom: 'now-6h',
} as const;

export const panelDefaults = {
  /** Grid height of a graph panel, in grid rows. */
  height: 8,
  /** Grid width of a graph panel (of 24 columns). */
  span: 8,
  /** Height of a single-number (stat) panel. */
  statHeight: 4,
  statSpan: 4,
  lineWidth: 1,
  fillOpacity: 10,
  /** Lines a logs panel asks Loki for. */
  maxLogLines: 500,
} as const;
