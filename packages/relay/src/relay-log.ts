/**
 * Structured fields that go with a log line. They name documents and users, never content: no
 * update bytes, presence states or tokens are ever logged.
 */
export interface LogFields {
  /** `info` by default; `warn` for refused or closed connections, `error` for failures of the relay itself. */
  level?: 'info' | 'warn' | 'error';
  /** The document the line is about. */
  document?: string;
  /** The token subject (user id) the line is about; absent in development mode. */
  user?: string;
  /** The WebSocket close code sent, if the line is about closing a connection. */
  code?: number;
}

/** Receives one human-readable line per noteworthy event and its structured fields. */
export type RelayLog = (line: string, fields?: LogFields) => void;
