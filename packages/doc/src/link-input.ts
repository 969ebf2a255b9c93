import { safeLinkHref } from '@allmende/doc-model';

const WITH_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\//i;
const SCHEME = /^([a-z][a-z0-9+.-]*):(.*)$/is;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;

/**
 * Turns what a user typed into a link dialog into a link target, or null
 * when it cannot be linked. Without a scheme, an e-mail address gets
 * `mailto:` and anything else `https://` (`example.org/a` becomes
 * `https://example.org/a`, `localhost:8080` `https://localhost:8080`). The
 * result is checked with the model's `safeLinkHref`, so `javascript:`,
 * `data:` and every other scheme but http, https and mailto give null.
 */
export function normalizeLinkInput(input: string): string | null {
  // Browsers drop tabs and line breaks anywhere in a URL, so `java\tscript:` is `javascript:`.
  const text = input.replace(/[\t\n\r]/g, '').trim();
  if (!text) return null;
  if (WITH_AUTHORITY.test(text)) return safeLinkHref(text);
  const scheme = SCHEME.exec(text);
  // `name:rest` is a scheme (javascript:, tel:, mailto:), unless it is a host with a port (`example.org:8080`, `localhost:3000/x`).
  const hostWithPort = scheme && /[.]|^localhost$/i.test(scheme[1] ?? '') && /^\d+(?:[/?#]|$)/.test(scheme[2] ?? '');
  if (scheme && !hostWithPort) return safeLinkHref(text);
  if (EMAIL.test(text)) return safeLinkHref(`mailto:${text}`);
  return safeLinkHref(`https://${text.replace(/^\/+/, '')}`);
}
