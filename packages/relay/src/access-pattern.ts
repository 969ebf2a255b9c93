const maxPatternLength = 200;
// The characters of document names, plus the wildcard.
const segmentPattern = /^[A-Za-z0-9._*-]+$/;

/**
 * A compiled pattern over document names, as used in access claims: `/`-separated segments where
 * a segment `**` matches any number of segments (zero or more), `*` inside a segment matches any
 * run of characters within that one segment, and everything else is literal.
 */
export class AccessPattern {
  /** The pattern as written, such as `team-a/*`. */
  readonly source: string;
  /**
   * How specific the pattern is, for choosing between patterns that match the same name: the
   * number of literal characters (including `/`), then fewer `**` segments, then fewer `*`.
   * Compare with {@link compareSpecificity}.
   */
  readonly specificity: readonly [literals: number, negatedGlobstars: number, negatedStars: number];
  readonly #segments: ReadonlyArray<RegExp | '**'>;

  /** Compiles `source`; throws a `RangeError` saying what is wrong if it is not a valid pattern. */
  constructor(source: string) {
    if (typeof source !== 'string' || source.length === 0 || source.length > maxPatternLength) {
      throw new RangeError(`access pattern must be 1-${maxPatternLength} characters, got ${JSON.stringify(source)}`);
    }
    this.source = source;
    const parts = source.split('/');
    let literals = parts.length - 1;
    let globstars = 0;
    let stars = 0;
    this.#segments = parts.map((part) => {
      if (!segmentPattern.test(part)) {
        throw new RangeError(`access pattern ${JSON.stringify(source)}: each segment must be non-empty and use only A-Z a-z 0-9 . _ - *`);
      }
      if (part === '**') {
        globstars++;
        return '**';
      }
      if (part.includes('**')) {
        throw new RangeError(`access pattern ${JSON.stringify(source)}: "**" must be a whole segment`);
      }
      const literalParts = part.split('*');
      stars += literalParts.length - 1;
      literals += part.length - (literalParts.length - 1);
      return new RegExp(`^${literalParts.map(escapeRegExp).join('[^/]*')}$`);
    });
    this.specificity = [literals, -globstars, -stars];
  }

  /** Tells whether the document name `name` (already validated) matches this pattern. */
  matches(name: string): boolean {
    return matchSegments(this.#segments, 0, name.split('/'), 0, new Set());
  }
}

/**
 * Orders two patterns by specificity: positive when `a` is more specific than `b`, negative when
 * less, zero when they are equally specific (a tie, which the caller must break).
 */
export function compareSpecificity(a: AccessPattern, b: AccessPattern): number {
  for (let i = 0; i < a.specificity.length; i++) {
    const difference = a.specificity[i]! - b.specificity[i]!;
    if (difference !== 0) return difference;
  }
  return 0;
}

// `failed` remembers (pattern position, name position) pairs that cannot match, so a pattern of
// many `**` segments costs at most pattern length × name length steps instead of exponentially many.
function matchSegments(pattern: ReadonlyArray<RegExp | '**'>, p: number, name: readonly string[], n: number, failed: Set<number>): boolean {
  if (p === pattern.length) return n === name.length;
  const state = p * (name.length + 1) + n;
  if (failed.has(state)) return false;
  const segment = pattern[p]!;
  let matched = false;
  if (segment === '**') {
    for (let rest = n; rest <= name.length && !matched; rest++) matched = matchSegments(pattern, p + 1, name, rest, failed);
  } else {
    matched = n < name.length && segment.test(name[n]!) && matchSegments(pattern, p + 1, name, n + 1, failed);
  }
  if (!matched) failed.add(state);
  return matched;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
