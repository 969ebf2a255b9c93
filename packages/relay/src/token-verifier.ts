import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

const minimumSecretBytes = 32;
const fetchTimeoutMs = 5_000;
const secretAlgorithms = ['HS256'];
const issuerAlgorithms = ['RS256', 'ES256'];

/** How tokens are checked; at least one of `jwtSecret` and `oidcIssuer` is set. */
export interface TokenVerifierOptions {
  /** Shared secret for HS256 tokens, at least 32 bytes. */
  jwtSecret?: string;
  /** The `iss` HS256 tokens must carry; not checked when omitted. */
  jwtIssuer?: string;
  /** OIDC issuer URL whose JWKS verifies RS256 and ES256 tokens; their `iss` must equal it. */
  oidcIssuer?: string;
  /** The `aud` every token must contain; not checked when omitted. */
  audience?: string | string[];
  /** Seconds of clock skew allowed when checking `exp` and `nbf`. */
  clockToleranceSeconds: number;
}

/** The claims of a token that passed every check; `sub` and `exp` are always present. */
export type VerifiedClaims = JWTPayload & { sub: string; exp: number };

/** A token that is not acceptable; the message says why and is short enough for a close reason. */
export class TokenRejectedError extends Error {
  /** Creates the error; `message` is shown to the client. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TokenRejectedError';
  }
}

/** The token could not be checked right now (the OIDC issuer is unreachable); the client should retry later. */
export class VerifierUnavailableError extends Error {
  /** Creates the error; `message` is for the relay's log. */
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'VerifierUnavailableError';
  }
}

/** Checks bearer tokens against the configured secret and/or OIDC issuer. */
export interface TokenVerifier {
  /**
   * Resolves with the token's claims if its signature, algorithm, issuer, audience, `exp` and
   * `nbf` check out. Rejects with {@link TokenRejectedError} otherwise, or with
   * {@link VerifierUnavailableError} if the issuer's keys cannot be fetched.
   */
  verify(token: string): Promise<VerifiedClaims>;
  /**
   * Fetches the OIDC discovery document ahead of the first token, so configuration errors show at
   * start; resolves with a description of the accepted tokens.
   */
  warmUp(): Promise<string>;
}

interface Discovered {
  issuer: string;
  keys: JWTVerifyGetKey;
}

