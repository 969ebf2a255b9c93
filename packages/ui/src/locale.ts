/** The languages the Allmende elements are translated into; English is the fallback. */
export const LANGUAGES = ['en', 'de'] as const;

/** A language the Allmende elements are translated into. */
export type Language = (typeof LANGUAGES)[number];

/** The language used when the page asks for one without a translation. */
export const FALLBACK_LANGUAGE: Language = 'en';

/**
 * Picks the translation for a BCP 47 language tag: `de`, `de-AT` and
 * `DE-ch` give `'de'`; anything without a translation (also the empty tag)
 * gives {@link FALLBACK_LANGUAGE}.
 */
export function languageOf(locale: string): Language {
  const primary = String(locale).trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LANGUAGES as readonly string[]).includes(primary) ? (primary as Language) : FALLBACK_LANGUAGE;
}

/**
 * The language tag that applies to `element`: the `lang` attribute of the
 * element itself or its closest ancestor that has one, looking through
 * shadow roots to their hosts, then the document element's. An empty
 * `lang=""` means "unknown" (as in HTML) and gives `'en'`; so does a page
 * without any `lang`. The tag is returned as written (`de-CH`), so number
 * and date formats can follow the region while messages follow the
 * language ({@link languageOf}).
 */
export function resolveLocale(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang')?.trim() || 'en';
    const parent: Node | null = node.parentNode;
    node = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return element.ownerDocument.documentElement.getAttribute('lang')?.trim() || 'en';
}
