import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Traffic counted on the hot path as plain numbers: one broadcast to a thousand clients adds a
 * thousand sends, too many to route through a metric object each. The exposition reads them.
 */
export class TrafficCounters {
  /** Messages received from clients, by message kind. */
  readonly messagesIn = new Map<string, number>();
  /** Bytes received from clients. */
  bytesIn = 0;
  /** Messages sent to clients. */
  messagesOut = 0;
  /** Bytes sent to clients. */
  bytesOut = 0;

  /** Counts one message of `kind` and `bytes` bytes received from a client. */
  received(kind: string, bytes: number): void {
    this.messagesIn.set(kind, (this.messagesIn.get(kind) ?? 0) + 1);
    this.bytesIn += bytes;
  }

  /** Counts `messages` messages (one unless given) of `bytes` bytes together sent to a client. */
  sent(bytes: number, messages = 1): void {
    this.messagesOut += messages;
    this.bytesOut += bytes;
  }
}

/** What {@link RelayMetrics} reads when it is scraped. */
export interface MetricSources {
  /** Open client connections. */
  connections(): number;
  /** Documents held in memory. */
  documentsLoaded(): number;
}

/**
 * The relay's Prometheus metrics (prom-client), in a registry of their own so that several relays
 * in one process (tests, benchmarks) do not share counters. Names start with `allmende_relay_`.
 */
export class RelayMetrics {
  /** The registry served at `/metrics`. */
  readonly registry = new Registry();
  /** Traffic in and out, counted cheaply and exposed as counters. */
  readonly traffic = new TrafficCounters();
  /** Seconds from receiving an update to having it merged and sent to the document's other clients. */
  readonly updateApplySeconds: Histogram;
  /** Seconds one append took to become durable in the database. */
  readonly persistSeconds: Histogram;
  /** Client messages refused or dropped, by reason. */
  readonly rejectedMessages: Counter<'reason'>;
  /** Connections the relay closed for their own sake, by reason (`too_slow`: a client that did not read). */
  readonly closedConnections: Counter<'reason'>;
  /** Failed Redis commands and connection errors. */
  readonly redisErrors: Counter;
  /** Failed database queries and connection errors. */
  readonly databaseErrors: Counter;

  /** Registers every metric; with `processMetrics`, also prom-client's process and Node.js metrics (once per process). */
  constructor(sources: MetricSources, options: { processMetrics?: boolean } = {}) {
    const registers = [this.registry];
    new Gauge({ name: 'allmende_relay_connections', help: 'Open client connections.', registers, collect() { this.set(sources.connections()); } });
    new Gauge({ name: 'allmende_relay_documents_loaded', help: 'Documents held in memory.', registers, collect() { this.set(sources.documentsLoaded()); } });
    const traffic = this.traffic;
    const seenIn = new Map<string, number>();
    new Counter({
      name: 'allmende_relay_messages_received_total',
      help: 'Messages received from clients, by kind (sync, update, awareness, query-awareness, unknown).',
      labelNames: ['kind'],
      registers,
      collect() {
        for (const [kind, count] of traffic.messagesIn) {
          this.inc({ kind }, count - (seenIn.get(kind) ?? 0));
          seenIn.set(kind, count);
        }
      },
    });
    let seen = { bytesIn: 0, messagesOut: 0, bytesOut: 0 };
    const deltaCounter = (name: string, help: string, read: () => number, key: keyof typeof seen): void => {
      new Counter({
        name,
        help,
        registers,
        collect() {
          const now = read();
          this.inc(now - seen[key]);
          seen = { ...seen, [key]: now };
        },
      });
    };
    deltaCounter('allmende_relay_received_bytes_total', 'Bytes received from clients.', () => traffic.bytesIn, 'bytesIn');
    deltaCounter('allmende_relay_messages_sent_total', 'Messages sent to clients.', () => traffic.messagesOut, 'messagesOut');
    deltaCounter('allmende_relay_sent_bytes_total', 'Bytes sent to clients.', () => traffic.bytesOut, 'bytesOut');
    const buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];
    this.updateApplySeconds = new Histogram({
      name: 'allmende_relay_update_apply_seconds',
      help: 'Time from receiving a document update to having stored, merged and forwarded it.',
      buckets,
      registers,
    });
    this.persistSeconds = new Histogram({
      name: 'allmende_relay_persist_seconds',
      help: 'Time one update append took to become durable in the database.',
      buckets,
      registers,
    });
    this.rejectedMessages = new Counter({
      name: 'allmende_relay_rejected_messages_total',
      help: 'Client messages refused (the connection closed) or dropped, by reason.',
      labelNames: ['reason'],
      registers,
    });
    this.closedConnections = new Counter({
      name: 'allmende_relay_closed_connections_total',
      help: 'Connections the relay closed for their own sake, by reason (too_slow: the client did not read what was sent to it).',
      labelNames: ['reason'],
      registers,
    });
    this.redisErrors = new Counter({ name: 'allmende_relay_redis_errors_total', help: 'Failed Redis commands and connection errors.', registers });
    this.databaseErrors = new Counter({ name: 'allmende_relay_database_errors_total', help: 'Failed database queries and connection errors.', registers });
    if (options.processMetrics === true) collectDefaultMetrics({ register: this.registry, prefix: 'allmende_relay_' });
  }

  /** Counts a refused or dropped client message. */
  rejected(reason: string): void {
    this.rejectedMessages.inc({ reason });
  }
}
