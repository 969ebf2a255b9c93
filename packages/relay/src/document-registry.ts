import type { ClientConnection } from './client-connection.js';
import { LoadedDocument, type LoadedDocumentOptions } from './loaded-document.js';

/**
 * The documents currently loaded in memory, keyed by name. A document is
 * loaded from the store when its first client joins and unloaded (after
 * compacting its log) when its last client leaves.
 */
export class DocumentRegistry {
  readonly #documents = new Map<string, LoadedDocument>();
  readonly #options: LoadedDocumentOptions;

  /** Creates an empty registry whose documents share `options`. */
  constructor(options: LoadedDocumentOptions) {
    this.#options = options;
  }

  /** The number of documents currently held in memory. */
  get size(): number {
    return this.#documents.size;
  }

  /** Adds `connection` to document `name`, loading the document first if needed, and returns it. */
  join(name: string, connection: ClientConnection): LoadedDocument {
    let document = this.#documents.get(name);
    if (document === undefined) {
      document = new LoadedDocument(name, this.#options.store.load(name), this.#options);
      this.#documents.set(name, document);
    }
    try {
      document.join(connection);
    } catch (error) {
      this.leave(document, connection);
      throw error;
    }
    return document;
  }

  /** Removes `connection` from `document` and unloads the document if that was its last client. */
  leave(document: LoadedDocument, connection: ClientConnection): void {
    document.leave(connection);
    if (document.connectionCount === 0 && this.#documents.get(document.name) === document) {
      this.#documents.delete(document.name);
      document.unload();
    }
  }

  /** Unloads every document, compacting their logs; used when the relay shuts down. */
  unloadAll(): void {
    for (const document of this.#documents.values()) document.unload();
    this.#documents.clear();
  }
}
