/**
 * Multi-window, multi-burn-rate alerts for every SLO of the catalog. The burn rate is how many
 * times faster than allowed the error budget is spent; both a long and a short window must
 * exceed it, so the alert starts fast and stops soon after the problem does.
 * - page (critical): 14.4× over 1h and 5m (2% of a 30-day budget in an hour), or 6× over 6h
 *   and 30m (5% in six hours);
 * - ticket (warning): 3× over 1d and 2h, or 1× over 3d and 6h.
 */
import { selector, type AlertRuleBuilder } from '../src/builders/index.ts';
import { prometheusRuleGroup } from '../src/builders/index.ts';
import { sloRecorded } from '../recording-rules/lib/names.ts';
import { sloName, type SloWindow } from '../recording-rules/lib/sli.ts';
import { sloRules, type SloRules } from '../recording-rules/slo.ts';
import { serviceAlert } from './lib/alert.ts';

/** A burn-rate condition: both windows above `factor` times the error budget. */
export interface BurnWindow {
  factor: number;
  long: SloWindow;
  short: SloWindow;
}

export const pageBurns: BurnWindow[] = [
  { factor: 14.4, long: '1h', short: '5m' },
  { factor: 6, long: '6h', short: '30m' },
];
export const ticketBurns: BurnWindow[] = [
  { factor: 3, long: '1d', short: '2h' },
  { factor: 1, long: '3d', short: '6h' },
];

function burnExpr(rules: SloRules, burns: BurnWindow[]): string {
  const labels = { service: rules.service.name, slo: sloName(rules.slo) };
  const budget = `(1 - ${rules.slo.objective})`;
  const window = (w: SloWindow, factor: number) =>
    `${selector(sloRecorded.errorRatio(w), labels)} > (${factor} * ${budget})`;
  return burns
    .map((b) => `(\n  ${window(b.long, b.factor)}\n  and\n  ${window(b.short, b.factor)}\n)`)
    .join('\nor\n');
}

/** The two alerts of one SLO. */
export interface SloAlerts {
  rules: SloRules;
  fastBurn: AlertRuleBuilder;
  slowBurn: AlertRuleBuilder;
}

function alertsOf(rules: SloRules): SloAlerts {
  const { service, slo } = rules;
  const what = `${service.title} ${slo.kind} SLO (${slo.objective * 100}% over ${slo.windowDays}d)`;
  const labels = { slo: sloName(slo) };
  return {
    rules,
    fastBurn: serviceAlert('SloFastBurn', service)
      .expr(burnExpr(rules, pageBurns))
      .for('2m')
      .severity('critical')
      .labels(labels)
      .summary(`${what}: error budget burning fast`)
      .description(
        `At this rate the ${slo.windowDays}-day error budget of the ${what} is gone within ` +
          'days (burn rate above 14.4× over 1h, or above 6× over 6h). Users are affected now.',
      ),
    slowBurn: serviceAlert('SloSlowBurn', service)
      .expr(burnExpr(rules, ticketBurns))
      .for('15m')
      .severity('warning')
      .labels(labels)
      .summary(`${what}: error budget burning steadily`)
      .description(
        `The ${what} spends its error budget faster than it refills (burn rate above 3× over ` +
          '1d, or above 1× over 3d). Plan a fix before the budget runs out.',
      ),
  };
}

export const sloAlerts: SloAlerts[] = sloRules.map(alertsOf);

export const sloAlertGroup = prometheusRuleGroup('slo-burn-rate')
  .namespace('slo')
  .withRules(sloAlerts.flatMap((a) => [a.fastBurn, a.slowBurn]));

export default sloAlertGroup;
