const ADJECTIVES = [
  'amber', 'bright', 'calm', 'clear', 'cosy', 'early', 'fresh', 'gentle', 'golden', 'green',
  'happy', 'kind', 'light', 'lively', 'merry', 'misty', 'quiet', 'rapid', 'silver', 'sunny',
  'swift', 'tidy', 'warm', 'wild',
] as const;

const NOUNS = [
  'acorn', 'bay', 'birch', 'brook', 'cedar', 'cloud', 'comet', 'dune', 'field', 'fjord',
  'harbour', 'heath', 'lake', 'linden', 'meadow', 'moor', 'orchard', 'otter', 'pine', 'river',
  'robin', 'spring', 'valley', 'willow',
] as const;

/** The longest document name the app accepts. */
export const MAX_DOC_NAME_LENGTH = 200;

function pick<T>(items: readonly T[]): T {
  const [random] = crypto.getRandomValues(new Uint32Array(1));
  return items[(random ?? 0) % items.length] as T;
}

/** Returns a new random, readable document name such as `quiet-river-42`. */
export function randomDocName(): string {
  const [random] = crypto.getRandomValues(new Uint32Array(1));
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${10 + ((random ?? 0) % 90)}`;
}

/**
 * Cleans up a document name typed by the user: trims spaces, and removes
 * empty path segments (leading, trailing or doubled `/`). Returns the name,
 * or a message saying what is wrong with it.
 */
export function normalizeDocName(input: string): { name: string } | { error: string } {
  const name = input
    .split('/')
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '')
    .join('/');
  if (name === '') return { error: 'Enter a document name.' };
  if (name.length > MAX_DOC_NAME_LENGTH) {
    return { error: `Use at most ${MAX_DOC_NAME_LENGTH} characters.` };
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { error: 'Remove the control characters from the name.' };
  return { name };
}
