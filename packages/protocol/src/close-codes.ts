/**
 * WebSocket close codes the relay uses, so clients and tests can tell why a
 * connection ended. Codes in 4400–4499 mirror HTTP 4xx: the stock y-websocket
 * client treats them as permanent and stops reconnecting.
 */
export const RelayCloseCode = {
  /** The relay is shutting down; clients should reconnect later. */
  goingAway: 1001,
  /** A message was larger than `maxMessageBytes` (sent by the `ws` library itself). */
  messageTooBig: 1009,
  /** The relay failed internally (for example, the store could not write); reconnecting may help. */
  internalError: 1011,
  /** The client sent something the relay will never accept: a bad document name or a malformed message. */
  badRequest: 4400,
} as const;

/** The numeric type of the close codes in {@link RelayCloseCode}. */
export type RelayCloseCode = (typeof RelayCloseCode)[keyof typeof RelayCloseCode];
