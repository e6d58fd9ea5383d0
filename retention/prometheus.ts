/**
 * How long Prometheus keeps metrics: longer than the longest SLO window (30 days) and every
 * range an alert or recording rule queries, with a size limit as a safety net well above the
 * storage estimate. Deployed to Debian's Prometheus 2.42, so it compiles to flags.
 */
import { prometheusRetention } from '../src/builders/index.ts';

const GiB = 1024 ** 3;

export default prometheusRetention('prometheus')
  .time('35d')
  .size(16 * GiB)
  .version('2.42.0');
