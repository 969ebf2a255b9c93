export { connect, Session } from './session.js';
export type { ConnectOptions, ConnectionStatus, User, ClosedEvent, TokenSource } from './session.js';
export type { AccessRole, SessionInfo } from '@allmende/protocol';
export { afterPaint } from './after-paint.js';
export type { IncomingHold } from './incoming-hold.js';
