import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CryptoKey, type JWK, SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { TokenRejectedError, VerifierUnavailableError, createTokenVerifier } from './token-verifier.js';

const secret = 'a-test-secret-that-is-at-least-32-bytes';
const now = () => Math.floor(Date.now() / 1000);

function hs256(claims: Record<string, unknown>, key = secret): Promise<string> {
  return new SignJWT({ sub: 'u1', exp: now() + 60, ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(key));
}

interface Issuer {
  url: string;
  rsa: CryptoKey;
  ec: CryptoKey;
  requests: string[];
  sign(alg: 'RS256' | 'ES256', claims: Record<string, unknown>, kid?: string): Promise<string>;
  setAnnouncedIssuer(issuer: string): void;
}

let issuer: Issuer;
let server: Server;

beforeAll(async () => {
  const rsa = await generateKeyPair('RS256');
  const ec = await generateKeyPair('ES256');
  const jwks: { keys: JWK[] } = {
    keys: [
      { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
    ],
  };
  const requests: string[] = [];
  let announced: string | null = null;
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/test`;
    response.setHeader('content-type', 'application/json');
    if (request.url === '/realms/test/.well-known/openid-configuration') {
      response.end(JSON.stringify({ issuer: announced ?? base, jwks_uri: `${base}/certs` }));
    } else if (request.url === '/realms/test/certs') {
      response.end(JSON.stringify(jwks));
    } else {
      response.statusCode = 404;
      response.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/test`;
  issuer = {
    url,
    rsa: rsa.privateKey,
    ec: ec.privateKey,
    requests,
    sign: (alg, claims, kid = alg === 'RS256' ? 'rsa-1' : 'ec-1') =>
      new SignJWT({ sub: 'u1', iss: url, aud: 'allmende', exp: now() + 60, ...claims })
        .setProtectedHeader({ alg, kid })
        .sign(alg === 'RS256' ? rsa.privateKey : ec.privateKey),
    setAnnouncedIssuer: (value) => {
      announced = value;
    },
  };
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('HS256 token verification', () => {
  const verifier = createTokenVerifier({ jwtSecret: secret, clockToleranceSeconds: 30 });

  it('accepts a token signed with the secret and returns its claims', async () => {
    const claims = await verifier.verify(await hs256({ name: 'Ada', access: ['a=write'] }));
    expect(claims).toMatchObject({ sub: 'u1', name: 'Ada', access: ['a=write'] });
  });

  it('says what is wrong with a refused token', async () => {
    const cases: Array<[Promise<string> | string, RegExp]> = [
      [hs256({}, 'another-secret-that-is-also-32-bytes-long'), /bad token signature/],
      [hs256({ exp: now() - 31 }), /token expired/],
      [hs256({ nbf: now() + 60 }), /not valid yet/],
      [hs256({ sub: undefined }), /"sub"/],
      [hs256({ exp: undefined }), /"exp"/],
      [hs256({ exp: 'soon' }), /exp/],
      ['not.a.token', /malformed token/],
      ['', /malformed token/],
    ];
    for (const [token, reason] of cases) {
      const error = await rejection(verifier.verify(await token));
      expect(error, String(reason)).toBeInstanceOf(TokenRejectedError);
      expect(error.message).toMatch(reason);
    }
  });

  it('allows clock skew up to the tolerance', async () => {
    await expect(verifier.verify(await hs256({ exp: now() - 20 }))).resolves.toMatchObject({ sub: 'u1' });
    await expect(verifier.verify(await hs256({ nbf: now() + 20 }))).resolves.toMatchObject({ sub: 'u1' });
  });

  it('refuses unsigned tokens and algorithms it was not configured for', async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'u1', exp: now() + 60 })).toString('base64url')}.`;
    expect((await rejection(verifier.verify(unsigned))).message).toMatch(/algorithm "none" is not accepted/);
    const hs512 = await new SignJWT({ sub: 'u1', exp: now() + 60 }).setProtectedHeader({ alg: 'HS512' }).sign(new TextEncoder().encode(secret.repeat(2)));
    expect((await rejection(verifier.verify(hs512))).message).toMatch(/algorithm "HS512"/);
    expect((await rejection(verifier.verify(await issuer.sign('RS256', {})))).message).toMatch(/algorithm "RS256"/);
  });

  it('checks audience and issuer when configured', async () => {
    const strict = createTokenVerifier({ jwtSecret: secret, jwtIssuer: 'https://portal.example', audience: 'allmende', clockToleranceSeconds: 0 });
    await expect(strict.verify(await hs256({ iss: 'https://portal.example', aud: ['x', 'allmende'] }))).resolves.toMatchObject({ sub: 'u1' });
    expect((await rejection(strict.verify(await hs256({ iss: 'https://portal.example', aud: 'other' })))).message).toBe('token is for another audience');
    expect((await rejection(strict.verify(await hs256({ iss: 'https://portal.example' })))).message).toMatch(/"aud"/);
    expect((await rejection(strict.verify(await hs256({ iss: 'https://evil.example', aud: 'allmende' })))).message).toBe('token is from another issuer');
  });

  it('refuses a secret shorter than 32 bytes and a configuration without any key', () => {
    expect(() => createTokenVerifier({ jwtSecret: 'short', clockToleranceSeconds: 0 })).toThrow(/at least 32 bytes/);
    expect(() => createTokenVerifier({ clockToleranceSeconds: 0 })).toThrow(TypeError);
    expect(() => createTokenVerifier({ oidcIssuer: 'ftp://x', clockToleranceSeconds: 0 })).toThrow(/http\(s\) URL/);
  });
});

describe('OIDC token verification', () => {
  it('accepts RS256 and ES256 tokens signed with the keys the issuer publishes', async () => {
    const verifier = createTokenVerifier({ oidcIssuer: issuer.url, audience: 'allmende', clockToleranceSeconds: 30 });
    expect(await verifier.warmUp()).toBe(`RS256/ES256 tokens of OIDC issuer ${issuer.url}`);
    await expect(verifier.verify(await issuer.sign('RS256', { name: 'R' }))).resolves.toMatchObject({ name: 'R' });
    await expect(verifier.verify(await issuer.sign('ES256', { name: 'E' }))).resolves.toMatchObject({ name: 'E' });
  });

  it('refuses wrong audience, wrong issuer, expiry, unknown keys and forged signatures', async () => {
    const verifier = createTokenVerifier({ oidcIssuer: issuer.url, audience: 'allmende', clockToleranceSeconds: 30 });
    const other = await generateKeyPair('RS256');
    const forged = await new SignJWT({ sub: 'u1', iss: issuer.url, aud: 'allmende', exp: now() + 60 }).setProtectedHeader({ alg: 'RS256', kid: 'rsa-1' }).sign(other.privateKey);
    const cases: Array<[string, RegExp]> = [
      [await issuer.sign('RS256', { aud: 'another-app' }), /another audience/],
      [await issuer.sign('ES256', { iss: 'https://evil.example' }), /another issuer/],
      [await issuer.sign('RS256', { exp: now() - 60 }), /token expired/],
      [await issuer.sign('RS256', {}, 'unknown-kid'), /key the issuer does not publish/],
      [forged, /bad token signature/],
      [await hs256({ iss: issuer.url, aud: 'allmende' }), /algorithm "HS256" is not accepted/],
    ];
    for (const [token, reason] of cases) {
      const error = await rejection(verifier.verify(token));
      expect(error, String(reason)).toBeInstanceOf(TokenRejectedError);
      expect(error.message).toMatch(reason);
    }
  });

  it('refuses an HS256 token whose secret is the public key (algorithm confusion), with both verifiers configured', async () => {
    const verifier = createTokenVerifier({ jwtSecret: secret, oidcIssuer: issuer.url, clockToleranceSeconds: 30 });
    const { publicKey } = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(publicKey);
    const confused = await new SignJWT({ sub: 'u1', iss: issuer.url, exp: now() + 60 }).setProtectedHeader({ alg: 'HS256', kid: 'rsa-1' }).sign(new TextEncoder().encode(pem));
    expect((await rejection(verifier.verify(confused))).message).toBe('bad token signature');
    await expect(verifier.verify(await hs256({}))).resolves.toMatchObject({ sub: 'u1' });
    await expect(verifier.verify(await issuer.sign('ES256', {}))).resolves.toMatchObject({ sub: 'u1' });
  });

  it('reports an unreachable issuer as unavailable, not as a bad token, and retries later', async () => {
    const verifier = createTokenVerifier({ oidcIssuer: 'http://127.0.0.1:1/realms/none', clockToleranceSeconds: 30 });
    const error = await rejection(verifier.verify(await issuer.sign('RS256', {})));
    expect(error).toBeInstanceOf(VerifierUnavailableError);
    expect(error.message).toMatch(/could not fetch http:\/\/127\.0\.0\.1:1\/realms\/none\/\.well-known\/openid-configuration/);
    await expect(verifier.warmUp()).rejects.toBeInstanceOf(VerifierUnavailableError);
  });

  it('refuses a discovery document that announces another issuer', async () => {
    issuer.setAnnouncedIssuer('https://evil.example/realms/test');
    try {
      const verifier = createTokenVerifier({ oidcIssuer: issuer.url, clockToleranceSeconds: 30 });
      const error = await rejection(verifier.warmUp());
      expect(error).toBeInstanceOf(VerifierUnavailableError);
      expect(error.message).toMatch(/announces issuer "https:\/\/evil\.example\/realms\/test"/);
    } finally {
      issuer.setAnnouncedIssuer(null as unknown as string);
    }
  });
});
