import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ClientConnection } from './client-connection.js';
import { RelayCloseCode } from '@allmende/protocol';
import { findChangeOutsideComments } from './comment-only-check.js';
import { guardPresenceUpdate } from './presence-guard.js';
import { decodeAwarenessUpdate } from './awareness-update.js';
import type { Reencoder } from './document-reencoder.js';
import { presenceStatesAfter } from './presence-limit.js';
import { type RelayLimits, defaultRelayLimits } from './relay-limits.js';
import { isDeleteSetOnly } from './delete-set-only.js';
import { DocumentUpdates } from './document-updates.js';
import type { DocumentStore } from './document-store.js';
import {
  type ClientMessage,
  ProtocolError,
  decodeClientMessage,
  encodeAwarenessMessage,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeSyncUpdate,
} from './wire-protocol.js';

/** Settings a {@link LoadedDocument} shares with the rest of the relay. */
export interface LoadedDocumentOptions {
  /** Where updates are appended before they are broadcast. */
  store: DocumentStore;
  /** Number of log rows after which the log is merged into one row. */
  compactAfter: number;
  /** Receives one line per noteworthy event. */
  log: (line: string) => void;
  /** The bounds on what clients may send; the defaults if omitted. */
  limits?: RelayLimits;
  /** Re-encodes documents in the background; without one, re-encoding runs in this thread. */
  reencoder?: Reencoder;
}

interface AwarenessChanges {
  added: number[];
  updated: number[];
  removed: number[];
}

/**
 * A document that at least one client has open: its content as update bytes,
 * the awareness (presence) of its clients, and their connections. Every
 * accepted update is appended to the store before it is sent to the others.
 */
export class LoadedDocument {
  /** The validated document name. */
  readonly name: string;
  readonly #options: LoadedDocumentOptions;
  readonly #limits: RelayLimits;
  readonly #updates: DocumentUpdates;
  readonly #awareness: awarenessProtocol.Awareness;
  readonly #connections = new Set<ClientConnection>();
  // Which connection announced each awareness client id last; its leave() removes that state.
  // Kept in step with every connection's awarenessClientIds: an id is in exactly its owner's set.
  readonly #awarenessOwners = new Map<number, ClientConnection>();
  #logRows: number;

