export { startRelay } from './relay.js';
export type { Relay, RelayOptions } from './relay.js';
export { validateDocumentName, RelayCloseCode } from '@allmende/protocol';
export type { DocumentStore } from './document-store.js';
