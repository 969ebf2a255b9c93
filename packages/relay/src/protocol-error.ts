import { RelayCloseCode } from '@allmende/protocol';

/**
 * Thrown when a client message is malformed or breaks a limit; the relay closes that connection
 * with {@link ProtocolError.closeCode}: 4400 (`badRequest`) unless the thrower names another.
 */
export class ProtocolError extends Error {
  /** The WebSocket close code the sender's connection is closed with. */
  readonly closeCode: number;

  /** Creates the error with a message short enough to serve as a close reason. */
  constructor(message: string, options?: { cause?: unknown; closeCode?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ProtocolError';
    this.closeCode = options?.closeCode ?? RelayCloseCode.badRequest;
  }
}
