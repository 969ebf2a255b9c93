const maxNameLength = 200;
const maxSegments = 4;
const segmentPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * Checks that `name` is an acceptable document name and returns it unchanged.
 *
 * A name has 1 to 4 segments separated by `/`; each segment starts with a
 * letter or digit and continues with at most 63 letters, digits, `.`, `_` or
 * `-`; `..` may not appear anywhere, and the whole name is at most 200
 * characters. Throws a `TypeError` if `name` is not a string and a
 * `RangeError` naming the broken rule otherwise. The messages are short enough
 * to be used as a WebSocket close reason.
 */
export function validateDocumentName(name: unknown): string {
  if (typeof name !== 'string') {
    throw new TypeError(`document name must be a string, got ${typeof name}`);
  }
  if (name.length === 0 || name.length > maxNameLength) {
    throw new RangeError(`document name must be 1-${maxNameLength} characters long`);
  }
  if (name.includes('..')) {
    throw new RangeError('document name must not contain ".."');
  }
  const segments = name.split('/');
  if (segments.length > maxSegments) {
    throw new RangeError(`document name must have at most ${maxSegments} "/"-separated segments`);
  }
  for (const segment of segments) {
    if (!segmentPattern.test(segment)) {
      throw new RangeError('each document name segment must match [A-Za-z0-9][A-Za-z0-9._-]{0,63}');
    }
  }
  return name;
}
