/**
 * Grafana-managed alert rules: for conditions Prometheus and Loki cannot evaluate alone, such as
 * one over logs and metrics together. A group compiles to two resources with the same rules:
 * - `grafana-rule-group`: the file-provisioning document (contract §3.4), interval as a
 *   duration string and the folder by title;
 * - `grafana-rule-group-api`: the provisioning API's rule group (§3.2–3.3), as
 *   `PUT /api/v1/provisioning/folder/{folderUid}/rule-groups/{group}` takes it, interval in
 *   seconds and the folder by uid.
 * No-data and error states have no defaults here: each rule must choose them.
 */
import { captureSource, type SourceLocation } from '../../model/source.ts';
import { slug, type Resource, type ResourceSource } from '../../model/resource.ts';
import type { AlertSeverity } from '../rules.ts';
import { dedent } from '../promql.ts';

export type NoDataState = 'NoData' | 'Alerting' | 'OK' | 'KeepLast';
export type ExecErrState = 'Error' | 'Alerting' | 'OK' | 'KeepLast';

/** One query or expression of a rule (`data[]`). */
export interface GrafanaRuleQuery {
  refId: string;
  queryType: string;
  relativeTimeRange: { from: number; to: number };
  datasourceUid: string;
  model: Record<string, unknown>;
}

/** A rule's fields common to both formats. */
export interface GrafanaRuleCore {
  uid: string;
  title: string;
  condition: string;
  data: GrafanaRuleQuery[];
  noDataState: NoDataState;
  execErrState: ExecErrState;
  for: string;
  annotations: Record<string, string>;
  labels: Record<string, string>;
  isPaused: boolean;
}

const expressionDs = { type: '__expr__', uid: '__expr__' };

/** Parse `30s`, `1m`, `1h` into seconds; throws naming the value. */
export function durationSeconds(duration: string): number {
  const match = /^(\d+)(s|m|h)$/.exec(duration);
  if (!match) throw new Error(`duration \`${duration}\` is not like 30s, 1m or 1h`);
  return Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h'];
}

/** One Grafana-managed alert rule. */
export class GrafanaRuleBuilder {
  readonly definedAt: SourceLocation = captureSource();
  private uidValue: string;
  private readonly data: GrafanaRuleQuery[] = [];
  private conditionRef: string | undefined;
  private noData: NoDataState | undefined;
  private execErr: ExecErrState | undefined;
  private forValue = '5m';
  private labelValues: Record<string, string> = {};
  private annotationValues: Record<string, string> = {};

  constructor(private readonly title: string) {
    this.uidValue = slug(title);
  }

  /** The rule uid (≤ 40 of `[a-zA-Z0-9-_]`); the slug of the title by default. */
  uid(uid: string): this {
    this.uidValue = uid;
    return this;
  }

  /** An instant PromQL query over the last `rangeSeconds`. */
  prometheus(refId: string, datasourceUid: string, expr: string, rangeSeconds = 600): this {
    const model = { refId, expr: dedent(expr), instant: true, range: false, intervalMs: 1000 };
    return this.query(refId, datasourceUid, rangeSeconds, {
      ...model,
      datasource: { type: 'prometheus', uid: datasourceUid },
    });
  }

  /** An instant LogQL metric query over the last `rangeSeconds`. */
  loki(refId: string, datasourceUid: string, expr: string, rangeSeconds = 600): this {
    const model = { refId, expr: dedent(expr), queryType: 'instant', intervalMs: 1000 };
    return this.query(refId, datasourceUid, rangeSeconds, {
      ...model,
      datasource: { type: 'loki', uid: datasourceUid },
    });
  }

  /** A server-side math expression over earlier refIds, e.g. `$A / $B`. */
  math(refId: string, expression: string): this {
    return this.query(refId, '__expr__', 0, {
      refId,
      type: 'math',
      expression,
      datasource: expressionDs,
    });
  }

  /** A threshold on `input`: fires when `input op value`; becomes the rule's condition. */
  threshold(refId: string, input: string, op: 'gt' | 'lt', value: number): this {
    this.query(refId, '__expr__', 0, {
      refId,
      type: 'threshold',
      expression: input,
      conditions: [{ evaluator: { type: op, params: [value] } }],
      datasource: expressionDs,
    });
    this.conditionRef = refId;
    return this;
  }

