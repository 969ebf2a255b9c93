import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DevLinkTokens } from './dev-link-tokens.js';

/** The path of the development endpoint that issues sharing-link tokens. */
export const DEV_TOKEN_PATH = '/dev/token';

const maxBodyBytes = 4096;

/**
 * Answers `POST /dev/token` with a JSON body `{ "document": NAME, "access":
 * "read" | "comment" | "write" }`: `200 { token, document, access, expiresAt }`
 * while development link tokens are on (`devLinkTokens` of `startRelay`); `404`
 * when they are off, as on every relay that checks tokens; `400` with
 * `{ error }` for a body that is not such JSON, and `405` for other methods.
 */
export function handleDevTokenRequest(request: IncomingMessage, response: ServerResponse, tokens: DevLinkTokens | null): void {
  if (tokens === null) {
    sendJson(response, 404, { error: 'development link tokens are off: this relay is not in development mode' });
    request.resume();
    return;
  }
  if (request.method !== 'POST') {
    sendJson(response, 405, { error: 'use POST with {"document": NAME, "access": "read" | "comment" | "write"}' }, { Allow: 'POST' });
    request.resume();
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let tooLarge = false;
  request.on('data', (chunk: Buffer) => {
    size += chunk.length;
    if (size > maxBodyBytes) tooLarge = true;
    else chunks.push(chunk);
  });
  request.on('error', () => response.destroy());
  request.on('end', () => {
    if (tooLarge) {
      sendJson(response, 413, { error: `the request body must be at most ${maxBodyBytes} bytes` });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      sendJson(response, 400, { error: 'the request body must be JSON such as {"document": "minutes/2026-11", "access": "read"}' });
      return;
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      sendJson(response, 400, { error: 'the request body must be an object with "document" and "access"' });
      return;
    }
    const { document, access } = body as { document?: unknown; access?: unknown };
    tokens.issue(document, access).then(
      ({ token, expiresAt }) => sendJson(response, 200, { token, document, access, expiresAt }),
      (error: unknown) => sendJson(response, 400, { error: error instanceof Error ? error.message : String(error) }),
    );
  });
}

function sendJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = JSON.stringify(value);
  response.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  response.end(body);
}
