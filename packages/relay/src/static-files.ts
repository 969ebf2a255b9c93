import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { contentTypeFor } from './content-types.js';

const immutableCache = 'public, max-age=31536000, immutable';

/**
 * Serves the files under `root` for GET and HEAD requests, as the demo app
 * needs: `index.html` for `/` and for unknown paths without a file extension
 * (so single-page-app deep links like `/doc/minutes` work), long-lived
 * immutable caching for the content-hashed files under `/assets/`, and
 * refusal (403) of any path that would leave `root` or name a dotfile.
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

    const target = await findFile(file);
    if (target !== null) {
      const cacheControl = decoded.startsWith('/assets/') ? immutableCache : 'no-cache';
      await sendFile(request, response, target, cacheControl);
    } else if (extname(decoded) === '' && (await isFile(indexFile))) {
      await sendFile(request, response, indexFile, 'no-cache');
    } else {
      sendText(response, 404, 'Not Found');
    }
  };
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

async function sendFile(request: IncomingMessage, response: ServerResponse, file: string, cacheControl: string): Promise<void> {
  const info = await stat(file);
  response.writeHead(200, {
    'Content-Type': contentTypeFor(file),
    'Content-Length': info.size,
    'Last-Modified': info.mtime.toUTCString(),
    'Cache-Control': cacheControl,
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

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
