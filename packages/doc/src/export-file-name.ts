/**
 * A file name for an exported document from its name on the relay (such as
 * `minutes/2026-11`): the last path segment, without characters that file
 * systems refuse, or `fallback` when nothing is left; then `extension`.
 */
export function exportFileName(documentName: string, fallback: string, extension: string): string {
  const last = documentName.split('/').filter(Boolean).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = last.replace(/[\u0000-\u001f<>:"/\\|?*]+/g, '-').replace(/^[.\s-]+|[.\s-]+$/g, '').slice(0, 120);
  return `${cleaned || fallback}${extension}`;
}
