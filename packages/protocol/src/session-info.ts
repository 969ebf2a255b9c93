import type { AccessRole } from './access.js';

/**
 * The WebSocket subprotocol an Allmende client offers. A relay that accepts it sends a
 * {@link SessionInfo} message after the handshake; stock y-websocket clients don't offer it and
 * never see that message.
 */
export const ALLMENDE_SUBPROTOCOL = 'allmende.v1';

/**
 * Prefix of the subprotocol that carries a bearer token, `allmende.token.<JWT>`: browsers cannot
 * set headers on a WebSocket, and a subprotocol keeps the token out of URLs and access logs.
 */
export const TOKEN_SUBPROTOCOL_PREFIX = 'allmende.token.';

/** The y-websocket message type (first varUint) of the relay's session info message. */
export const MESSAGE_SESSION_INFO = 100;

/** What the relay tells an Allmende client about its connection, as JSON in a varString. */
export interface SessionInfo {
  /** What this connection may do with the document. */
  role: AccessRole;
  /** The identity from the token, which the relay stamps on this client's presence; null in development mode. */
  user: { id: string; name: string } | null;
  /** True when the relay runs without authentication (anyone may write). */
  devMode: boolean;
}
