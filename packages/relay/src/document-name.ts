import { validateDocumentName } from '@allmende/protocol';

/**
 * Extracts and validates the document name from a WebSocket request target
 * such as `/team/minutes?token=…`: the query is ignored and the path is
 * URL-decoded. Throws a `RangeError` if the result is not a valid name.
 */
export function documentNameFromRequestTarget(target: string): string {
  const path = target.split('?', 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path.startsWith('/') ? path.slice(1) : path);
  } catch {
    throw new RangeError('document name is not valid percent-encoding');
  }
  return validateDocumentName(decoded);
}
