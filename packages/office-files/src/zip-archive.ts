import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import { FileImportError } from './file-error.js';
import { utf8Decoder } from './text-decoder.js';
import type { FileLimits } from './limits.js';

/** The entries of a zip that were read, by path. */
export type ZipEntries = ReadonlyMap<string, Uint8Array>;

/**
 * Reads the entries of a zip for which `wanted` says yes, within `limits`.
 * The entry count and the declared unpacked sizes come from the central
 * directory and are checked before anything is inflated; inflation writes
 * into a buffer of the declared size and never beyond it. Throws a
 * {@link FileImportError}: `too-large`, `archive-limits` or `corrupt-archive`.
 */
export function readZip(bytes: Uint8Array, limits: FileLimits, wanted: (path: string) => boolean): ZipEntries {
  if (bytes.length > limits.maxFileBytes) {
    throw new FileImportError('too-large', `The file has ${bytes.length} bytes; the limit is ${limits.maxFileBytes}.`);
  }
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new FileImportError('corrupt-archive', 'The file is not a zip archive (no PK signature).');
  }
  let entries = 0;
  let unpacked = 0;
  let raw: Record<string, Uint8Array>;
  try {
    raw = unzipSync(bytes, {
      filter: (file) => {
        entries++;
        if (entries > limits.maxEntries) {
          throw new FileImportError('archive-limits', `The zip has more than ${limits.maxEntries} entries.`);
        }
        if (!wanted(file.name)) return false;
        unpacked += file.originalSize;
        if (unpacked > limits.maxUnpackedBytes) {
          throw new FileImportError('archive-limits', `The zip unpacks to more than ${limits.maxUnpackedBytes} bytes.`);
        }
        return true;
      },
    });
  } catch (error) {
    if (error instanceof FileImportError) throw error;
    throw new FileImportError('corrupt-archive', `The zip cannot be read: ${error instanceof Error ? error.message : String(error)}.`);
  }
  return new Map(Object.entries(raw));
}

// One decoder for every part; `fatal` makes bytes that are not UTF-8 an error instead of U+FFFD. (fflate's strFromU8
// decodes large parts several times slower, since it leaves its shared decoder in streaming mode.)
const UTF8 = utf8Decoder(true);

/** The text of a UTF-8 entry, or a `missing-part` error naming it (`bad-xml` when it is not UTF-8). */
export function zipText(entries: ZipEntries, path: string, format: string): string {
  const bytes = entries.get(path);
  if (!bytes) throw new FileImportError('missing-part', `The ${format} file has no ${path}.`);
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new FileImportError('bad-xml', `${path} is not UTF-8 text.`);
  }
}

/** One entry to write; `store` writes it uncompressed (ODF's mimetype must be). */
export interface ZipItem {
  readonly path: string;
  readonly data: Uint8Array | string;
  readonly store?: boolean;
}

/** Writes a zip with the entries in the given order (ODF needs `mimetype` first). */
export function writeZip(items: readonly ZipItem[]): Uint8Array {
  const zippable: Zippable = {};
  // A fixed date keeps exports of the same document byte-identical.
  const mtime = new Date(Date.UTC(2020, 0, 1));
  for (const item of items) {
    const data = typeof item.data === 'string' ? strToU8(item.data) : item.data;
    zippable[item.path] = [data, { level: item.store ? 0 : 6, mtime }];
  }
  return zipSync(zippable);
}
