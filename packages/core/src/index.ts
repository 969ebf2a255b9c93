export { connect, Session } from './session.js';
export type { ConnectOptions, ConnectionStatus, User, ClosedEvent } from './session.js';
