export { validateDocumentName } from './document-name.js';
export { RelayCloseCode } from './close-codes.js';
export { ACCESS_ROLES, allows, isAccessRole } from './access.js';
export type { AccessRole } from './access.js';
export { ALLMENDE_SUBPROTOCOL, TOKEN_SUBPROTOCOL_PREFIX, MESSAGE_SESSION_INFO } from './session-info.js';
export type { SessionInfo } from './session-info.js';
