import * as encoding from 'lib0/encoding';
import { type AccessRole, MESSAGE_SESSION_INFO, type SessionInfo } from '@allmende/protocol';
import type { Identity } from './access-claims.js';

/**
 * What one connection may do with its document, decided once when it connects: its role, the
 * identity from its token (stamped on its presence), and when its token expires.
 */
export class ConnectionAccess {
  /** What the connection may change: `read` nothing, `comment` only `Y.Map('comments')`, `write` everything. */
  readonly role: Exclude<AccessRole, 'none'>;
  /** The token's identity; null in development mode, where there are no tokens. */
  readonly user: Identity | null;
  /** True when the relay runs without authentication. */
  readonly devMode: boolean;
  /** When the connection must be closed because its token expired (ms since the epoch); null for never. */
  readonly expiresAt: number | null;
  /** Whether the client offered the `allmende.v1` subprotocol and so understands the session info message. */
  readonly wantsSessionInfo: boolean;

  /** Creates the access record of one connection. */
  constructor(init: {
    role: Exclude<AccessRole, 'none'>;
    user: Identity | null;
    devMode: boolean;
    expiresAt: number | null;
    wantsSessionInfo: boolean;
  }) {
    this.role = init.role;
    this.user = init.user;
    this.devMode = init.devMode;
    this.expiresAt = init.expiresAt;
    this.wantsSessionInfo = init.wantsSessionInfo;
  }

  /** The full access of development mode: write, no identity. One shared, immutable object per `wantsSessionInfo`. */
  static development(wantsSessionInfo: boolean): ConnectionAccess {
    return wantsSessionInfo ? developmentWithSessionInfo : developmentWithoutSessionInfo;
  }

  /** Tells whether this connection and `other` are the same person: the same token subject, or both anonymous in development mode. */
  isSameUserAs(other: ConnectionAccess): boolean {
    return this.user === null || other.user === null ? this.devMode && other.devMode : this.user.id === other.user.id;
  }

  /** A short description for log lines: the user id, or "anonymous". */
  describe(): string {
    return this.user === null ? 'anonymous' : `user ${JSON.stringify(this.user.id)}`;
  }

  /** The session info message (type 100) telling an Allmende client its role and identity. */
  sessionInfoMessage(): Uint8Array {
    const info: SessionInfo = {
      role: this.role,
      user: this.user === null ? null : { id: this.user.id, name: this.user.name },
      devMode: this.devMode,
    };
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_SESSION_INFO);
    encoding.writeVarString(encoder, JSON.stringify(info));
    return encoding.toUint8Array(encoder);
  }
}

const developmentWithSessionInfo = Object.freeze(new ConnectionAccess({ role: 'write', user: null, devMode: true, expiresAt: null, wantsSessionInfo: true }));
const developmentWithoutSessionInfo = Object.freeze(new ConnectionAccess({ role: 'write', user: null, devMode: true, expiresAt: null, wantsSessionInfo: false }));
