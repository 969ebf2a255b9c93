/** The URL schemes a link may use. Everything else is removed. */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

// URL parsers drop ASCII tab and newline anywhere and C0 controls and spaces at
// either end, so `java\tscript:` is `javascript:` to a browser; do the same
// before reading the scheme.
const IGNORED_ANYWHERE = /[\t\n\r]/g;
// eslint-disable-next-line no-control-regex
const IGNORED_AT_ENDS = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Returns the link target a document may hold for `href`, or null when it is
 * not allowed. Allowed are absolute `http:` and `https:` URLs with a host, and
 * `mailto:` URLs. Relative URLs, fragments (`#top`), and every other scheme
 * (`javascript:`, `data:`, `vbscript:`, `file:`, `blob:`) are refused, also
 * when hidden by case, entities already decoded into control characters, or
 * leading spaces. The returned string has its scheme lowercased and the
 * characters a browser would ignore removed.
 */
export function safeLinkHref(href: string): string | null {
  if (typeof href !== 'string') return null;
  const cleaned = href.replace(IGNORED_ANYWHERE, '').replace(IGNORED_AT_ENDS, '');
  const match = SCHEME.exec(cleaned);
  if (!match) return null;
  const scheme = (match[1] ?? '').toLowerCase();
  if (!LINK_SCHEMES.includes(scheme)) return null;
  const rest = cleaned.slice(match[0].length);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(rest)) return null;
  if (scheme === 'mailto') return rest.length > 0 ? `mailto:${rest}` : null;
  // http(s) needs an authority: `https:evil` and `https:/x` are relative to a browser.
  const host = /^\/\/([^/?#\\]+)/.exec(rest);
  if (!host || !/[a-z0-9]/i.test(host[1] ?? '')) return null;
  return `${scheme}:${rest}`;
}
