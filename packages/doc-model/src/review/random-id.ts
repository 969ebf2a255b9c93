/** The part of the Web Crypto API that Node, workers and pages all have. */
interface RandomSource {
  getRandomValues(array: Uint8Array): Uint8Array;
}

/**
 * A random id of 128 bits as 32 hex digits, for comment threads, replies and
 * suggestions. `crypto.getRandomValues` works in Node, workers and pages
 * served over plain HTTP (unlike `crypto.randomUUID`, which needs a secure
 * context).
 */
export function randomId(): string {
  const bytes = new Uint8Array(16);
  (globalThis as unknown as { crypto: RandomSource }).crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
