import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve, sep } from 'node:path';
import { contentTypeFor } from './content-types.js';

const immutableCache = 'public, max-age=31536000, immutable';

/**
 * Serves the files under `root` for GET and HEAD requests, as the demo app
 * needs: `index.html` for `/` and for any unknown path outside `/assets/`
 * requested by a browser navigation (an `Accept` header naming `text/html`),
 * so single-page-app deep links like `/doc/minutes` or `/doc/report.v2` work
 * while a missing script or icon still gets 404; long-lived immutable caching
 * for the content-hashed files under `/assets/`; and refusal (403) of any path
 * that would leave `root` or name a dotfile.
 */
export function createStaticFileHandler(root: string): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const rootDir = resolve(root);
  const indexFile = resolve(rootDir, 'index.html');

  return async (request, response) => {
    const pathname = (request.url ?? '/').split('?', 1)[0] ?? '/';
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      sendText(response, 400, 'Bad Request: the path is not valid percent-encoding');
      return;
    }
    const segments = decoded.split(/[/\\]/);
    if (decoded.includes('\0') || segments.some((segment) => segment === '..' || segment.startsWith('.'))) {
      sendText(response, 403, 'Forbidden');
      return;
    }
    const file = resolve(rootDir, '.' + decoded);
    if (file !== rootDir && !file.startsWith(rootDir + sep)) {
      sendText(response, 403, 'Forbidden');
      return;
    }

    const isAsset = decoded.startsWith('/assets/');
    const target = await findFile(file);
    if (target !== null) {
      await sendFile(request, response, target, { 'Cache-Control': isAsset ? immutableCache : 'no-cache' });
    } else if (isAsset) {
      sendText(response, 404, 'Not Found');
    } else if (acceptsHtml(request.headers.accept) && (await isFile(indexFile))) {
      // A miss answers differently per Accept header, so caches must key on it.
      await sendFile(request, response, indexFile, { 'Cache-Control': 'no-cache', Vary: 'Accept' });
    } else {
      sendText(response, 404, 'Not Found', { Vary: 'Accept' });
    }
  };
}

/**
 * Whether an `Accept` header names `text/html` with a non-zero quality, as
 * browsers do for navigations; the bare wildcard that `fetch`, scripts and
 * icons send does not count.
 */
function acceptsHtml(accept: string | undefined): boolean {
  if (accept === undefined) return false;
  return accept.split(',').some((range) => {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    if (type !== 'text/html') return false;
    const quality = parameters.find((parameter) => parameter.startsWith('q='));
    return quality === undefined || Number(quality.slice(2)) > 0;
  });
}

async function findFile(path: string): Promise<string | null> {
  if (await isFile(path)) return path;
  const index = resolve(path, 'index.html');
  return (await isFile(index)) ? index : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  file: string,
  headers: { 'Cache-Control': string; Vary?: string },
): Promise<void> {
  const info = await stat(file);
  response.writeHead(200, {
    ...headers,
    'Content-Type': contentTypeFor(file),
    'Content-Length': info.size,
    'Last-Modified': info.mtime.toUTCString(),
    'X-Content-Type-Options': 'nosniff',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(file);
    stream.on('error', () => {
      response.destroy();
      done();
    });
    response.on('close', () => {
      stream.destroy();
      done();
    });
    stream.pipe(response);
  });
}

function sendText(response: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(response.req.method === 'HEAD' ? undefined : text);
}
