export { startRelay } from './relay.js';
export type { Relay, RelayOptions } from './relay.js';
export { validateDocumentName } from './document-name.js';
export { RelayCloseCode } from './close-codes.js';
export type { DocumentStore } from './document-store.js';
