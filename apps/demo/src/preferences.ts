import { languageOf, presenceColor } from '@allmende/ui';
import type { Language } from '@allmende/ui';
import { readStored, writeStored } from './storage.js';

const LANGUAGE_KEY = 'allmende.language';
const COLOR_KEY = 'allmende.color';
const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** The language saved in this browser, else the browser's own language (German for any `de-*`, else English). */
export function loadLanguage(browserLanguages: readonly string[]): Language {
  const saved = readStored(LANGUAGE_KEY);
  if (saved === 'de' || saved === 'en') return saved;
  return languageOf(browserLanguages[0] ?? 'en');
}

/**
 * The language tag the app and the elements are given: the first of the browser's languages that is in
 * `language` and names a region (`en-GB`, `de-AT`), so dates, times, numbers and the first day of the week
 * follow the user's region; else the bare language. A tag `Intl` rejects is skipped.
 */
export function localeFor(language: Language, browserLanguages: readonly string[]): string {
  for (const tag of browserLanguages) {
    try {
      const locale = new Intl.Locale(tag);
      if (locale.language === language && locale.region) return `${locale.language}-${locale.region}`;
    } catch {
      // Not a language tag: look at the next.
    }
  }
  return language;
}

/** Remembers the chosen language. */
export function saveLanguage(language: Language): void {
  writeStored(LANGUAGE_KEY, language);
}

/** The colour saved in this browser, or the palette colour of `name` (the same name gets the same colour everywhere). */
export function loadColor(name: string): string {
  const saved = readStored(COLOR_KEY);
  return saved !== null && HEX_COLOR.test(saved) ? saved.toLowerCase() : presenceColor(name);
}

/** Remembers a colour given as `#rrggbb`; returns false (and keeps the old one) for anything else. */
export function saveColor(color: string): boolean {
  if (!HEX_COLOR.test(color)) return false;
  writeStored(COLOR_KEY, color.toLowerCase());
  return true;
}
