import { validateDocumentName } from '@allmende/protocol';

/**
 * A page of the app, as read from the URL path. A document name the relay
 * would refuse gets a page of its own, `bad-doc-name`, with the rule it breaks.
 */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'doc'; readonly name: string }
  | { readonly page: 'sheet'; readonly name: string }
  | { readonly page: 'calendar'; readonly name: string }
  | { readonly page: 'bad-doc-name'; readonly name: string; readonly error: string }
  | { readonly page: 'not-found' };

const DOC_PREFIX = '/doc/';
const SHEET_PREFIX = '/sheet/';
const CALENDAR_PREFIX = '/calendar/';

/**
 * Reads the route from a URL path: `/` is the start page, `/doc/<name>` a
 * document, where the name may contain `/` (each segment is URL-encoded).
 * The name is taken as it is, without the clean-up the start page's form
 * does, so that a link always means exactly one document.
 */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '/index.html') return { page: 'home' };
  const kinds = [['doc', DOC_PREFIX], ['sheet', SHEET_PREFIX], ['calendar', CALENDAR_PREFIX]] as const;
  const kind = kinds.find(([, prefix]) => pathname.startsWith(prefix));
  if (!kind) return { page: 'not-found' };
  const [page, prefix] = kind;
  let name: string;
  try {
    name = pathname.slice(prefix.length).split('/').map(decodeURIComponent).join('/');
  } catch {
    // Malformed percent-encoding.
    return { page: 'not-found' };
  }
  if (!name) return { page: 'not-found' };
  try {
    return { page, name: validateDocumentName(name) };
  } catch (error) {
    return { page: 'bad-doc-name', name, error: error instanceof Error ? error.message : String(error) };
  }
}

/** The URL path of a file: `/doc/`, `/sheet/` or `/calendar/` and its name, each `/`-separated segment encoded. */
export function filePath(kind: 'doc' | 'sheet' | 'calendar', name: string): string {
  return `/${kind}/` + name.split('/').map(encodeURIComponent).join('/');
}