/**
 * Creates a verifier. HS256 tokens are checked with `jwtSecret`, RS256 and ES256 tokens with the
 * keys of `oidcIssuer` (found through `${oidcIssuer}/.well-known/openid-configuration`); a token
 * whose header names any other algorithm, or one whose verifier is not configured, is refused
 * before its signature is looked at, so `none` and HS/RS confusion are impossible. Throws a
 * `TypeError` or `RangeError` for bad options.
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const secret = options.jwtSecret === undefined ? null : new TextEncoder().encode(options.jwtSecret);
  if (secret !== null && secret.byteLength < minimumSecretBytes) {
    throw new RangeError(`the JWT secret must be at least ${minimumSecretBytes} bytes long (RFC 7518 §3.2), got ${secret.byteLength}`);
  }
  const issuerUrl = options.oidcIssuer === undefined ? null : checkIssuerUrl(options.oidcIssuer);
  if (secret === null && issuerUrl === null) throw new TypeError('a token verifier needs a JWT secret or an OIDC issuer');
  const accepted = [...(secret === null ? [] : secretAlgorithms), ...(issuerUrl === null ? [] : issuerAlgorithms)];
  const common = {
    clockTolerance: options.clockToleranceSeconds,
    requiredClaims: ['sub', 'exp'],
    ...(options.audience === undefined ? {} : { audience: options.audience }),
  };

  let discovery: Promise<Discovered> | null = null;
  function discover(): Promise<Discovered> {
    // Cached once it succeeds; a failure is retried with the next token.
    discovery ??= discoverIssuer(issuerUrl!).catch((error: unknown) => {
      discovery = null;
      throw error;
    });
    return discovery;
  }

  return {
    async verify(token) {
      let algorithm: unknown;
      try {
        algorithm = decodeProtectedHeader(token).alg;
      } catch (error) {
        throw new TokenRejectedError('malformed token: not a signed JWT', { cause: error });
      }
      let payload: JWTPayload;
      try {
        if (secret !== null && secretAlgorithms.includes(algorithm as string)) {
          ({ payload } = await jwtVerify(token, secret, {
            ...common,
            algorithms: secretAlgorithms,
            ...(options.jwtIssuer === undefined ? {} : { issuer: options.jwtIssuer }),
          }));
        } else if (issuerUrl !== null && issuerAlgorithms.includes(algorithm as string)) {
          const { issuer, keys } = await discover();
          ({ payload } = await jwtVerify(token, keys, { ...common, algorithms: issuerAlgorithms, issuer }));
        } else {
          throw new TokenRejectedError(`token algorithm ${JSON.stringify(algorithm)} is not accepted here (${accepted.join(', ')})`);
        }
      } catch (error) {
        throw translate(error);
      }
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new TokenRejectedError('token has no "sub" claim');
      return payload as VerifiedClaims;
    },
    async warmUp() {
      const methods = secret === null ? [] : ['HS256 tokens signed with the shared secret'];
      if (issuerUrl !== null) methods.push(`RS256/ES256 tokens of OIDC issuer ${(await discover()).issuer}`);
      return methods.join(' and ');
    },
  };
}

async function discoverIssuer(issuer: string): Promise<Discovered> {
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  let document: unknown;
  try {
    const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(fetchTimeoutMs) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    document = await response.json();
  } catch (error) {
    throw new VerifierUnavailableError(`could not fetch ${url}: ${describe(error)}`, { cause: error });
  }
  const { issuer: announced, jwks_uri: jwksUri } = (document ?? {}) as { issuer?: unknown; jwks_uri?: unknown };
  // OpenID Connect Discovery §4.3: the announced issuer must be the one we asked, or tokens could be forged elsewhere.
  if (typeof announced !== 'string' || announced.replace(/\/+$/, '') !== issuer.replace(/\/+$/, '')) {
    throw new VerifierUnavailableError(`${url} announces issuer ${JSON.stringify(announced)}, not ${JSON.stringify(issuer)}`);
  }
  if (typeof jwksUri !== 'string' || !URL.canParse(jwksUri)) {
    throw new VerifierUnavailableError(`${url} has no valid jwks_uri`);
  }
  const remote = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: fetchTimeoutMs });
  const keys: JWTVerifyGetKey = async (header, token) => {
    try {
      return await remote(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      // Anything else means the key set could not be fetched or read: not the token's fault.
      throw new VerifierUnavailableError(`could not fetch the issuer's keys from ${jwksUri}: ${describe(error)}`, { cause: error });
    }
  };
  return { issuer: announced, keys };
}

function translate(error: unknown): Error {
  if (error instanceof TokenRejectedError || error instanceof VerifierUnavailableError) return error;
  if (error instanceof errors.JWTExpired) return new TokenRejectedError('token expired', { cause: error });
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = error.claim;
    const reason =
      error.reason === 'missing' ? `token has no "${claim}" claim` :
      claim === 'aud' ? 'token is for another audience' :
      claim === 'iss' ? 'token is from another issuer' :
      claim === 'nbf' ? 'token is not valid yet (nbf)' :
      `token claim "${claim}" is invalid`;
    return new TokenRejectedError(reason, { cause: error });
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return new TokenRejectedError('bad token signature', { cause: error });
  if (error instanceof errors.JWKSNoMatchingKey) return new TokenRejectedError('token signed with a key the issuer does not publish', { cause: error });
  if (error instanceof errors.JOSEAlgNotAllowed) return new TokenRejectedError('token algorithm is not accepted here', { cause: error });
  if (error instanceof errors.JWKSMultipleMatchingKeys) return new TokenRejectedError('token names no key ("kid") and several match', { cause: error });
  // JWSInvalid, JWTInvalid and the like, and jose's TypeErrors for claims of the wrong type.
  if (error instanceof errors.JOSEError || error instanceof TypeError) {
    return new TokenRejectedError(`malformed token: ${error.message}`, { cause: error });
  }
  return new VerifierUnavailableError(`could not verify the token: ${describe(error)}`, { cause: error });
}

function checkIssuerUrl(issuer: string): string {
  if (typeof issuer !== 'string' || !/^https?:\/\/[^/?#]+(\/[^?#]*)?$/.test(issuer)) {
    throw new TypeError(`the OIDC issuer must be an http(s) URL without query, such as https://id.example.org/realms/office, got ${JSON.stringify(issuer)}`);
  }
  return issuer;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