  private query(refId: string, ds: string, from: number, model: Record<string, unknown>): this {
    this.data.push({
      refId,
      queryType: '',
      relativeTimeRange: { from, to: 0 },
      datasourceUid: ds,
      model,
    });
    return this;
  }

  /** What the rule does when its queries return nothing; must be chosen for every rule. */
  noDataState(state: NoDataState): this {
    this.noData = state;
    return this;
  }

  /** What the rule does when a query fails; must be chosen for every rule. */
  execErrState(state: ExecErrState): this {
    this.execErr = state;
    return this;
  }

  for(duration: string): this {
    this.forValue = duration;
    return this;
  }

  labels(labels: Record<string, string>): this {
    this.labelValues = { ...this.labelValues, ...labels };
    return this;
  }

  severity(severity: AlertSeverity): this {
    return this.labels({ severity });
  }

  annotations(annotations: Record<string, string>): this {
    this.annotationValues = { ...this.annotationValues, ...annotations };
    return this;
  }

  build(): GrafanaRuleCore {
    const where = `Grafana rule "${this.title}"`;
    if (!this.conditionRef) throw new Error(`${where}: no threshold; call .threshold(...)`);
    if (!this.noData || !this.execErr) {
      throw new Error(`${where}: choose .noDataState(...) and .execErrState(...) deliberately`);
    }
    return {
      uid: this.uidValue,
      title: this.title,
      condition: this.conditionRef,
      data: structuredClone(this.data),
      noDataState: this.noData,
      execErrState: this.execErr,
      for: this.forValue,
      annotations: { ...this.annotationValues },
      labels: { ...this.labelValues },
      isPaused: false,
    };
  }
}

/** A Grafana rule group: a folder, a name, an evaluation interval and its rules. */
export class GrafanaRuleGroupBuilder implements ResourceSource {
  readonly definedAt: SourceLocation = captureSource();
  private folderTitle = 'Alerts';
  private intervalValue = '1m';
  private readonly rules: GrafanaRuleBuilder[] = [];

  constructor(private readonly name: string) {}

  /** The folder, by title; its uid is the slug of the title. */
  folder(title: string): this {
    this.folderTitle = title;
    return this;
  }

  /** Evaluation interval; a multiple of 10s (Grafana's scheduler tick). */
  interval(interval: string): this {
    this.intervalValue = interval;
    return this;
  }

  withRules(rules: GrafanaRuleBuilder[]): this {
    this.rules.push(...rules);
    return this;
  }

  /** The uid of the group's folder. */
  folderUid(): string {
    return slug(this.folderTitle);
  }

  toResources(): Resource[] {
    const seconds = durationSeconds(this.intervalValue);
    if (seconds <= 0 || seconds % 10 !== 0) {
      throw new Error(
        `Grafana rule group "${this.name}": interval \`${this.intervalValue}\` must be a positive multiple of 10s`,
      );
    }
    const rules = this.rules.map((r) => r.build());
    const sources: Record<string, SourceLocation> = {};
    this.rules.forEach((r, i) => (sources[`groups[0].rules[${i}]`] = r.definedAt));
    const apiSources: Record<string, SourceLocation> = {};
    this.rules.forEach((r, i) => (apiSources[`rules[${i}]`] = r.definedAt));
    const id = `${this.folderUid()}/${this.name}`;

    const fileBody = {
      apiVersion: 1,
      groups: [
        {
          orgId: 1,
          name: this.name,
          folder: this.folderTitle,
          interval: this.intervalValue,
          rules,
        },
      ],
    };
    const apiBody = {
      title: this.name,
      folderUid: this.folderUid(),
      interval: seconds,
      rules: rules.map((rule) => ({
        ...rule,
        orgID: 1,
        folderUID: this.folderUid(),
        ruleGroup: this.name,
      })),
    };
    const common = { target: 'grafana' as const, id, title: this.name, source: this.definedAt };
    const placement = { folder: this.folderTitle };
    return [
      { ...common, kind: 'grafana-rule-group', body: fileBody, placement, sources },
      { ...common, kind: 'grafana-rule-group-api', body: apiBody, placement, sources: apiSources },
    ];
  }
}

/** Start a Grafana-managed rule group. */
export function grafanaRuleGroup(name: string): GrafanaRuleGroupBuilder {
  return new GrafanaRuleGroupBuilder(name);
}

/** Start a Grafana-managed alert rule. */
export function grafanaRule(title: string): GrafanaRuleBuilder {
  return new GrafanaRuleBuilder(title);
}
