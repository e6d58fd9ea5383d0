/**
 * An in-process stand-in for Kafka — NOT a Kafka client. It delivers each message to every
 * subscribed consumer group of its topic, asynchronously and in order per group, and keeps what
 * was sent per topic so the sample (and its tests) can look. No broker, no partitions, no
 * offsets, no persistence: a process restart loses everything. It exists so the sample's event
 * path runs where no broker does; a real service passes a Kafka producer's send instead.
 */
import type { EventMessage } from '../../src/kit/index.ts';

type Subscriber = (message: EventMessage) => Promise<unknown>;

export class InProcessKafkaStandIn {
  private readonly groups = new Map<string, Map<string, Subscriber>>();
  private readonly queues = new Map<string, Promise<unknown>>();
  /** Every message sent, by topic. */
  readonly sent = new Map<string, EventMessage[]>();

  /** The send function a kit producer takes. */
  readonly send = async (message: EventMessage): Promise<void> => {
    const copy = structuredClone(message);
    this.sent.set(copy.topic, [...(this.sent.get(copy.topic) ?? []), copy]);
    for (const [group, subscriber] of this.groups.get(copy.topic) ?? []) {
      const key = `${copy.topic}\u0000${group}`;
      const previous = this.queues.get(key) ?? Promise.resolve();
      const next = previous.then(() => subscriber(copy)).catch(() => undefined);
      this.queues.set(key, next);
    }
  };

  /** Deliver every future message of `topic` to `subscriber` as consumer group `group`. */
  subscribe(topic: string, group: string, subscriber: Subscriber): void {
    const groups = this.groups.get(topic) ?? new Map<string, Subscriber>();
    groups.set(group, subscriber);
    this.groups.set(topic, groups);
  }

  /** Resolves when every message sent so far has been handled. */
  async drain(): Promise<void> {
    await Promise.all(this.queues.values());
  }
}
