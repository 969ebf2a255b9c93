import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { presenceColor } from '@allmende/ui';
import { loadColor, loadLanguage, localeFor, saveColor, saveLanguage } from './preferences.js';
import { connectionState, RECONNECT_GRACE_MS } from './connection-state.js';
import { formatModified } from './relative-time.js';

// A Map-backed localStorage, as the browser gives it.
beforeEach(() => {
  const store = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
  };
});
afterEach(() => {
  delete (globalThis as { localStorage?: unknown }).localStorage;
});

describe('preferences', () => {
  it('defaults the language to the browser’s and remembers a choice', () => {
    expect(loadLanguage(['de-AT', 'en'])).toBe('de');
    expect(loadLanguage(['fr-FR'])).toBe('en');
    expect(loadLanguage([])).toBe('en');
    saveLanguage('de');
    expect(loadLanguage(['en-GB'])).toBe('de');
  });

  it('gives the elements the browser’s region for the chosen language, else the bare language', () => {
    expect(localeFor('en', ['en-GB', 'en'])).toBe('en-GB');
    expect(localeFor('de', ['en-GB', 'de-AT'])).toBe('de-AT');
    expect(localeFor('de', ['en-GB'])).toBe('de');
    expect(localeFor('en', ['en'])).toBe('en');
    expect(localeFor('en', ['not a tag', 'EN_us', 'en-us'])).toBe('en-US');
    expect(localeFor('de', [])).toBe('de');
  });

  it('remembers a valid colour only, else uses the name’s palette colour', () => {
    expect(loadColor('Ada')).toBe(presenceColor('Ada'));
    expect(saveColor('red; background:url(x)')).toBe(false);
    expect(loadColor('Ada')).toBe(presenceColor('Ada'));
    expect(saveColor('#1D4ED8')).toBe(true);
    expect(loadColor('Ada')).toBe('#1d4ed8');
  });

  it('works without storage', () => {
    delete (globalThis as { localStorage?: unknown }).localStorage;
    expect(loadLanguage(['de'])).toBe('de');
    expect(saveColor('#123456')).toBe(true);
  });
});

describe('connection state', () => {
  const facts = { status: 'connected', wasOnline: true, offlineFor: 0, browserOnline: true };
  it('is online, then reconnecting, then offline', () => {
    expect(connectionState(facts)).toBe('online');
    expect(connectionState({ ...facts, status: 'offline', offlineFor: 100 })).toBe('reconnecting');
    expect(connectionState({ ...facts, status: 'connecting', offlineFor: 100 })).toBe('reconnecting');
    expect(connectionState({ ...facts, status: 'offline', offlineFor: RECONNECT_GRACE_MS })).toBe('offline');
    expect(connectionState({ ...facts, status: 'offline', offlineFor: 0, browserOnline: false })).toBe('offline');
  });
  it('is connecting before the first connection, and error when the relay refused', () => {
    expect(connectionState({ ...facts, status: 'connecting', wasOnline: false })).toBe('connecting');
    expect(connectionState({ ...facts, status: 'offline', wasOnline: false, offlineFor: RECONNECT_GRACE_MS })).toBe('offline');
    expect(connectionState({ ...facts, status: 'error' })).toBe('error');
  });
});

describe('formatModified', () => {
  const now = Date.UTC(2026, 10, 28, 12, 0, 0);
  it('says just now, minutes, hours, days, then the date, in the language', () => {
    expect(formatModified(now - 5_000, now, 'en', 'just now')).toBe('just now');
    expect(formatModified(now + 60_000, now, 'en', 'just now')).toBe('just now');
    expect(formatModified(now - 120_000, now, 'en', 'just now')).toBe('2 minutes ago');
    expect(formatModified(now - 120_000, now, 'de', 'gerade eben')).toBe('vor 2 Minuten');
    expect(formatModified(now - 3 * 3600_000, now, 'en', '')).toBe('3 hours ago');
    expect(formatModified(now - 26 * 3600_000, now, 'en', '')).toBe('yesterday');
    expect(formatModified(now - 26 * 3600_000, now, 'de', '')).toBe('gestern');
    expect(formatModified(Date.UTC(2026, 2, 12, 12), now, 'en', '')).toBe('Mar 12, 2026');
    expect(formatModified(Date.UTC(2026, 2, 12, 12), now, 'de', '')).toBe('12. März 2026');
  });
});
