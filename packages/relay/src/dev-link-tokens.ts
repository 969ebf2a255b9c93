import { randomBytes } from 'node:crypto';
import { SignJWT, decodeJwt, jwtVerify } from 'jose';
import { validateDocumentName } from '@allmende/protocol';

/** The roles a sharing link can carry. */
export type LinkAccess = 'read' | 'comment' | 'write';

const LINK_ACCESS: readonly LinkAccess[] = ['read', 'comment', 'write'];
/** The claim that marks a token as a development sharing link. */
const LINK_CLAIM = 'allmende_dev_link';
const LINK_LIFETIME = '7d';

/** What a development link token grants: one role on one document until it expires. */
export interface LinkGrant {
  readonly role: LinkAccess;
  /** When the token expires, in ms since the epoch. */
  readonly expiresAt: number;
}

/**
 * Sharing-link tokens of a relay in development mode: signed with HS256 and a
 * random secret made when this object is created, so they are valid only
 * until the process ends. Each names exactly one document and one role.
 */
export class DevLinkTokens {
  readonly #key = new Uint8Array(randomBytes(32));

  /**
   * Signs a token granting `access` on `document` for seven days. Throws a
   * `RangeError` for a name the relay refuses or an unknown access role.
   */
  async issue(document: unknown, access: unknown): Promise<{ token: string; expiresAt: number }> {
    const name = validateDocumentName(document);
    if (typeof access !== 'string' || !LINK_ACCESS.includes(access as LinkAccess)) {
      throw new RangeError(`access must be one of ${LINK_ACCESS.join(', ')}, got ${JSON.stringify(access)}`);
    }
    const token = await new SignJWT({ [LINK_CLAIM]: true, doc: name, role: access })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(`link:${randomBytes(6).toString('hex')}`)
      .setIssuedAt()
      .setExpirationTime(LINK_LIFETIME)
      .sign(this.#key);
    return { token, expiresAt: decodeJwt(token).exp! * 1000 };
  }

  /**
   * Checks a token a connection to `document` brought. Resolves with null
   * when it is not a sharing-link token at all (development mode ignores
   * other tokens, as it always has), with the grant when it is valid for this
   * document, and rejects with a `RangeError` saying why when it looks like a
   * link but is not valid here: expired, forged, for another document, or
   * issued by an earlier run of the relay.
   */
  async check(token: string, document: string): Promise<LinkGrant | null> {
    let unverified: Record<string, unknown>;
    try {
      unverified = decodeJwt(token);
    } catch {
      return null;
    }
    if (unverified[LINK_CLAIM] !== true) return null;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.#key, { algorithms: ['HS256'] }));
    } catch (error) {
      const why = error instanceof Error && /exp/.test(error.message) ? 'it has expired' : 'it was not issued by this run of the relay';
      throw new RangeError(`this sharing link cannot be used: ${why}; ask for a new link`, { cause: error });
    }
    if (payload['doc'] !== document) throw new RangeError('this sharing link is for another document');
    const role = payload['role'];
    if (typeof role !== 'string' || !LINK_ACCESS.includes(role as LinkAccess)) throw new RangeError('this sharing link names no valid access');
    return { role: role as LinkAccess, expiresAt: Number(payload['exp']) * 1000 };
  }
}
