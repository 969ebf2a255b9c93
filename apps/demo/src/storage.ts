/**
 * Reads a value from localStorage, or returns null where storage is
 * unavailable (private browsing, disabled storage, sandboxed frames).
 */
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Writes a value to localStorage; a no-op where storage is unavailable. */
export function writeStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Without storage the value lasts for this page only.
  }
}
