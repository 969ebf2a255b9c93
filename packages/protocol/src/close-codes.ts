/**
 * WebSocket close codes the relay uses, so clients, operators and tests can tell why a
 * connection ended. Codes in 4400–4499 mirror HTTP 4xx and are permanent: the stock y-websocket
 * client stops reconnecting. Codes in 4500–4599 and 1001/1011 are worth a retry later.
 */
export const RelayCloseCode = {
  /** The relay is shutting down; clients should reconnect later (to another instance). */
  goingAway: 1001,
  /** A message was larger than the relay's message size limit (checked before decoding). */
  messageTooBig: 1009,
  /** The relay failed internally (for example, the store could not write); reconnecting may help. */
  internalError: 1011,
  /** Something the relay will never accept: a bad document name or a malformed message. */
  badRequest: 4400,
  /** No token, or a token that is not valid (signature, issuer, audience, not yet valid). */
  unauthorized: 4401,
  /** The token is valid but grants no access to this document. */
  forbidden: 4403,
  /** An update would make the document larger than the relay's document size limit. */
  documentTooLarge: 4413,
  /** An update took more decoding work than the relay allows (crafted or pathological input). */
  updateTooComplex: 4422,
  /** More messages per second than the relay allows on one connection. */
  rateLimited: 4429,
  /** The connection announced more presence (awareness) entries than the relay allows. */
  tooManyPresenceStates: 4431,
  /** The token expired while the connection was open; reconnect with a fresh token. */
  tokenExpired: 4498,
  /** Too many connections from this address right now; try again later. */
  tooManyConnections: 4529,
} as const;

/** The numeric type of the close codes in {@link RelayCloseCode}. */
export type RelayCloseCode = (typeof RelayCloseCode)[keyof typeof RelayCloseCode];
