import { presenceColor } from '@allmende/ui';
import { readStored, writeStored } from './storage.js';

const NAME_KEY = 'allmende.displayName';

/** The longest display name the app accepts. */
export const MAX_DISPLAY_NAME_LENGTH = 64;

/**
 * Returns the display name saved in this browser. On the first visit it picks
 * and saves a guest name such as "Guest 123".
 */
export function loadDisplayName(): string {
  const saved = readStored(NAME_KEY)?.trim();
  if (saved) return saved;
  const [random] = crypto.getRandomValues(new Uint16Array(1));
  const guest = `Guest ${100 + ((random ?? 0) % 900)}`;
  writeStored(NAME_KEY, guest);
  return guest;
}

/** Saves a display name; blank names are ignored. Returns the name now in effect. */
export function saveDisplayName(name: string): string {
  const trimmed = name.trim().slice(0, MAX_DISPLAY_NAME_LENGTH);
  if (trimmed) writeStored(NAME_KEY, trimmed);
  return trimmed || loadDisplayName();
}

/** The cursor colour for a display name: the same name gets the same colour everywhere. */
export function displayColor(name: string): string {
  return presenceColor(name);
}
