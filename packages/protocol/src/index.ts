export { validateDocumentName } from './document-name.js';
export { RelayCloseCode } from './close-codes.js';
