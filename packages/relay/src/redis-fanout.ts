import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Fanout, FanoutHandler, FanoutMessage } from './fanout.js';
import { decodeFanoutMessage, encodeFanoutMessage } from './fanout-codec.js';

/** Options for {@link RedisFanout}. */
export interface RedisFanoutOptions {
  /** A Redis URL, such as `redis://:password@redis:6379/0` (`rediss://` for TLS). */
  url: string;
  /** Prefix of the channel names, so several deployments can share one Redis; default `allmende:`. */
  prefix?: string;
  /** Called with every Redis error (failed commands, lost connections), for metrics and logs. */
  onError?: (error: Error) => void;
  /**
   * Called when the subscription connection is back after it was lost: messages published
   * meanwhile are gone (pub/sub does not keep them), so the relay re-reads its documents from the store.
   */
  onReconnect?: () => void;
}

const pingTimeoutMs = 2000;

/**
 * Fans document traffic out between relay instances through Redis pub/sub: one channel per
 * document (`<prefix>doc:<name>`), a publishing and a subscribing connection per instance.
 *
 * Pub/sub rather than streams because Redis carries only latency: every update is durable in the
 * shared database before it is published, so a message lost while an instance was disconnected is
 * recovered from the database (see `onReconnect`), and Redis holds no per-document backlog that
 * would need trimming. Streams would add a round trip per read and memory per document for a
 * replay the database already provides.
 */
export class RedisFanout implements Fanout {
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #prefix: string;
  readonly #onError: (error: Error) => void;
  readonly #handlers = new Map<string, FanoutHandler>();
  // A random id per instance: messages carry it so that an instance ignores its own.
  readonly #instance = randomBytes(16);
  #closed = false;

  /** Connects to Redis in the background; commands issued before the connection is up wait for it. */
  constructor(options: RedisFanoutOptions) {
    if (typeof options.url !== 'string' || !/^rediss?:\/\//.test(options.url)) {
      throw new TypeError('the Redis URL must start with redis:// or rediss://, such as redis://redis:6379/0');
    }
    this.#prefix = options.prefix ?? 'allmende:';
    this.#onError = options.onError ?? (() => {});
    const settings = { maxRetriesPerRequest: 3, retryStrategy: (attempt: number) => Math.min(attempt * 100, 2000) };
    this.#publisher = new Redis(options.url, { ...settings, connectionName: 'allmende-relay-publish' });
    // Channels are (re)subscribed here on every 'ready', not by ioredis: it may send a SUBSCRIBE
    // while its ready check is still pending, and a connection that then fails the check comes
    // back without that subscription.
    this.#subscriber = new Redis(options.url, { ...settings, connectionName: 'allmende-relay-subscribe', autoResubscribe: false });
    for (const connection of [this.#publisher, this.#subscriber]) connection.on('error', (error: Error) => this.#onError(error));
    let connectedBefore = false;
    this.#subscriber.on('ready', () => {
      if (this.#closed) return;
      const names = [...this.#handlers.keys()];
      if (names.length > 0) {
        this.#subscriber.subscribe(...names.map((name) => this.#channel(name))).catch((error: unknown) => this.#failed(error));
      }
      if (connectedBefore) options.onReconnect?.();
      connectedBefore = true;
    });
    this.#subscriber.on('messageBuffer', (channel: Buffer, bytes: Buffer) => this.#receive(channel.toString(), bytes));
  }

  /** Subscribes to the channel of document `name`; `handler` receives the other instances' messages. */
  async subscribe(name: string, handler: FanoutHandler): Promise<void> {
    this.#handlers.set(name, handler);
    try {
      await this.#whenReady();
      await this.#subscriber.subscribe(this.#channel(name));
    } catch (error) {
      this.#handlers.delete(name);
      throw this.#failed(error);
    }
  }

  /** Unsubscribes from the channel of document `name`. */
  async unsubscribe(name: string): Promise<void> {
    this.#handlers.delete(name);
    if (this.#closed) return;
    try {
      await this.#subscriber.unsubscribe(this.#channel(name));
    } catch (error) {
      throw this.#failed(error);
    }
  }

  /** Publishes `message` on the channel of document `name`; a failure is reported to `onError`. */
  publish(name: string, message: FanoutMessage): void {
    if (this.#closed) return;
    this.#publisher.publish(this.#channel(name), encodeFanoutMessage(this.#instance, message)).catch((error: unknown) => this.#failed(error));
  }

  /** Resolves when Redis answers PING within two seconds. */
  async ping(): Promise<void> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${pingTimeoutMs} ms`)), pingTimeoutMs);
    });
    try {
      await Promise.race([this.#publisher.ping(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes both connections. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#handlers.clear();
    await Promise.all([this.#publisher, this.#subscriber].map((connection) => connection.quit().catch(() => connection.disconnect())));
  }

  // Resolves once the subscribing connection is ready; a subscription sent earlier may be lost.
  #whenReady(): Promise<void> {
    if (this.#subscriber.status === 'ready') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onReady = (): void => {
        this.#subscriber.off('end', onEnd);
        resolve();
      };
      const onEnd = (): void => {
        this.#subscriber.off('ready', onReady);
        reject(new Error('the Redis connection was closed'));
      };
      this.#subscriber.once('ready', onReady);
      this.#subscriber.once('end', onEnd);
    });
  }

  #channel(name: string): string {
    return `${this.#prefix}doc:${name}`;
  }

  #receive(channel: string, bytes: Buffer): void {
    const prefix = `${this.#prefix}doc:`;
    if (!channel.startsWith(prefix)) return;
    const handler = this.#handlers.get(channel.slice(prefix.length));
    if (handler === undefined) return;
    let message: FanoutMessage | null;
    try {
      message = decodeFanoutMessage(bytes, this.#instance);
    } catch (error) {
      this.#failed(error);
      return;
    }
    if (message !== null) handler(message);
  }

  #failed(error: unknown): Error {
    const reason = error instanceof Error ? error : new Error(String(error));
    this.#onError(reason);
    return reason;
  }
}
