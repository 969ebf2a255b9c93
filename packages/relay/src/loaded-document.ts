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
import type { DocumentStore, StoredUpdate } from './document-store.js';
import type { Fanout, FanoutMessage } from './fanout.js';
import { ConnectionAccess } from './connection-access.js';
import type { RelayMetrics } from './relay-metrics.js';
import type { LogFields, RelayLog } from './relay-log.js';
import { closeCodeName } from './close-code-name.js';
import { SharedFrame } from './shared-frame.js';
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
  log: RelayLog;
  /** Passes updates and presence to the other relay instances; none for a single relay. */
  fanout?: Fanout | null;
  /** Where latencies, rejections and database errors are counted. */
  metrics?: RelayMetrics | null;
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

// Awareness origins that are not a local connection: a state removed because its connection left
// (announced to the other instances), and states that arrived from another instance (not re-sent).
const leftOrigin = Symbol('connection left');
const remoteOrigin = Symbol('another relay instance');

/**
 * A document that at least one client has open: its content as update bytes,
 * the awareness (presence) of its clients, and their connections. Every
 * accepted update is appended to the store before it is sent to the others,
 * here and, through the fan-out, on the other relay instances.
 *
 * Appends are asynchronous, so updates are pipelined: each starts its append at once (the store
 * may commit several together), and they are merged and forwarded strictly in the order they
 * arrived, each once its own append has resolved. An update that cannot be stored is not
 * forwarded, and its sender is closed with 1011, so its client sends it again when it reconnects.
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
  // Owners of states announced on other instances, from the identity stamped on them.
  readonly #remoteOwners = new Map<number, ConnectionAccess>();
  // When each state announced on another instance was last announced or refreshed (performance.now()).
  readonly #remoteSeen = new Map<number, number>();
  // The store rows whose content the held state contains: exactly what compaction may delete.
  readonly #rowIds = new Set<number>();
  // Forwarding in arrival order: each step waits for the one before.
  #tail: Promise<void> = Promise.resolve();
  // Updates stored and merged in this tick, not sent yet (see #sendOutgoing); null when none.
  #outgoing: Array<{ update: Uint8Array; from: ClientConnection | null }> | null = null;
  #pendingBytes = 0;
  #compaction: Promise<void> | null = null;
  #compactAt: number;
  #unloaded = false;

  /** Builds the document from its stored log rows (`storedUpdates`, in append order). */
  constructor(name: string, storedUpdates: readonly StoredUpdate[], options: LoadedDocumentOptions) {
    this.name = name;
    this.#options = options;
    this.#limits = options.limits ?? defaultRelayLimits;
    this.#updates = new DocumentUpdates(storedUpdates.map((row) => row.data), {
      maxBytes: this.#limits.maxDocumentBytes,
      ...(options.reencoder === undefined ? {} : { reencoder: options.reencoder }),
      onReencodeError: (error) => options.log(`kept "${name}" as it is, re-encoding failed: ${error.message}`, { level: 'warn', document: name }),
    });
    for (const row of storedUpdates) this.#rowIds.add(row.id);
    this.#compactAt = options.compactAfter;
    // Awareness needs a Y.Doc only for its clientID; an empty one costs little.
    this.#awareness = new awarenessProtocol.Awareness(new Y.Doc());
    this.#awareness.setLocalState(null);
    this.#awareness.on('update', this.#broadcastAwareness);
  }

  /** The number of clients connected to this document. */
  get connectionCount(): number {
    return this.#connections.size;
  }

  /** True once {@link unload} started; a connection must not join it any more. */
  get isUnloaded(): boolean {
    return this.#unloaded;
  }

  /** Whether the held state contains store row `id`. */
  hasRow(id: number): boolean {
    return this.#rowIds.has(id);
  }

  /** The number of store rows the document's held state stands for; compaction brings it back to 1. */
  get storedRows(): number {
    return this.#rowIds.size;
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

  /** Removes a client and tells the others (here and on other instances) that its awareness states are gone. */
  leave(connection: ClientConnection): void {
    if (!this.#connections.delete(connection)) return;
    const clients = connection.takeAwarenessClientIds();
    for (const client of clients) this.#awarenessOwners.delete(client);
    if (clients.length > 0) awarenessProtocol.removeAwarenessStates(this.#awareness, clients, leftOrigin);
  }

  /**
   * Handles one message from `connection`. A malformed message closes that
   * connection with code 4400, a breached limit with that limit's code (4413,
   * 4422, 4431); an internal failure closes it with 1011. Never throws.
   */
  receive(connection: ClientConnection, data: Uint8Array): void {
    if (connection.isGone) return;
    try {
      this.#handle(connection, decodeClientMessage(data, this.#limits), data.byteLength);
    } catch (error) {
      this.#fail(connection, error);
    }
  }

  /**
   * Takes in a message another relay instance published for this document: an update that is
   * already stored (applied once, by row id, and forwarded to every local client) or presence.
   */
  applyRemote(message: FanoutMessage): void {
    if (this.#unloaded) return;
    if (message.kind === 'update') {
      this.#addStored(message.id, message.update, null);
      return;
    }
    try {
      const now = performance.now();
      for (const entry of decodeAwarenessUpdate(message.update)) {
        this.#noteRemoteOwner(entry.clientID, entry.state);
        if (entry.state !== null && !this.#awarenessOwners.has(entry.clientID)) this.#remoteSeen.set(entry.clientID, now);
      }
      awarenessProtocol.applyAwarenessUpdate(this.#awareness, message.update, remoteOrigin);
    } catch (error) {
      this.#options.log(`ignored a malformed presence update from another relay instance for "${this.name}": ${describe(error)}`, { level: 'error', document: this.name });
    }
  }

  /**
   * Keeps presence across instances fresh; the relay calls it periodically when it has a fan-out.
   * Publishes the states this instance's connections own again, so that the other instances know
   * they are alive (and learn any they missed), and removes, for the local clients, the states of
   * other instances that were not announced or refreshed within `staleAfterMs`: their removal was
   * lost in the fan-out, or their instance died. Returns the number of states removed.
   */
  refreshPresence(staleAfterMs: number): number {
    if (this.#unloaded) return 0;
    const local = [...this.#awarenessOwners.keys()].filter((client) => this.#awareness.states.has(client));
    if (local.length > 0) {
      this.#options.fanout?.publish(this.name, { kind: 'awareness', update: awarenessProtocol.encodeAwarenessUpdate(this.#awareness, local) });
    }
    const cutoff = performance.now() - staleAfterMs;
    const stale: number[] = [];
    for (const [client, seen] of this.#remoteSeen) {
      if (seen >= cutoff) continue;
      this.#remoteSeen.delete(client);
      if (this.#awareness.states.has(client) && !this.#awarenessOwners.has(client)) stale.push(client);
    }
    if (stale.length === 0) return 0;
    awarenessProtocol.removeAwarenessStates(this.#awareness, stale, remoteOrigin);
    // Forgotten entirely, so that a refresh with the same clock brings the state back if its owner is alive after all.
    for (const client of stale) this.#awareness.meta.delete(client);
    return stale.length;
  }

  /**
   * Adds the rows of a fresh read of the store that the held state lacks and forwards them to the
   * local clients: after the fan-out lost messages (a Redis reconnect), this catches up.
   */
  catchUp(rows: readonly StoredUpdate[]): number {
    let added = 0;
    for (const row of rows) {
      if (this.#rowIds.has(row.id) || this.#unloaded) continue;
      this.#addStored(row.id, row.data, null);
      added++;
    }
    return added;
  }

  /**
   * Merges the rows this instance holds into one row, unless another instance is compacting the
   * document right now (it then tries again after half as many rows more). Rows appended meanwhile
   * by this or another instance are left alone.
   */
  compact(): Promise<void> {
    if (this.#compaction !== null) return this.#compaction;
    if (this.#rowIds.size <= 1) return Promise.resolve();
    const ids = [...this.#rowIds];
    const merged = this.#updates.state();
    this.#compaction = this.#options.store.compact(this.name, ids, merged).then(
      (newId) => {
        this.#compaction = null;
        if (newId === null) {
          this.#compactAt = this.#rowIds.size + Math.max(1, Math.floor(this.#options.compactAfter / 2));
          return;
        }
        for (const id of ids) this.#rowIds.delete(id);
        this.#rowIds.add(newId);
        this.#compactAt = this.#options.compactAfter;
      },
      (error: unknown) => {
        this.#compaction = null;
        this.#options.metrics?.databaseErrors.inc();
        // The uncompacted log is still complete, so nothing is lost; compaction is retried later.
        this.#compactAt = this.#rowIds.size + this.#options.compactAfter;
        this.#options.log(`could not compact "${this.name}": ${describe(error)}`, { level: 'error', document: this.name });
      },
    );
    return this.#compaction;
  }

  /**
   * Waits until every accepted update is stored and forwarded, compacts the log and releases the
   * awareness timer; call once, after the last client left. The merged state is stored as it is:
   * re-encoding happens in the background as the document grows, never here, where a crafted
   * document could stall the relay.
   */
  async unload(): Promise<void> {
    this.#unloaded = true;
    await this.#tail;
    await this.#compaction;
    this.#updates.dispose();
    await this.compact();
    this.#awareness.off('update', this.#broadcastAwareness);
    this.#awareness.destroy();
    this.#awareness.doc.destroy();
  }

  #handle(connection: ClientConnection, message: ClientMessage, bytes: number): void {
    this.#options.metrics?.traffic.received(message.kind, bytes);
    switch (message.kind) {
      case 'sync-step-1':
        connection.send(encodeSyncStep2(this.#updates.diff(message.stateVector)));
        return;
      case 'update': {
        if (message.isEmpty) return;
        const received = performance.now();
        const update = message.update;
        // A comment-only update is checked against the state with everything before it stored.
        if (connection.access.role === 'comment') {
          void this.#after(connection, () => (this.#mayApply(connection, update) ? this.#store(update, connection, received)() : undefined));
        } else if (this.#mayApply(connection, update)) {
          void this.#after(connection, this.#store(update, connection, received));
        }
        return;
      }
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

  // Runs `step` after every update accepted before it has been forwarded; a step may return the
  // promise of its own forwarding, which later steps then wait for too.
  #after(connection: ClientConnection | null, step: () => Promise<void> | void): Promise<void> {
    this.#tail = this.#tail.then(step).catch((error: unknown) => {
      if (connection !== null) this.#fail(connection, error);
      else this.#options.log(`internal error on "${this.name}": ${describe(error)}`, { level: 'error', document: this.name });
    });
    return this.#tail;
  }

  // Read-only connections (and comment-only ones outside the comments) still get every update,
  // but theirs are dropped: never stored, never forwarded. Logged once per connection.
  #mayApply(connection: ClientConnection, update: Uint8Array): boolean {
    const { access } = connection;
    if (access.role === 'write') return true;
    const problem = access.role === 'read' ? 'the connection is read-only' : findChangeOutsideComments(this.#updates.state(), update);
    if (problem === null) return true;
    this.#options.metrics?.rejected(access.role === 'read' ? 'read_only' : 'outside_comments');
    // A reader's first update, its sync step 2, carries its whole delete set even when it never
    // typed; that is not worth a line.
    const harmlessSync = access.role === 'read' && !connection.sentUpdate && isDeleteSetOnly(update);
    connection.sentUpdate = true;
    if (!connection.loggedDroppedUpdate && !harmlessSync) {
      connection.loggedDroppedUpdate = true;
      this.#options.log(`dropped an update from ${access.describe()} (${access.role}) to "${this.name}": ${problem}; further ones are dropped silently`, this.#fields(connection, 'warn'));
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
        ownerOf: (client) => this.#awarenessOwners.get(client)?.access ?? this.#remoteOwners.get(client),
      });
    } catch (error) {
      throw new ProtocolError(describe(error), { cause: error });
    }
    if (guarded.refused.length > 0) {
      this.#options.metrics?.rejected('presence_owned_by_another_user');
      if (!connection.loggedRefusedPresence) {
        connection.loggedRefusedPresence = true;
        this.#options.log(
          `refused presence from ${connection.access.describe()} on "${this.name}" for client ids ${guarded.refused.join(', ')} owned by someone else; further refusals are not logged`,
          this.#fields(connection, 'warn'),
        );
      }
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

  // Checks the size limit and starts the append at once; returns the step that forwards the
  // update once stored, to run in arrival order.
  #store(update: Uint8Array, from: ClientConnection, received: number): () => Promise<void> {
    const limit = this.#limits.maxDocumentBytes;
    if (this.#updates.byteLength + this.#pendingBytes + update.byteLength > limit) {
      throw new ProtocolError(`the document would grow beyond ${limit} bytes`, { closeCode: RelayCloseCode.documentTooLarge });
    }
    const metrics = this.#options.metrics;
    this.#pendingBytes += update.byteLength;
    const persistTimer = metrics?.persistSeconds.startTimer();
    const stored = this.#options.store.append(this.name, update).then(
      (id) => {
        persistTimer?.();
        return id;
      },
      (error: unknown) => {
        metrics?.databaseErrors.inc();
        throw error;
      },
    );
    // Handled in the step; this keeps an early rejection from counting as unhandled meanwhile.
    stored.catch(() => {});
    return async () => {
      let id: number;
      try {
        id = await stored;
      } catch (error) {
        this.#options.log(`could not store an update to "${this.name}": ${describe(error)}`, this.#fields(from, 'error'));
        from.close(RelayCloseCode.internalError, 'could not store your update, try again later');
        return;
      } finally {
        this.#pendingBytes -= update.byteLength;
      }
      this.#addStored(id, update, from);
      this.#options.fanout?.publish(this.name, { kind: 'update', id, update });
      metrics?.updateApplySeconds.observe((performance.now() - received) / 1000);
    };
  }

  // Merges a stored update into the state and queues it for every local client but `from`.
  #addStored(id: number, update: Uint8Array, from: ClientConnection | null): void {
    if (this.#rowIds.has(id)) return;
    this.#rowIds.add(id);
    this.#updates.add(update);
    if (this.#outgoing === null) {
      this.#outgoing = [];
      // After this tick's promise reactions: every update forwarded in this tick goes out together.
      process.nextTick(this.#sendOutgoing);
    }
    this.#outgoing.push({ update, from });
    if (this.#rowIds.size >= this.#compactAt && !this.#unloaded) void this.compact();
  }

  // Sends the updates queued in this tick, framed once for every connection (see SharedFrame).
  // Updates that queued up while the relay was busy (a burst, or a broadcast to many clients that
  // took longer than the writer's pace) go out together: back to back in one buffer, one socket
  // write per connection instead of one per update, so a burst never builds a backlog. They are
  // not merged into one Yjs update: merging runs Yjs on content clients sent, on the main thread,
  // and a crafted update can make that slow; each update stays its own message, as it was stored.
  // A connection that sent some of them gets the others.
  readonly #sendOutgoing = (): void => {
    const outgoing = this.#outgoing ?? [];
    this.#outgoing = null;
    if (outgoing.length === 0 || this.#connections.size === 0) return;
    const all = SharedFrame.batch(outgoing.map((entry) => encodeSyncUpdate(entry.update)))!;
    const senders = new Set<ClientConnection>();
    for (const { from } of outgoing) if (from !== null) senders.add(from);
    if (senders.size === 1 && outgoing.length === 1) {
      // The common case: one update from one sender.
      const [from] = senders;
      for (const connection of this.#connections) if (connection !== from) connection.sendShared(all);
      return;
    }
    const forSenders = new Map<ClientConnection, SharedFrame | null>();
    for (const sender of senders) {
      forSenders.set(sender, SharedFrame.batch(outgoing.filter((entry) => entry.from !== sender).map((entry) => encodeSyncUpdate(entry.update))));
    }
    for (const connection of this.#connections) {
      const frame = forSenders.has(connection) ? forSenders.get(connection)! : all;
      if (frame !== null) connection.sendShared(frame);
    }
  };

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
      this.#awarenessOwners.get(client)?.releaseAwarenessClientId(client);
      this.#awarenessOwners.delete(client);
      this.#remoteOwners.delete(client);
      this.#remoteSeen.delete(client);
    }
    const changed = [...added, ...updated, ...removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.#awareness, changed);
    const message = new SharedFrame(encodeAwarenessMessage(update));
    for (const connection of this.#connections) connection.sendShared(message);
    // Local changes go to the other instances; a state that timed out here may be alive there.
    if (origin instanceof ClientConnection || origin === leftOrigin) {
      this.#options.fanout?.publish(this.name, { kind: 'awareness', update });
    }
  };

  #claimAwareness(client: number, owner: ClientConnection): void {
    this.#remoteOwners.delete(client);
    this.#remoteSeen.delete(client);
    const previous = this.#awarenessOwners.get(client);
    if (previous === owner) return;
    previous?.releaseAwarenessClientId(client);
    owner.claimAwarenessClientId(client);
    this.#awarenessOwners.set(client, owner);
  }

  // A state from another instance carries the identity that instance stamped on it; a local
  // connection of another person may then not change it, as if its owner were connected here.
  #noteRemoteOwner(client: number, state: unknown): void {
    const user = typeof state === 'object' && state !== null ? (state as { user?: unknown }).user : undefined;
    const id = typeof user === 'object' && user !== null ? (user as { id?: unknown }).id : undefined;
    const name = typeof user === 'object' && user !== null ? (user as { name?: unknown }).name : undefined;
    if (this.#awarenessOwners.has(client)) return;
    if (typeof id === 'string' && typeof name === 'string') {
      this.#remoteOwners.set(client, new ConnectionAccess({ role: 'write', user: { id, name }, devMode: false, expiresAt: null, wantsSessionInfo: false }));
    }
  }

  #fail(connection: ClientConnection, error: unknown): void {
    if (error instanceof ProtocolError) {
      this.#options.metrics?.rejected(closeCodeName(error.closeCode));
      this.#options.log(`closing a connection to "${this.name}" with ${error.closeCode}: ${error.message}`, { ...this.#fields(connection, 'warn'), code: error.closeCode });
      connection.close(error.closeCode, error.message);
    } else {
      this.#options.log(`internal error on "${this.name}": ${describe(error)}`, { ...this.#fields(connection, 'error'), code: RelayCloseCode.internalError });
      connection.close(RelayCloseCode.internalError, 'internal error, try again later');
    }
  }

  #fields(connection: ClientConnection, level: LogFields['level']): LogFields {
    const user = connection.access.user;
    return { level, document: this.name, ...(user === null ? {} : { user: user.id }) };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
