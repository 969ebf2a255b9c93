import { safeLinkHref } from './link-href.js';

/**
 * The largest image, in decoded bytes, that the editor stores in a document:
 * 1 MiB. Every collaborator downloads every image with the document, and the
 * relay holds the document in memory, so a size cap applies to pasted,
 * dropped and picked images; the editor tells the user when an image is
 * larger.
 */
export const MAX_IMAGE_BYTES = 1024 * 1024;

/** The image types a `data:` URL in a document may have. SVG is not among them: it can carry script. */
export const IMAGE_MIME_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

/** The outcome of {@link checkImageDataUrl}. */
export type ImageDataUrlCheck =
  | {
      /** The URL is a well-formed base64 data URL of an allowed type within the size cap. */
      readonly ok: true;
      readonly mimeType: string;
      /** The decoded size in bytes. */
      readonly bytes: number;
    }
  | {
      readonly ok: false;
      /**
       * Why the URL cannot be stored: `not-a-data-url`, `unsupported-type`
       * (not PNG, JPEG, GIF or WebP), `malformed` (not base64), or
       * `too-large` (more than the cap).
       */
      readonly reason: 'not-a-data-url' | 'unsupported-type' | 'malformed' | 'too-large';
      /** The declared type when the URL has one. */
      readonly mimeType: string | null;
      /** The decoded size when the data is well formed, else null. */
      readonly bytes: number | null;
    };

const DATA_URL = /^data:([^;,]*)(;[^,]*)?,/i;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Checks a `data:` URL before an image is put into a document, so the editor
 * can say why an image is refused ("larger than 1 MB") instead of dropping it
 * silently. Accepts `data:image/(png|jpeg|gif|webp);base64,…` of at most
 * `maxBytes` (default {@link MAX_IMAGE_BYTES}) decoded bytes. Throws a
 * RangeError when `maxBytes` is not a non-negative integer.
 */
export function checkImageDataUrl(src: string, maxBytes: number = MAX_IMAGE_BYTES): ImageDataUrlCheck {
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) {
    throw new RangeError(`checkImageDataUrl: maxBytes must be a non-negative integer, got ${String(maxBytes)}.`);
  }
  const match = typeof src === 'string' ? DATA_URL.exec(src) : null;
  if (!match) return { ok: false, reason: 'not-a-data-url', mimeType: null, bytes: null };
  const mimeType = (match[1] ?? '').trim().toLowerCase();
  const parameters = (match[2] ?? '').toLowerCase().split(';').map((part) => part.trim());
  if (!IMAGE_MIME_TYPES.includes(mimeType)) return { ok: false, reason: 'unsupported-type', mimeType, bytes: null };
  const data = src.slice(match[0].length);
  if (!parameters.includes('base64') || data.length % 4 !== 0 || !BASE64.test(data)) {
    return { ok: false, reason: 'malformed', mimeType, bytes: null };
  }
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  const bytes = (data.length / 4) * 3 - padding;
  if (bytes === 0) return { ok: false, reason: 'malformed', mimeType, bytes };
  if (bytes > maxBytes) return { ok: false, reason: 'too-large', mimeType, bytes };
  return { ok: true, mimeType, bytes };
}

/**
 * Returns `src` when a document may show it as an image, else null: a
 * well-formed base64 `data:` URL of PNG, JPEG, GIF or WebP (of any size: the
 * cap applies when an image is added, not when one is shown), or an absolute
 * `http:`/`https:` URL. `javascript:`, `file:`, `blob:`, SVG and other data
 * URLs are refused.
 */
export function safeImageSrc(src: string): string | null {
  if (typeof src !== 'string') return null;
  const trimmed = src.trim();
  if (/^data:/i.test(trimmed)) {
    const check = checkImageDataUrl(trimmed, Number.MAX_SAFE_INTEGER);
    return check.ok ? trimmed : null;
  }
  const href = safeLinkHref(trimmed);
  return href !== null && !href.startsWith('mailto:') ? href : null;
}
