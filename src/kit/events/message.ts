/**
 * The event message the kit produces and consumes, independent of the Kafka client: a topic, an
 * optional key, a JSON value and string headers. Adapting a real client (kafkajs, node-rdkafka)
 * means mapping its message to this shape and its send function to `Transport`.
 */

export interface EventMessage {
  topic: string;
  key?: string;
  /** The event payload (JSON-serialisable). */
  value: unknown;
  /** String headers: `traceparent`, `tracestate` and the kit's `vp-*` headers. */
  headers: Record<string, string>;
}

/** Delivers one message to its topic (a Kafka producer's send, or an in-process stand-in). */
export type Transport = (message: EventMessage) => Promise<void>;
