import { validateDocumentName } from '@allmende/protocol';
import { readStored, writeStored } from './storage.js';

const RECENT_KEY = 'allmende.recentDocuments';
const MAX_RECENT = 8;

/** Returns the names of the documents opened last in this browser, newest first. */
export function loadRecentDocs(): string[] {
  try {
    const parsed: unknown = JSON.parse(readStored(RECENT_KEY) ?? '[]');
    // Names saved before the app checked them may be ones the relay refuses; those are not offered.
    return Array.isArray(parsed) ? parsed.filter(isValidDocName).slice(0, MAX_RECENT) : [];
  } catch {
    return [];
  }
}

/** Moves a document name to the front of the recent list. */
export function rememberDoc(name: string): void {
  const recent = [name, ...loadRecentDocs().filter((item) => item !== name)].slice(0, MAX_RECENT);
  writeStored(RECENT_KEY, JSON.stringify(recent));
}

function isValidDocName(item: unknown): item is string {
  try {
    validateDocumentName(item);
    return true;
  } catch {
    return false;
  }
}
