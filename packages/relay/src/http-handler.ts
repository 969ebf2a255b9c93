import type { IncomingMessage, ServerResponse } from 'node:http';
import { createStaticFileHandler } from './static-files.js';

/**
 * Creates the handler for plain HTTP requests on the relay's port:
 * `GET /healthz` answers `{"status":"ok"}`, other GET and HEAD requests are
 * served from `staticDir` when one is given (404 otherwise), and every other
 * method gets 405.
 */
export function createHttpHandler(options: {
  staticDir?: string | undefined;
  log: (line: string) => void;
}): (request: IncomingMessage, response: ServerResponse) => void {
  const serveStatic = options.staticDir === undefined ? null : createStaticFileHandler(options.staticDir);

  return (request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'Method Not Allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const pathname = (request.url ?? '/').split('?', 1)[0];
    if (pathname === '/healthz') {
      send(response, 200, 'application/json; charset=utf-8', JSON.stringify({ status: 'ok' }), { 'Cache-Control': 'no-store' });
      return;
    }
    if (serveStatic === null) {
      send(response, 404, 'text/plain; charset=utf-8', 'Not Found');
      return;
    }
    serveStatic(request, response).catch((error: unknown) => {
      options.log(`static file error for ${pathname}: ${error instanceof Error ? error.message : String(error)}`);
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
