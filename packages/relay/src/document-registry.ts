import type { ClientConnection } from './client-connection.js';
import type { FanoutMessage } from './fanout.js';
import { LoadedDocument, type LoadedDocumentOptions } from './loaded-document.js';

/**
 * The documents currently loaded in memory, keyed by name. A document is
 * loaded from the store when its first client joins and unloaded (after its
 * pending updates are stored and its log compacted) when its last client leaves.
 *
 * With a fan-out, loading subscribes to the document's channel before reading the store and
 * applies what arrived meanwhile afterwards: an update is published only after it is stored, so
 * every update is either in what was read or among the messages received after subscribing
 * (both, at worst, and applying a row twice is recognised by its id). A document that is still
 * being unloaded is loaded again only after its last updates are stored.
 */
export class DocumentRegistry {
  readonly #documents = new Map<string, LoadedDocument>();
  /** The document each connection joined; a WeakMap, so the connection object carries no reference of its own. */
  readonly #joined = new WeakMap<ClientConnection, LoadedDocument>();
  readonly #loading = new Map<string, Promise<LoadedDocument>>();
  readonly #unloading = new Map<string, Promise<void>>();
  readonly #options: LoadedDocumentOptions;

  /** Creates an empty registry whose documents share `options`. */
  constructor(options: LoadedDocumentOptions) {
    this.#options = options;
  }

  /** The number of documents currently held in memory. */
  get size(): number {
    return this.#documents.size;
  }

  /**
   * Adds `connection` to document `name`, loading the document first if needed, and resolves with
   * it; resolves with `null` when the connection closed while the document was loading. Rejects
   * when the document cannot be loaded.
   */
  async join(name: string, connection: ClientConnection): Promise<LoadedDocument | null> {
    for (;;) {
      const document = this.#documents.get(name) ?? (await this.#load(name));
      if (connection.isGone) {
        this.#unloadIfUnused(document);
        return null;
      }
      // Another connection may have joined and left while this one waited for the load.
      if (document.isUnloaded) continue;
      try {
        document.join(connection);
      } catch (error) {
        this.leave(document, connection);
        throw error;
      }
      this.#joined.set(connection, document);
      return document;
    }
  }

  /** Removes `connection` from `document` and unloads the document if that was its last client. */
  leave(document: LoadedDocument, connection: ClientConnection): void {
    this.#joined.delete(connection);
    document.leave(connection);
    this.#unloadIfUnused(document);
  }

  /** The document `connection` joined, or undefined before it joined (or after it left). */
  joinedBy(connection: ClientConnection): LoadedDocument | undefined {
    return this.#joined.get(connection);
  }

  /** Removes a connection that went away from the document it joined, if it joined one. */
  leaveJoined(connection: ClientConnection): void {
    const document = this.#joined.get(connection);
    if (document) this.leave(document, connection);
  }

  /**
   * Looks for rows of the loaded documents that this instance lacks (their ids only, then the
   * missing rows) and sends the local clients what they add. Called after a Redis reconnect and
   * periodically with a fan-out: pub/sub may drop a message (a slow subscriber, a lost
   * connection), and an instance killed between its commit and its publish never sends one.
   */
  async catchUp(): Promise<number> {
    let added = 0;
    const { store } = this.#options;
    await Promise.all(
      [...this.#documents.values()].map(async (document) => {
        const missing = (await store.listIds(document.name)).filter((id) => !document.hasRow(id));
        if (missing.length === 0) return;
        added += document.catchUp(await store.loadRows(document.name, missing));
      }),
    );
    return added;
  }

  /**
   * Republishes the presence of this instance's connections and drops other instances' presence
   * not refreshed within `staleAfterMs`, for every loaded document (see
   * {@link LoadedDocument.refreshPresence}); returns the number of states dropped.
   */
  refreshPresence(staleAfterMs: number): number {
    let removed = 0;
    for (const document of this.#documents.values()) removed += document.refreshPresence(staleAfterMs);
    return removed;
  }

  /** Unloads every document once its pending updates are stored, compacting their logs; used when the relay shuts down. */
  async unloadAll(): Promise<void> {
    await Promise.allSettled([...this.#loading.values()]);
    for (const document of [...this.#documents.values()]) {
      this.#documents.delete(document.name);
      this.#startUnload(document);
    }
    await Promise.allSettled([...this.#unloading.values()]);
  }

  #unloadIfUnused(document: LoadedDocument): void {
    if (document.connectionCount > 0 || this.#documents.get(document.name) !== document) return;
    this.#documents.delete(document.name);
    this.#startUnload(document);
  }

  #startUnload(document: LoadedDocument): void {
    const previous = this.#unloading.get(document.name) ?? Promise.resolve();
    const unloading = previous
      .then(() => document.unload())
      .catch((error: unknown) => this.#options.log(`could not unload "${document.name}": ${describe(error)}`, { level: 'error', document: document.name }))
      .then(() => this.#options.fanout?.unsubscribe(document.name))
      .catch((error: unknown) => this.#options.log(`could not unsubscribe from "${document.name}": ${describe(error)}`, { level: 'error', document: document.name }))
      .finally(() => {
        if (this.#unloading.get(document.name) === unloading) this.#unloading.delete(document.name);
      });
    this.#unloading.set(document.name, unloading);
  }

  #load(name: string): Promise<LoadedDocument> {
    let loading = this.#loading.get(name);
    if (loading === undefined) {
      loading = this.#loadNow(name).finally(() => this.#loading.delete(name));
      this.#loading.set(name, loading);
    }
    return loading;
  }

  async #loadNow(name: string): Promise<LoadedDocument> {
    await this.#unloading.get(name);
    const { fanout, store } = this.#options;
    let document: LoadedDocument | null = null;
    const early: FanoutMessage[] = [];
    if (fanout) await fanout.subscribe(name, (message) => (document === null ? early.push(message) : document.applyRemote(message)));
    try {
      document = new LoadedDocument(name, await store.load(name), this.#options);
    } catch (error) {
      await fanout?.unsubscribe(name).catch(() => {});
      throw error;
    }
    for (const message of early) document.applyRemote(message);
    this.#documents.set(name, document);
    return document;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
