/**
 * The Virtual Pet platform, described once. Every per-service dashboard, alert, scrape job,
 * log-shipping agent and retention estimate is generated from this file: adding a service here
 * is all it takes to observe it.
 */
import type { Catalog, Limits, Volume } from '../src/model/catalog.ts';

const GiB = 1024 ** 3;

const smallHttp: Volume = {
  logLinesPerSecond: 20,
  bytesPerLogLine: 400,
  seriesPerInstance: 1200,
  spansPerSecond: 30,
};
const consumer: Volume = {
  logLinesPerSecond: 10,
  bytesPerLogLine: 450,
  seriesPerInstance: 800,
  spansPerSecond: 15,
};
const standard: Limits = { cpuCores: 1, memoryBytes: 1 * GiB, diskBytes: 20 * GiB };

export const catalog: Catalog = {
  platform: 'virtual-pet',
  deadLetterTopic: 'pet.dead-letter',
  kafka: { brokers: 3 },
  heartbeat: { type: 'webhook', url: 'https://deadman.virtualpet.example/ping/virtual-pet' },

  teams: [
    {
      name: 'platform',
      title: 'Platform team',
      primary: { type: 'pagerduty', routingKeyEnv: 'PAGERDUTY_PLATFORM_KEY' },
      fallback: { type: 'email', to: 'platform-oncall@virtualpet.example' },
      tickets: { type: 'slack', channel: '#platform-alerts', webhookEnv: 'SLACK_PLATFORM_WEBHOOK' },
      maintenance: [
        { name: 'weekly-patching', weekdays: ['tuesday'], startTime: '02:00', endTime: '04:00' },
      ],
    },
    {
      name: 'pets',
      title: 'Pets team',
      primary: { type: 'pagerduty', routingKeyEnv: 'PAGERDUTY_PETS_KEY' },
      fallback: { type: 'email', to: 'pets-oncall@virtualpet.example' },
      tickets: { type: 'slack', channel: '#pets-alerts', webhookEnv: 'SLACK_PETS_WEBHOOK' },
    },
    {
      name: 'engagement',
      title: 'Engagement team',
      primary: { type: 'pagerduty', routingKeyEnv: 'PAGERDUTY_ENGAGEMENT_KEY' },
      fallback: { type: 'email', to: 'engagement-oncall@virtualpet.example' },
      tickets: {
        type: 'slack',
        channel: '#engagement-alerts',
        webhookEnv: 'SLACK_ENGAGEMENT_WEBHOOK',
      },
    },
  ],

  services: [
    {
      name: 'gateway',
      title: 'API gateway',
      kind: 'http-api',
      team: 'platform',
      description: 'Public HTTP entry point; authenticates and routes requests to the services.',
      port: 8080,
      replicas: 2,
      routes: ['/api/users/:id', '/api/pets', '/api/pets/:id', '/api/pets/:id/care', '/healthz'],
      dependsOn: ['users', 'pets', 'care'],
      slos: [
        { kind: 'availability', objective: 0.999, windowDays: 30 },
        { kind: 'latency', objective: 0.99, thresholdSeconds: 0.5, windowDays: 30 },
      ],
      volume: { ...smallHttp, logLinesPerSecond: 60 },
      limits: standard,
      logPath: '/var/log/virtual-pet/gateway/*.log',
    },
    {
      name: 'users',
      title: 'Users service',
      kind: 'http-api',
      team: 'platform',
      description: 'Accounts, profiles and sessions of pet owners.',
      port: 8081,
      replicas: 2,
      routes: ['/users', '/users/:id', '/sessions'],
      slos: [{ kind: 'availability', objective: 0.999, windowDays: 30 }],
      volume: smallHttp,
      limits: standard,
      logPath: '/var/log/virtual-pet/users/*.log',
    },
    {
      name: 'pets',
      title: 'Pets service',
      kind: 'http-api',
      team: 'pets',
      description: 'Adopts pets and keeps their state; publishes pet events.',
      port: 8082,
      replicas: 3,
      routes: ['/pets', '/pets/:id', '/pets/:id/state'],
      dependsOn: ['users'],
      slos: [
        { kind: 'availability', objective: 0.995, windowDays: 30 },
        { kind: 'latency', objective: 0.95, thresholdSeconds: 0.25, windowDays: 30 },
      ],
      volume: smallHttp,
      limits: { ...standard, memoryBytes: 2 * GiB },
      logPath: '/var/log/virtual-pet/pets/*.log',
    },
    {
      name: 'care',
      title: 'Care service',
      kind: 'http-api',
      team: 'pets',
      description: 'Feeding, playing and cleaning actions; publishes care events.',
      port: 8083,
      replicas: 2,
      routes: ['/care/:petId/feed', '/care/:petId/play', '/care/:petId/clean'],
      dependsOn: ['pets'],
      slos: [{ kind: 'availability', objective: 0.995, windowDays: 30 }],
      volume: smallHttp,
      limits: standard,
      logPath: '/var/log/virtual-pet/care/*.log',
    },
    {
      name: 'pet-state',
      title: 'Pet state updater',
      kind: 'kafka-consumer',
      team: 'pets',
      description: 'Consumes care events and updates hunger, happiness and health of pets.',
      port: 9101,
      replicas: 2,
      slos: [{ kind: 'availability', objective: 0.99, windowDays: 30 }],
      volume: consumer,
      limits: standard,
      logPath: '/var/log/virtual-pet/pet-state/*.log',
    },
    {
      name: 'notifications',
      title: 'Notifications service',
      kind: 'kafka-consumer',
      team: 'engagement',
      description: 'Consumes pet events and notifies owners by push and e-mail.',
      port: 9102,
      replicas: 2,
      slos: [{ kind: 'availability', objective: 0.99, windowDays: 30 }],
      volume: consumer,
      limits: standard,
      logPath: '/var/log/virtual-pet/notifications/*.log',
    },
    {
      name: 'scheduler',
      title: 'Pet life scheduler',
      kind: 'worker',
      team: 'pets',
      description:
        'Ticks every pet periodically (hunger grows, pets get sleepy); emits tick events.',
      port: 9103,
      replicas: 1,
      slos: [],
      volume: { ...consumer, logLinesPerSecond: 5 },
      limits: standard,
      logPath: '/var/log/virtual-pet/scheduler/*.log',
    },
  ],

  topics: [
    {
      name: 'pet.events',
      description: 'Pet lifecycle: adopted, renamed, state changed, released.',
      partitions: 6,
      producers: ['pets', 'scheduler'],
      consumers: [{ group: 'notifications-pet-events', service: 'notifications' }],
      deadLetter: 'pet.dead-letter',
      maxLag: 1000,
    },
    {
      name: 'care.events',
      description: 'Care actions taken by owners: fed, played, cleaned.',
      partitions: 6,
      producers: ['care'],
      consumers: [{ group: 'pet-state-care-events', service: 'pet-state' }],
      deadLetter: 'pet.dead-letter',
      maxLag: 1000,
    },
    {
      name: 'notifications.outbox',
      description: 'Notifications waiting for delivery by push or e-mail.',
      partitions: 3,
      producers: ['notifications'],
      consumers: [{ group: 'notifications-delivery', service: 'notifications' }],
      deadLetter: 'pet.dead-letter',
      maxLag: 500,
    },
    {
      name: 'pet.dead-letter',
      description: 'Events that failed processing after all retries, kept for inspection.',
      partitions: 1,
      producers: ['pet-state', 'notifications'],
      consumers: [],
      maxLag: 0,
    },
  ],
};
