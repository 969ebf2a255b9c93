import type { IncomingMessage } from 'node:http';
import { ALLMENDE_SUBPROTOCOL, RelayCloseCode, TOKEN_SUBPROTOCOL_PREFIX } from '@allmende/protocol';
import { accessGrantsFromClaims, identityFromClaims, roleForDocument } from './access-claims.js';
import { ConnectionAccess } from './connection-access.js';
import type { DevLinkTokens } from './dev-link-tokens.js';
import { TokenRejectedError, type TokenVerifier, VerifierUnavailableError, createTokenVerifier } from './token-verifier.js';

const defaultClockToleranceSeconds = 30;

/**
 * How the relay checks who connects. Give `jwtSecret` (HS256), `oidcIssuer` (RS256/ES256 from the
 * issuer's JWKS), or both. Without this object the relay runs in development mode: anyone may write.
 */
export interface RelayAuthOptions {
  /** Shared secret for HS256 tokens, at least 32 bytes. */
  jwtSecret?: string;
  /** The `iss` that HS256 tokens must carry; not checked when omitted. */
  jwtIssuer?: string;
  /** OIDC issuer URL, such as `https://id.example.org/realms/office`; its JWKS verifies RS256 and ES256 tokens. */
  oidcIssuer?: string;
  /** The `aud` every token must contain; not checked when omitted. */
  audience?: string | string[];
  /** Seconds of clock skew allowed on `exp` and `nbf`; defaults to 30. */
  clockToleranceSeconds?: number;
}

/** The outcome of checking a new connection: its access, or the close code and reason to refuse it with. */
export type Admission =
  | { readonly ok: true; readonly access: ConnectionAccess }
  | { readonly ok: false; readonly code: number; readonly reason: string; readonly logLine: string };

/**
 * Decides what a new connection may do, from its token and the document it asked for, before the
 * document is loaded. In development mode (no options) everyone gets `write` and no identity.
 */
export class Authenticator {
  /** True when there is no authentication: every connection may write. */
  readonly devMode: boolean;
  readonly #verifier: TokenVerifier | null;
  readonly #clockToleranceMs: number;

  /** Checks `options` and creates the verifier; throws a `TypeError` or `RangeError` for bad options. */
  /** Sharing-link tokens honoured in development mode, or null. */
  readonly #linkTokens: DevLinkTokens | null;

  constructor(options: RelayAuthOptions | undefined, linkTokens: DevLinkTokens | null = null) {
    this.#linkTokens = options === undefined ? linkTokens : null;
    if (options === undefined) {
      this.devMode = true;
      this.#verifier = null;
      this.#clockToleranceMs = 0;
      return;
    }
    const settings = checkAuthOptions(options);
    this.devMode = false;
    this.#verifier = createTokenVerifier(settings);
    this.#clockToleranceMs = settings.clockToleranceSeconds * 1000;
  }

  /** Fetches the OIDC issuer's configuration early; resolves with a line for the log saying what tokens are accepted. */
  async warmUp(): Promise<string> {
    return this.#verifier === null ? 'development mode: tokens are not checked' : `accepting ${await this.#verifier.warmUp()}`;
  }