  /** Builds the document from its stored log rows (`storedUpdates`, in append order). */
  constructor(name: string, storedUpdates: Uint8Array[], options: LoadedDocumentOptions) {
    this.name = name;
    this.#options = options;
    this.#limits = options.limits ?? defaultRelayLimits;
    this.#updates = new DocumentUpdates(storedUpdates, {
      maxBytes: this.#limits.maxDocumentBytes,
      ...(options.reencoder === undefined ? {} : { reencoder: options.reencoder }),
      onReencodeError: (error) => options.log(`kept "${name}" as it is, re-encoding failed: ${error.message}`),
    });
    this.#logRows = storedUpdates.length;
    // Awareness needs a Y.Doc only for its clientID; an empty one costs little.
    this.#awareness = new awarenessProtocol.Awareness(new Y.Doc());
    this.#awareness.setLocalState(null);
    this.#awareness.on('update', this.#broadcastAwareness);
  }

  /** The number of clients connected to this document. */
  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Adds a client and starts the sync: sends sync step 1 and the current awareness states. */
  join(connection: ClientConnection): void {
    const syncStep1 = encodeSyncStep1(this.#updates.stateVector());
    this.#connections.add(connection);
    connection.send(syncStep1);
    // Right after sync step 1, so an Allmende client knows its role before it can type.
    if (connection.access.wantsSessionInfo) connection.send(connection.access.sessionInfoMessage());
    const clients = [...this.#awareness.getStates().keys()];
    if (clients.length > 0) {
      connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.#awareness, clients)));
    }
  }

  /** Removes a client and tells the others that its awareness states are gone. */
  leave(connection: ClientConnection): void {
    if (!this.#connections.delete(connection)) return;
    const clients = [...connection.awarenessClientIds];
    connection.awarenessClientIds.clear();
    for (const client of clients) this.#awarenessOwners.delete(client);
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.#awareness, clients, null);
  }

  /**
   * Handles one message from `connection`. A malformed message closes that
   * connection with code 4400, a breached limit with that limit's code (4413,
   * 4422, 4431); an internal failure closes it with 1011. Never throws.
   */
  receive(connection: ClientConnection, data: Uint8Array): void {
    if (connection.isGone) return;
    try {
      this.#handle(connection, decodeClientMessage(data, this.#limits));
    } catch (error) {
      if (error instanceof ProtocolError) {
        this.#options.log(`closing a connection to "${this.name}" with ${error.closeCode}: ${error.message}`);
        connection.close(error.closeCode, error.message);
      } else {
        this.#options.log(`internal error on "${this.name}": ${describe(error)}`);
        connection.close(RelayCloseCode.internalError, 'internal error, try again later');
      }
    }
  }

  /** Merges the log into a single row if it has more than one. */
  compact(): void {
    if (this.#logRows <= 1) return;
    this.#options.store.compact(this.name, this.#updates.state());
    this.#logRows = 1;
  }

  /**
   * Compacts the log and releases the awareness timer; call once, after the last client left.
   * The merged state is stored as it is: re-encoding happens in the background as the document
   * grows, never here, where a crafted document could stall the relay.
   */
  unload(): void {
    this.#updates.dispose();
    try {
      this.compact();
    } catch (error) {
      // The uncompacted log is still complete, so nothing is lost; the next unload retries.
      this.#options.log(`could not compact "${this.name}": ${describe(error)}`);
    }
    this.#awareness.off('update', this.#broadcastAwareness);
    this.#awareness.destroy();
    this.#awareness.doc.destroy();
  }

  #handle(connection: ClientConnection, message: ClientMessage): void {
    switch (message.kind) {
      case 'sync-step-1':
        connection.send(encodeSyncStep2(this.#updates.diff(message.stateVector)));
        return;
      case 'update':
        if (!message.isEmpty && this.#mayApply(connection, message.update)) this.#accept(message.update, connection);
        return;
      case 'awareness': {
        const update = this.#guardPresence(connection, message.update);
        if (update === null) return;
        this.#checkPresenceLimit(connection, update);
        try {
          awarenessProtocol.applyAwarenessUpdate(this.#awareness, update, connection);
        } catch (error) {
          throw new ProtocolError(`malformed awareness update: ${describe(error)}`, { cause: error });
        }
        return;
      }
      case 'query-awareness': {
        const clients = [...this.#awareness.getStates().keys()];
        // A reply: it earns no echo allowance, or queries would pay for themselves.
        connection.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.#awareness, clients)), { isReply: true });
        return;
      }
      case 'unknown':
        return;
    }
  }

  // Read-only connections (and comment-only ones outside the comments) still get every update,
  // but theirs are dropped: never stored, never forwarded. Logged once per connection.
  #mayApply(connection: ClientConnection, update: Uint8Array): boolean {
    const { access } = connection;
    if (access.role === 'write') return true;
    const problem = access.role === 'read' ? 'the connection is read-only' : findChangeOutsideComments(this.#updates.state(), update);
    if (problem === null) return true;
    // A reader's first update, its sync step 2, carries its whole delete set even when it never
    // typed; that is not worth a line.
    const harmlessSync = access.role === 'read' && !access.sentUpdate && isDeleteSetOnly(update);
    access.sentUpdate = true;
    if (!access.loggedDroppedUpdate && !harmlessSync) {
      access.loggedDroppedUpdate = true;
      this.#options.log(`dropped an update from ${access.describe()} (${access.role}) to "${this.name}": ${problem}; further ones are dropped silently`);
    }
    return false;
  }

  // Stamps the token's identity on the presence a connection sends and refuses entries for client
  // ids that a connection of another person owns. Returns the update to apply, or null.
  #guardPresence(connection: ClientConnection, update: Uint8Array): Uint8Array | null {
    let guarded: ReturnType<typeof guardPresenceUpdate>;
    try {
      guarded = guardPresenceUpdate(update, connection.access, {
        clockOf: (client) => this.#awareness.meta.get(client)?.clock,
        hasState: (client) => this.#awareness.states.has(client),
        ownerOf: (client) => this.#awarenessOwners.get(client)?.access,
      });
    } catch (error) {
      throw new ProtocolError(describe(error), { cause: error });
    }
    if (guarded.refused.length > 0 && !connection.access.loggedRefusedPresence) {
      connection.access.loggedRefusedPresence = true;
      this.#options.log(
        `refused presence from ${connection.access.describe()} on "${this.name}" for client ids ${guarded.refused.join(', ')} owned by someone else; further refusals are not logged`,
      );
    }
    return guarded.update;
  }

  // A connection may hold only so many presence client ids; more closes it before any is applied.
  #checkPresenceLimit(connection: ClientConnection, update: Uint8Array): void {
    const limit = this.#limits.presenceStatesPerConnection;
    if (presenceStatesAfter(connection.awarenessClientIds, decodeAwarenessUpdate(update)) > limit) {
      throw new ProtocolError(`more than ${limit} presence states on one connection`, {
        closeCode: RelayCloseCode.tooManyPresenceStates,
      });
    }
  }

  #accept(update: Uint8Array, from: ClientConnection): void {
    const limit = this.#limits.maxDocumentBytes;
    if (this.#updates.byteLength + update.byteLength > limit) {
      throw new ProtocolError(`the document would grow beyond ${limit} bytes`, { closeCode: RelayCloseCode.documentTooLarge });
    }
    this.#options.store.append(this.name, update);
    this.#updates.add(update);
    this.#logRows++;
    const message = encodeSyncUpdate(update);
    for (const connection of this.#connections) {
      if (connection !== from) connection.send(message);
    }
    if (this.#logRows >= this.#options.compactAfter) {
      try {
        this.compact();
      } catch (error) {
        // The update is already durable in the log; compaction is retried at the next threshold.
        this.#options.log(`could not compact "${this.name}": ${describe(error)}`);
      }
    }
  }

  // Sent to every client including the origin: a lone client's own renewals
  // are the only traffic that keeps the y-websocket client's 30 s watchdog quiet.
  readonly #broadcastAwareness = ({ added, updated, removed }: AwarenessChanges, origin: unknown): void => {
    if (origin instanceof ClientConnection) {
      // `updated` too: a client that reconnects while its old socket is still half-open
      // announces its state on the new connection, and the old one must not remove it when it dies.
      for (const client of added) this.#claimAwareness(client, origin);
      for (const client of updated) this.#claimAwareness(client, origin);
    }
    for (const client of removed) {
      this.#awarenessOwners.get(client)?.awarenessClientIds.delete(client);
      this.#awarenessOwners.delete(client);
    }
    const changed = [...added, ...updated, ...removed];
    const message = encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.#awareness, changed));
    for (const connection of this.#connections) connection.send(message);
  };

  #claimAwareness(client: number, owner: ClientConnection): void {
    const previous = this.#awarenessOwners.get(client);
    if (previous === owner) return;
    previous?.awarenessClientIds.delete(client);
    owner.awarenessClientIds.add(client);
    this.#awarenessOwners.set(client, owner);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
