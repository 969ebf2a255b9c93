export { startRelay } from './relay.js';
export type { Relay, RelayOptions } from './relay.js';
export type { RelayAuthOptions } from './authenticator.js';
export { signDevelopmentToken } from './token-command.js';
export type { DevelopmentTokenOptions } from './token-command.js';
export { validateDocumentName, RelayCloseCode } from '@allmende/protocol';
export type { DocumentStore } from './document-store.js';
