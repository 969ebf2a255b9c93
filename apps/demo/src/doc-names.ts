import { validateDocumentName } from '@allmende/protocol';

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

/** The longest document name the relay accepts (see `validateDocumentName`). */
export const MAX_DOC_NAME_LENGTH = 200;

function pick<T>(items: readonly T[]): T {
  const [random] = crypto.getRandomValues(new Uint32Array(1));
  return items[(random ?? 0) % items.length] as T;
}

/**
 * Returns a new random, readable document name such as `quiet-river-42`;
 * it always passes `validateDocumentName`.
 */
export function randomDocName(): string {
  const [random] = crypto.getRandomValues(new Uint32Array(1));
  return `${pick(ADJECTIVES)}-${pick(NOUNS)}-${10 + ((random ?? 0) % 90)}`;
}

/**
 * Cleans up a document name typed by the user (trims spaces around each
 * segment and removes empty segments, from leading, trailing or doubled
 * `/`) and checks it against the relay's rule. Returns the name, or a
 * message saying which rule it breaks.
 */
export function normalizeDocName(input: string): { name: string } | { error: string } {
  const name = input
    .split('/')
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '')
    .join('/');
  if (name === '') return { error: 'Enter a document name.' };
  try {
    return { name: validateDocumentName(name) };
  } catch (error) {
    const rule = error instanceof Error ? error.message : String(error);
    return { error: `This name cannot be used: ${rule.charAt(0).toUpperCase()}${rule.slice(1)}.` };
  }
}
