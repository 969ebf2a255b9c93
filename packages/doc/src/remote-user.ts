// The reading of other users' awareness states lives in @allmende/ui, shared by all elements.
export { displayColor, displayName, remoteUserOf } from '@allmende/ui';
export type { RemoteUser } from '@allmende/ui';
