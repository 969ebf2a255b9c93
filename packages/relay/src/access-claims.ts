import { type AccessRole, ACCESS_ROLES, isAccessRole } from '@allmende/protocol';
import { AccessPattern, compareSpecificity } from './access-pattern.js';

const maxGrants = 1000;
const maxNameLength = 200;

/** One entry of a token's access claim: the role it grants on the documents its pattern matches. */
export interface AccessGrant {
  readonly pattern: AccessPattern;
  readonly role: AccessRole;
}

/** Who a token belongs to: its `sub`, and a display name for presence. */
export interface Identity {
  readonly id: string;
  readonly name: string;
}

/**
 * Reads the access grants of a verified token's claims. Two forms are read, and merged when both
 * are present:
 *
 * - `allmende.access`: an object mapping patterns to roles, `{ "team-a/*": "write" }`, or an array
 *   (or single string) of `"PATTERN=ROLE"` entries;
 * - `access`: an array (or single string) of `"PATTERN=ROLE"` entries, which is what an identity
 *   provider produces from a multivalued user attribute.
 *
 * Throws a `RangeError` naming the first malformed entry: a token whose access claim cannot be
 * read is refused as a whole rather than read in part.
 */
export function accessGrantsFromClaims(claims: Readonly<Record<string, unknown>>): AccessGrant[] {
  const grants: AccessGrant[] = [];
  const namespaced = claims['allmende'];
  if (namespaced !== undefined) {
    if (!isPlainObject(namespaced)) throw new RangeError('the "allmende" claim must be an object with an "access" member');
    const access = namespaced['access'];
    if (isPlainObject(access)) {
      for (const [pattern, role] of Object.entries(access)) grants.push(grant(pattern, role));
    } else if (access !== undefined) {
      for (const entry of entryList(access, 'allmende.access')) grants.push(parseEntry(entry));
    }
  }
  if (claims['access'] !== undefined) {
    for (const entry of entryList(claims['access'], 'access')) grants.push(parseEntry(entry));
  }
  if (grants.length > maxGrants) throw new RangeError(`the access claim has ${grants.length} entries, more than ${maxGrants}`);
  return grants;
}

/**
 * Decides the role `grants` give on document `name`: the role of the most specific matching
 * pattern (see {@link compareSpecificity}); among equally specific matches, the lowest role; and
 * `none` when nothing matches.
 */
export function roleForDocument(grants: readonly AccessGrant[], name: string): AccessRole {
  let best: AccessGrant | null = null;
  for (const candidate of grants) {
    if (!candidate.pattern.matches(name)) continue;
    const order = best === null ? 1 : compareSpecificity(candidate.pattern, best.pattern);
    if (order > 0 || (order === 0 && rank(candidate.role) < rank(best!.role))) best = candidate;
  }
  return best?.role ?? 'none';
}

/**
 * The identity of a verified token: `sub` as the id, and `name`, else `preferred_username`, else
 * `sub` as the display name (cut to 200 characters). Throws a `RangeError` without a `sub`.
 */
export function identityFromClaims(claims: Readonly<Record<string, unknown>>): Identity {
  const id = claims['sub'];
  if (typeof id !== 'string' || id === '') throw new RangeError('the token has no "sub" claim');
  const name = [claims['name'], claims['preferred_username']].find((value): value is string => typeof value === 'string' && value.trim() !== '');
  return { id, name: [...(name?.trim() ?? id)].slice(0, maxNameLength).join('') };
}

function entryList(value: unknown, claim: string): string[] {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || !list.every((entry) => typeof entry === 'string')) {
    throw new RangeError(`the "${claim}" claim must be a "PATTERN=ROLE" string or an array of them`);
  }
  return list as string[];
}

function parseEntry(entry: string): AccessGrant {
  const separator = entry.lastIndexOf('=');
  if (separator < 0) throw new RangeError(`access entry ${JSON.stringify(entry)} must have the form PATTERN=ROLE`);
  return grant(entry.slice(0, separator).trim(), entry.slice(separator + 1).trim());
}

function grant(pattern: string, role: unknown): AccessGrant {
  if (!isAccessRole(role)) {
    throw new RangeError(`access entry for ${JSON.stringify(pattern)}: role must be one of ${ACCESS_ROLES.join(', ')}, got ${JSON.stringify(role)}`);
  }
  return { pattern: new AccessPattern(pattern), role };
}

function rank(role: AccessRole): number {
  return ACCESS_ROLES.indexOf(role);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
