/**
 * What a connection may do with a document, in increasing order: nothing, read, read and add
 * comments, or read and write everything.
 */
export type AccessRole = 'none' | 'read' | 'comment' | 'write';

/** The roles in increasing order of power. */
export const ACCESS_ROLES: readonly AccessRole[] = ['none', 'read', 'comment', 'write'];

/** Tells whether `role` grants at least what `needed` grants. */
export function allows(role: AccessRole, needed: AccessRole): boolean {
  return ACCESS_ROLES.indexOf(role) >= ACCESS_ROLES.indexOf(needed);
}

/** Tells whether a value is one of the four access roles. */
export function isAccessRole(value: unknown): value is AccessRole {
  return typeof value === 'string' && (ACCESS_ROLES as readonly string[]).includes(value);
}
