/**
 * SLO series for every SLO of the catalog, labelled `service` and `slo`:
 * - `slo:sli_error:ratio_rate<window>`: share of bad events over each burn-rate window;
 * - `slo:objective:ratio`: the objective itself, for dashboards;
 * - `slo:error_budget_remaining:ratio`: the share of the error budget of the SLO window left
 *   (1 untouched, 0 spent, negative overspent), which the overview dashboard shows.
 */
import { catalog } from '../platform/catalog.ts';
import type { Service, Slo } from '../src/model/catalog.ts';
import {
  prometheusRuleGroup,
  recordingRule,
  selector,
  type RecordingRuleBuilder,
} from '../src/builders/index.ts';
import { sloRecorded } from './lib/names.ts';
import { sliErrorRatio, sloName, sloWindows, type SloWindow } from './lib/sli.ts';

/** The rules of one SLO, by role, so unit tests can name each. */
export interface SloRules {
  service: Service;
  slo: Slo;
  windows: Record<SloWindow, RecordingRuleBuilder>;
  objective: RecordingRuleBuilder;
  budgetRemaining: RecordingRuleBuilder;
}

function rulesOf(service: Service, slo: Slo): SloRules {
  const labels = { service: service.name, slo: sloName(slo) };
  const windows = Object.fromEntries(
    sloWindows.map((w) => [
      w,
      recordingRule(sloRecorded.errorRatio(w))
        .expr(sliErrorRatio(service, slo, w))
        .labels(labels),
    ]),
  ) as Record<SloWindow, RecordingRuleBuilder>;

  // The budget uses the mean of the 5m ratio over the SLO window: a 30d rate of the raw
  // counters at every evaluation would read a month of samples each time.
  const short = selector(sloRecorded.errorRatio('5m'), labels);
  const budget = `1 - avg_over_time(${short}[${slo.windowDays}d]) / (1 - ${slo.objective})`;
  return {
    service,
    slo,
    windows,
    objective: recordingRule(sloRecorded.objective).expr(`vector(${slo.objective})`).labels(labels),
    budgetRemaining: recordingRule(sloRecorded.budgetRemaining).expr(budget).labels(labels),
  };
}

export const sloRules: SloRules[] = catalog.services.flatMap((service) =>
  service.slos.map((slo) => rulesOf(service, slo)),
);

export const sliGroup = prometheusRuleGroup('slo-sli')
  .namespace('slo')
  .withRules(sloRules.flatMap((r) => Object.values(r.windows)));

export const budgetGroup = prometheusRuleGroup('slo-error-budget')
  .namespace('slo')
  .withRules(sloRules.flatMap((r) => [r.objective, r.budgetRemaining]));

export default [sliGroup, budgetGroup];
