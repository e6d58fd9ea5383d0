/**
 * Builders for Prometheus and Loki rule groups, which the foundation SDK does not cover.
 * They produce the `rulefmt` shape both servers (and the Mimir and Loki rulers) read:
 * `{ name, interval?, rules: [{ alert | record, expr, for?, labels?, annotations? }] }`.
 */
import { captureSource, type SourceLocation } from '../model/source.ts';
import type {
  Resource,
  ResourceKind,
  ResourceSource,
  Suppression,
  Target,
} from '../model/resource.ts';
import { dedent } from './promql.ts';
import { suppression } from './suppress.ts';

/** One rule as Prometheus's rule file format spells it. */
export interface RuleBody {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  keep_firing_for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** A rule group as the rule file format spells it. */
export interface RuleGroupBody {
  name: string;
  interval?: string;
  limit?: number;
  rules: RuleBody[];
}

/** Alert severities, routed by `alerts/routing.ts`: critical pages, warning tickets. */
export type AlertSeverity = 'critical' | 'warning' | 'info';

abstract class RuleBuilder {
  readonly definedAt: SourceLocation = captureSource();
  protected body: RuleBody;
  /** Lint findings accepted on this rule; read by the group. */
  readonly suppressions: Suppression[] = [];

  protected constructor(head: Pick<RuleBody, 'alert' | 'record'>) {
    this.body = { ...head, expr: '' };
  }

  /** The query; a multi-line template literal is dedented. */
  expr(expr: string): this {
    this.body.expr = dedent(expr);
    return this;
  }

  /** Labels added to the result (alerts: used by routing). */
  labels(labels: Record<string, string>): this {
    this.body.labels = { ...this.body.labels, ...labels };
    return this;
  }

  /** Accept lint finding `rule` on this rule, for `reason` (required). */
  suppress(rule: string, reason: string): this {
    this.suppressions.push(suppression(rule, reason));
    return this;
  }

  build(): RuleBody {
    return structuredClone(this.body);
  }
}

/** An alerting rule. */
export class AlertRuleBuilder extends RuleBuilder {
  constructor(name: string) {
    super({ alert: name });
  }

  /** How long the condition must hold before the alert fires, e.g. `5m`. */
  for(duration: string): this {
    this.body.for = duration;
    return this;
  }

  /** Keep firing this long after the condition clears (Prometheus ≥ 2.42). */
  keepFiringFor(duration: string): this {
    this.body.keep_firing_for = duration;
    return this;
  }

  severity(severity: AlertSeverity): this {
    return this.labels({ severity });
  }

  annotations(annotations: Record<string, string>): this {
    this.body.annotations = { ...this.body.annotations, ...annotations };
    return this;
  }

  /** One line a person reads in the notification title. */
  summary(summary: string): this {
    return this.annotations({ summary });
  }

  /** What is happening and what it affects; may use `{{ $labels.x }}` and `{{ $value }}`. */
  description(description: string): this {
    return this.annotations({ description: dedent(description) });
  }

  runbook(url: string): this {
    return this.annotations({ runbook_url: url });
  }

  /** Link to the dashboard that shows the problem. */
  dashboard(url: string): this {
    return this.annotations({ dashboard_url: url });
  }
}

/** A recording rule; name it `level:metric:operations`. */
export class RecordingRuleBuilder extends RuleBuilder {
  constructor(name: string) {
    super({ record: name });
  }
}

/** Start an alerting rule. */
export function alertRule(name: string): AlertRuleBuilder {
  return new AlertRuleBuilder(name);
}

/** Start a recording rule. */
export function recordingRule(name: string): RecordingRuleBuilder {
  return new RecordingRuleBuilder(name);
}

abstract class RuleGroupBuilder implements ResourceSource {
  readonly definedAt: SourceLocation = captureSource();
  protected namespaceValue = 'virtual-pet';
  protected intervalValue: string | undefined;
  protected readonly rules: RuleBuilder[] = [];
  private readonly suppressions: Suppression[] = [];

  protected constructor(
    protected readonly name: string,
    private readonly kind: ResourceKind,
    private readonly target: Target,
  ) {}

  /** The rule namespace: the rule file name on disk, the namespace on a ruler API. */
  namespace(namespace: string): this {
    this.namespaceValue = namespace;
    return this;
  }

  /** Evaluation interval; the server's global interval when unset. */
  interval(interval: string): this {
    this.intervalValue = interval;
    return this;
  }

  /** Accept lint finding `rule` on the whole group, for `reason` (required). */
  suppress(rule: string, reason: string): this {
    this.suppressions.push(suppression(rule, reason));
    return this;
  }

  withRule(rule: RuleBuilder): this {
    this.rules.push(rule);
    return this;
  }

  withRules(rules: RuleBuilder[]): this {
    this.rules.push(...rules);
    return this;
  }

  protected placement(): Resource['placement'] {
    return { namespace: this.namespaceValue };
  }

  build(): RuleGroupBody {
    const body: RuleGroupBody = { name: this.name, rules: this.rules.map((r) => r.build()) };
    if (this.intervalValue) body.interval = this.intervalValue;
    return body;
  }

  toResources(): Resource[] {
    const sources: Record<string, SourceLocation> = {};
    this.rules.forEach((rule, index) => (sources[`rules[${index}]`] = rule.definedAt));
    const suppressions = [
      ...this.suppressions,
      ...this.rules.flatMap((rule, index) =>
        rule.suppressions.map((s) => ({ ...s, path: `rules[${index}]` })),
      ),
    ];
    return [
      {
        kind: this.kind,
        target: this.target,
        id: `${this.namespaceValue}/${this.name}`,
        title: this.name,
        body: this.build(),
        source: this.definedAt,
        placement: this.placement(),
        sources,
        ...(suppressions.length ? { suppressions } : {}),
      },
    ];
  }
}

/** A Prometheus (or Mimir ruler) rule group of PromQL rules. */
export class PrometheusRuleGroupBuilder extends RuleGroupBuilder {
  constructor(name: string) {
    super(name, 'prometheus-rule-group', 'prometheus');
  }
}

/** A Loki ruler rule group of LogQL rules. */
export class LokiRuleGroupBuilder extends RuleGroupBuilder {
  private tenantValue = 'fake';

  constructor(name: string) {
    super(name, 'loki-rule-group', 'loki');
  }

  /** The Loki tenant (`X-Scope-OrgID`); `fake` when Loki runs without multi-tenancy. */
  tenant(tenant: string): this {
    this.tenantValue = tenant;
    return this;
  }

  protected override placement(): Resource['placement'] {
    return { namespace: this.namespaceValue, tenant: this.tenantValue };
  }
}

/** Start a Prometheus rule group. */
export function prometheusRuleGroup(name: string): PrometheusRuleGroupBuilder {
  return new PrometheusRuleGroupBuilder(name);
}

/** Start a Loki rule group. */
export function lokiRuleGroup(name: string): LokiRuleGroupBuilder {
  return new LokiRuleGroupBuilder(name);
}
