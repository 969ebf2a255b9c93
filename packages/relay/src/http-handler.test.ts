import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type Relay } from './index.js';

let root: string;
let relay: Relay;
let bare: Relay;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'allmende-relay-http-'));
  const site = join(root, 'site');
  await mkdir(join(site, 'assets'), { recursive: true });
  await writeFile(join(site, 'index.html'), '<!doctype html><title>Allmende</title>');
  await writeFile(join(site, 'assets', 'app-1a2b3c.js'), 'console.log("app")');
  await writeFile(join(site, 'assets', 'style.css'), 'body{}');
  await writeFile(join(site, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(site, '.env'), 'SECRET=1');
  await writeFile(join(root, 'secret.txt'), 'top secret');
  relay = await startRelay({ port: 0, dataDir: join(root, 'data'), staticDir: site });
  bare = await startRelay({ port: 0, dataDir: join(root, 'bare-data') });
});

afterAll(async () => {
  await relay.close();
  await bare.close();
  await rm(root, { recursive: true, force: true });
});

/** Sends a request with the path exactly as given; fetch() would normalize `..` away. */
function rawRequest(
  base: Relay,
  path: string,
  method = 'GET',
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: base.port, path, method, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('HTTP', () => {
  it('answers the health check', async () => {
    const response = await fetch(`${bare.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('refuses methods other than GET and HEAD with 405', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const response = await fetch(`${relay.url}/healthz`, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD');
    }
  });

  it('serves nothing but the health check without a static directory', async () => {
    expect((await fetch(`${bare.url}/`)).status).toBe(404);
  });

  it('serves static files with their content types', async () => {
    const index = await fetch(`${relay.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await index.text()).toContain('<title>Allmende</title>');

    const svg = await fetch(`${relay.url}/logo.svg`);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('cache-control')).toBe('no-cache');

    const css = await fetch(`${relay.url}/assets/style.css`);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('marks files under /assets/ as immutable', async () => {
    const response = await fetch(`${relay.url}/assets/app-1a2b3c.js?v=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await response.text()).toBe('console.log("app")');
  });

  it('answers browser navigations to unknown paths with index.html, dots in the name or not', async () => {
    const navigation = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    for (const path of ['/doc/minutes', '/doc/v1.2', '/doc/report.v2']) {
      const deepLink = await fetch(`${relay.url}${path}`, { headers: navigation });
      expect(deepLink.status, path).toBe(200);
      expect(deepLink.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
      expect(deepLink.headers.get('vary'), path).toBe('Accept');
      expect(await deepLink.text(), path).toContain('<title>Allmende</title>');
    }
    const head = await rawRequest(relay, '/doc/v1.2', 'HEAD', { accept: 'text/html' });
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(head.body).toBe('');
  });

  it('answers other misses with 404, even for a browser navigation under /assets/', async () => {
    const wildcard = { accept: '*/*' };
    for (const path of ['/assets/missing.js', '/favicon.ico', '/doc/minutes', '/doc/v1.2']) {
      expect((await fetch(`${relay.url}${path}`, { headers: wildcard })).status, path).toBe(404);
    }
    expect((await rawRequest(relay, '/doc/v1.2')).status, 'no Accept header').toBe(404);
    expect((await fetch(`${relay.url}/doc/v1.2`, { headers: { accept: 'text/html;q=0, */*' } })).status, 'q=0').toBe(404);
    expect((await fetch(`${relay.url}/assets/missing.js`, { headers: { accept: 'text/html' } })).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const response = await rawRequest(relay, '/assets/style.css', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe('6');
    expect(response.body).toBe('');
  });

  it('refuses paths that leave the static directory or name dotfiles', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2F..%2Fsecret.txt', '/..\\secret.txt', '/.env']) {
      const response = await rawRequest(relay, path);
      expect(response.status, path).toBe(403);
      expect(response.body, path).not.toContain('secret');
      expect(response.body, path).not.toContain('SECRET');
    }
  });
});
