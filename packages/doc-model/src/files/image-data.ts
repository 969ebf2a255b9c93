import { checkImageDataUrl, MAX_IMAGE_BYTES } from '../image-source.js';
import { decodeBase64, encodeBase64 } from '@allmende/office-files';

/** An image as a file in a package: its bytes, MIME type and file extension. */
export interface ImageFile {
  readonly bytes: Uint8Array;
  readonly mimeType: string;
  readonly extension: string;
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
};

/** The image in a `data:` URL of an allowed type, or null (http images stay links). */
export function imageFileFromDataUrl(src: string): ImageFile | null {
  const check = checkImageDataUrl(src, Number.MAX_SAFE_INTEGER);
  if (!check.ok) return null;
  const bytes = decodeBase64(src.slice(src.indexOf(',') + 1));
  return bytes ? { bytes, mimeType: check.mimeType, extension: EXTENSIONS[check.mimeType] ?? 'bin' } : null;
}

/** The MIME type of image bytes, from their signature; null for types a document cannot hold. */
export function sniffImageType(bytes: Uint8Array): string | null {
  const at = (index: number): number => bytes[index] ?? -1;
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'image/png';
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  if (at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46) return 'image/gif';
  if (at(0) === 0x52 && at(1) === 0x49 && at(2) === 0x46 && at(3) === 0x46 && at(8) === 0x57 && at(9) === 0x45) return 'image/webp';
  return null;
}

/**
 * The `data:` URL for image bytes found in a file, when the type is one a
 * document may hold and it is within {@link MAX_IMAGE_BYTES}; else null.
 */
export function dataUrlFromImageBytes(bytes: Uint8Array): string | null {
  const mimeType = sniffImageType(bytes);
  if (!mimeType || bytes.length > MAX_IMAGE_BYTES || bytes.length === 0) return null;
  return `data:${mimeType};base64,${encodeBase64(bytes)}`;
}

/** The pixel size of a PNG, GIF or JPEG from its header, or null. */
export function imagePixelSize(bytes: Uint8Array): { width: number; height: number } | null {
  const u16be = (index: number): number => ((bytes[index] ?? 0) << 8) | (bytes[index + 1] ?? 0);
  const u32be = (index: number): number => u16be(index) * 65536 + u16be(index + 2);
  const type = sniffImageType(bytes);
  if (type === 'image/png' && bytes.length >= 24) return { width: u32be(16), height: u32be(20) };
  if (type === 'image/gif' && bytes.length >= 10) {
    return { width: (bytes[6] ?? 0) | ((bytes[7] ?? 0) << 8), height: (bytes[8] ?? 0) | ((bytes[9] ?? 0) << 8) };
  }
  if (type === 'image/jpeg') {
    let index = 2;
    while (index + 9 < bytes.length) {
      if (bytes[index] !== 0xff) return null;
      const marker = bytes[index + 1] ?? 0;
      const length = u16be(index + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: u16be(index + 7), height: u16be(index + 5) };
      }
      index += 2 + length;
    }
  }
  return null;
}

/** The size to give an image in a file, in CSS pixels: its `width` attribute, else its natural size, else 200×150. */
export function imageDisplaySize(bytes: Uint8Array | null, width: number | null): { width: number; height: number } {
  const natural = bytes ? imagePixelSize(bytes) : null;
  if (width !== null) {
    const ratio = natural && natural.width > 0 ? natural.height / natural.width : 0.75;
    return { width, height: Math.max(1, Math.round(width * ratio)) };
  }
  if (natural && natural.width > 0 && natural.height > 0) return natural;
  return { width: 200, height: 150 };
}
