// The limits moved to @allmende/office-files; re-exported so this package's API stays the same.
export { DEFAULT_FILE_LIMITS, limitsOf } from '@allmende/office-files';
export type { FileLimits, ImportOptions } from '@allmende/office-files';
