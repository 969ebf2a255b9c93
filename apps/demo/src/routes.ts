/** A page of the app, as read from the URL path. */
export type Route = { readonly page: 'home' } | { readonly page: 'doc'; readonly name: string } | { readonly page: 'not-found' };

const DOC_PREFIX = '/doc/';

/**
 * Reads the route from a URL path: `/` is the start page, `/doc/<name>` a
 * document, where the name may contain `/` (each segment is URL-encoded).
 */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { page: 'home' };
  if (!pathname.startsWith(DOC_PREFIX)) return { page: 'not-found' };
  try {
    const name = pathname.slice(DOC_PREFIX.length).split('/').map(decodeURIComponent).join('/');
    return name ? { page: 'doc', name } : { page: 'not-found' };
  } catch {
    // Malformed percent-encoding.
    return { page: 'not-found' };
  }
}

/** The URL path of a document: `/doc/` and its name, each segment encoded. */
export function docPath(name: string): string {
  return DOC_PREFIX + name.split('/').map(encodeURIComponent).join('/');
}