  /**
   * Checks the token of a connection to document `name`. `protocol` is the subprotocol the relay
   * answered with. Never rejects.
   */
  async admit(request: IncomingMessage, name: string, protocol: string): Promise<Admission> {
    const wantsSessionInfo = protocol === ALLMENDE_SUBPROTOCOL;
    if (this.#verifier === null) return admitDevelopment(this.#linkTokens, request, name, wantsSessionInfo);
    const token = tokenFromRequest(request);
    if (token === null) {
      return refuse(RelayCloseCode.unauthorized, 'no token: send one in the allmende.token.<JWT> subprotocol or the token query parameter', name);
    }
    try {
      const claims = await this.#verifier.verify(token);
      const user = identityFromClaims(claims);
      const role = roleForDocument(accessGrantsFromClaims(claims), name);
      if (role === 'none') {
        return refuse(RelayCloseCode.forbidden, `user ${JSON.stringify(user.id)} has no access to this document`, name);
      }
      const expiresAt = claims.exp * 1000 + this.#clockToleranceMs;
      return { ok: true, access: new ConnectionAccess({ role, user, devMode: false, expiresAt, wantsSessionInfo }) };
    } catch (error) {
      if (error instanceof TokenRejectedError || error instanceof RangeError) {
        return refuse(RelayCloseCode.unauthorized, error.message, name);
      }
      const detail = error instanceof VerifierUnavailableError ? error.message : `internal error: ${String(error)}`;
      return {
        ok: false,
        code: RelayCloseCode.internalError,
        reason: 'cannot check tokens right now, try again later',
        logLine: `could not check a token for "${name}": ${detail}`,
      };
    }
  }
}

/**
 * The bearer token of a WebSocket request: from an offered `allmende.token.<JWT>` subprotocol, or
 * else from the `token` query parameter (which the stock y-websocket client can send); null if neither.
 */
export function tokenFromRequest(request: IncomingMessage): string | null {
  const offered = request.headers['sec-websocket-protocol'];
  if (typeof offered === 'string') {
    for (const entry of offered.split(',')) {
      const protocol = entry.trim();
      if (protocol.startsWith(TOKEN_SUBPROTOCOL_PREFIX) && protocol.length > TOKEN_SUBPROTOCOL_PREFIX.length) {
        return protocol.slice(TOKEN_SUBPROTOCOL_PREFIX.length);
      }
    }
  }
  const target = request.url ?? '';
  const query = target.indexOf('?');
  if (query < 0) return null;
  const token = new URLSearchParams(target.slice(query + 1)).get('token');
  return token === null || token === '' ? null : token;
}

/** Development mode: write for everyone, except a sharing-link token (when enabled) grants its own role. */
async function admitDevelopment(links: DevLinkTokens | null, request: IncomingMessage, name: string, wantsSessionInfo: boolean): Promise<Admission> {
  const token = links === null ? null : tokenFromRequest(request);
  if (links === null || token === null) return { ok: true, access: ConnectionAccess.development(wantsSessionInfo) };
  try {
    const grant = await links.check(token, name);
    if (grant === null) return { ok: true, access: ConnectionAccess.development(wantsSessionInfo) };
    return { ok: true, access: new ConnectionAccess({ role: grant.role, user: null, devMode: true, expiresAt: grant.expiresAt, wantsSessionInfo }) };
  } catch (error) {
    return refuse(RelayCloseCode.unauthorized, error instanceof Error ? error.message : String(error), name);
  }
}

function refuse(code: number, reason: string, name: string): Admission {
  return { ok: false, code, reason, logLine: `refused a connection to "${name}" with ${code}: ${reason}` };
}

function checkAuthOptions(options: RelayAuthOptions): RelayAuthOptions & { clockToleranceSeconds: number } {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('options.auth must be an object such as { jwtSecret } or { oidcIssuer, audience }; omit it for development mode');
  }
  const { jwtSecret, jwtIssuer, oidcIssuer, audience, clockToleranceSeconds = defaultClockToleranceSeconds } = options;
  if (jwtSecret === undefined && oidcIssuer === undefined) {
    throw new TypeError('options.auth needs jwtSecret or oidcIssuer; omit options.auth altogether for development mode');
  }
  for (const [key, value] of Object.entries({ jwtSecret, jwtIssuer, oidcIssuer })) {
    if (value !== undefined && (typeof value !== 'string' || value === '')) throw new TypeError(`options.auth.${key} must be a non-empty string`);
  }
  if (jwtIssuer !== undefined && jwtSecret === undefined) {
    throw new TypeError('options.auth.jwtIssuer applies to HS256 tokens and needs jwtSecret; OIDC tokens are checked against oidcIssuer');
  }
  const audiences = typeof audience === 'string' ? [audience] : audience;
  if (audiences !== undefined && (!Array.isArray(audiences) || audiences.length === 0 || !audiences.every((a) => typeof a === 'string' && a !== ''))) {
    throw new TypeError('options.auth.audience must be a non-empty string or array of strings');
  }
  if (typeof clockToleranceSeconds !== 'number' || !Number.isFinite(clockToleranceSeconds) || clockToleranceSeconds < 0 || clockToleranceSeconds > 600) {
    throw new RangeError(`options.auth.clockToleranceSeconds must be from 0 to 600, got ${String(clockToleranceSeconds)}`);
  }
  return { ...options, clockToleranceSeconds };
}
