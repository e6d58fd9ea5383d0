/**
 * Types of the platform catalog: the one description of the observed system that every
 * dashboard, alert, agent and retention definition reads. The data lives in `platform/catalog.ts`.
 */

/** How a service does its work; decides which panels and alerts it gets. */
export type ServiceKind = 'http-api' | 'kafka-consumer' | 'worker';

/** A notification channel a team can be paged or ticketed through. */
export type Channel =
  | { type: 'slack'; channel: string; webhookEnv: string }
  | { type: 'email'; to: string }
  | { type: 'pagerduty'; routingKeyEnv: string }
  | { type: 'webhook'; url: string };

/** A team that owns services and receives their alerts. */
export interface Team {
  /** Stable identifier, used in labels (`team="pets"`) and receiver names. */
  name: string;
  /** Human title shown in dashboards and notifications. */
  title: string;
  /** Where critical alerts (pages) go first. */
  primary: Channel;
  /** Where critical alerts still arrive when the primary channel fails. */
  fallback: Channel;
  /** Where warnings (tickets) go. */
  tickets: Channel;
  /** Optional: recurring windows in which the team's tickets (warnings) are muted. */
  maintenance?: MaintenanceWindow[];
}

/** A weekly window, in UTC, e.g. planned maintenance (`weekdays: ['tuesday']`, 02:00–04:00). */
export interface MaintenanceWindow {
  /** Identifier, unique per team; becomes part of the mute timing name. */
  name: string;
  /** Lower-case weekday names or ranges (`monday:friday`), as Alertmanager spells them. */
  weekdays: string[];
  /** `HH:MM`, UTC. */
  startTime: string;
  /** `HH:MM`, UTC; `24:00` for the end of the day. */
  endTime: string;
}

/** A service level objective, evaluated over a rolling window. */
export type Slo =
  | {
      kind: 'availability';
      /** Fraction of requests (or events) that must succeed, e.g. 0.999. */
      objective: number;
      /** Rolling window in days. */
      windowDays: number;
    }
  | {
      kind: 'latency';
      /** Fraction of requests that must be faster than `thresholdSeconds`. */
      objective: number;
      /** Must match a histogram bucket boundary of the kit's latency histogram. */
      thresholdSeconds: number;
      windowDays: number;
    };

/** Expected load of one service instance, for storage estimates and capacity panels. */
export interface Volume {
  /** Log lines written per second per instance. */
  logLinesPerSecond: number;
  /** Average size of one log line in bytes. */
  bytesPerLogLine: number;
  /** Active Prometheus series exposed per instance. */
  seriesPerInstance: number;
  /** Spans per second per instance sent to Tempo. */
  spansPerSecond: number;
}

/** Resource limits of one instance, the ceilings that capacity forecasts aim at. */
export interface Limits {
  cpuCores: number;
  memoryBytes: number;
  diskBytes: number;
}

/** One microservice of the platform. */
export interface Service {
  /** Identifier: the `service` label, the log `service` field, the dashboard uid suffix. */
  name: string;
  title: string;
  kind: ServiceKind;
  /** Owning team, by `Team.name`. */
  team: string;
  description: string;
  /** Port of the `/metrics` endpoint (and HTTP API, for http-api services). */
  port: number;
  /** Instances per environment (hosts the agents and scrape config address). */
  replicas: number;
  /** HTTP route templates (http-api services) — the `route` label values. */
  routes?: string[];
  /** Services this one calls over HTTP. */
  dependsOn?: string[];
  slos: Slo[];
  volume: Volume;
  limits: Limits;
  /** Where the service writes its log files on its host; agents tail this. */
  logPath: string;
}

/** A Kafka topic with who writes and who reads it. */
export interface Topic {
  name: string;
  description: string;
  partitions: number;
  /** Services that produce to this topic. */
  producers: string[];
  /** Consumer groups reading this topic, with the service that runs each. */
  consumers: { group: string; service: string }[];
  /** Dead-letter topic for events that failed processing, if any. */
  deadLetter?: string;
  /** Consumer lag (messages) above which the owning team is warned. */
  maxLag: number;
}

/** The whole platform. */
export interface Catalog {
  platform: string;
  teams: Team[];
  services: Service[];
  topics: Topic[];
  /** Name of the dead-letter topic every consumer writes failed events to. */
  deadLetterTopic: string;
  /** Optional: Kafka cluster facts alerts compare against (e.g. the expected broker count). */
  kafka?: { brokers: number };
  /** Optional: where the always-firing Watchdog alert is sent (a dead man's switch service). */
  heartbeat?: Channel;
}
