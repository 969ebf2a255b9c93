import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';
import type { RelayLog } from './relay-log.js';
import type { DevLinkTokens } from './dev-link-tokens.js';
import { DEV_TOKEN_PATH, handleDevTokenRequest } from './dev-token-endpoint.js';
import { createStaticFileHandler } from './static-files.js';

/** The outcome of a readiness check: ready or not, and `ok` or why not for each dependency. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, string>;
}

/**
 * Creates the handler for plain HTTP requests on the relay's port:
 * `GET /healthz` answers `{"status":"ok"}` while the process runs (liveness),
 * `GET /readyz` answers 200 when the database (and Redis, if configured) answer
 * and 503 otherwise (readiness), `GET /metrics` serves the Prometheus metrics
 * when a registry is given; other GET and HEAD requests are served from
 * `staticDir` when one is given (404 otherwise), and every other method gets 405.
 * `/dev/token` issues sharing-link tokens in development mode (see `dev-token-endpoint.ts`).
 */
export function createHttpHandler(options: {
  staticDir?: string | undefined;
  /** Development mode's sharing-link tokens, issued on `POST /dev/token`; null or absent: 404 there. */
  linkTokens?: DevLinkTokens | null;
  log: RelayLog;
  metrics?: Registry;
  readiness?: () => Promise<Readiness>;
}): (request: IncomingMessage, response: ServerResponse) => void {
  const serveStatic = options.staticDir === undefined ? null : createStaticFileHandler(options.staticDir);

  return (request, response) => {
    if ((request.url ?? '/').split('?', 1)[0] === DEV_TOKEN_PATH) {
      handleDevTokenRequest(request, response, options.linkTokens ?? null);
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'Method Not Allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const pathname = (request.url ?? '/').split('?', 1)[0];
    if (pathname === '/healthz') {
      send(response, 200, 'application/json; charset=utf-8', JSON.stringify({ status: 'ok' }), { 'Cache-Control': 'no-store' });
      return;
    }
    if (pathname === '/readyz' && options.readiness !== undefined) {
      options.readiness().then(
        ({ ready, checks }) => {
          const body = JSON.stringify({ status: ready ? 'ready' : 'not ready', checks });
          send(response, ready ? 200 : 503, 'application/json; charset=utf-8', body, { 'Cache-Control': 'no-store' });
        },
        (error: unknown) => {
          options.log(`readiness check failed: ${error instanceof Error ? error.message : String(error)}`, { level: 'error' });
          send(response, 503, 'application/json; charset=utf-8', JSON.stringify({ status: 'not ready' }), { 'Cache-Control': 'no-store' });
        },
      );
      return;
    }
    if (pathname === '/metrics' && options.metrics !== undefined) {
      const registry = options.metrics;
      registry.metrics().then(
        (text) => send(response, 200, registry.contentType, text, { 'Cache-Control': 'no-store' }),
        (error: unknown) => {
          options.log(`metrics failed: ${error instanceof Error ? error.message : String(error)}`, { level: 'error' });
          send(response, 500, 'text/plain; charset=utf-8', 'Internal Server Error');
        },
      );
      return;
    }
    if (serveStatic === null) {
      send(response, 404, 'text/plain; charset=utf-8', 'Not Found');
      return;
    }
    serveStatic(request, response).catch((error: unknown) => {
      options.log(`static file error for ${pathname}: ${error instanceof Error ? error.message : String(error)}`, { level: 'error' });
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal Server Error');
      else response.destroy();
    });
  };
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  response.end(response.req.method === 'HEAD' ? undefined : body);
}
