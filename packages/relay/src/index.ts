export { startRelay } from './relay.js';
export type { Relay, RelayOptions } from './relay.js';
export { defaultRelayLimits } from './relay-limits.js';
export type { RelayLimits } from './relay-limits.js';
export type { RelayAuthOptions } from './authenticator.js';
export { signDevelopmentToken } from './token-command.js';
export type { DevelopmentTokenOptions } from './token-command.js';
export { validateDocumentName, RelayCloseCode } from '@allmende/protocol';
export type { DocumentStore } from './document-store.js';
