import { FileImportError } from './file-error.js';
import { utf8Decoder } from './text-decoder.js';

/**
 * Decodes UTF-8 text, with or without a byte order mark (which is removed). Throws `bad-text` for bytes that are not
 * UTF-8 (such as a Windows-1252 file) or hold NUL bytes, instead of guessing.
 */
export function decodeUtf8Text(bytes: Uint8Array): string {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    if (lead === 0) throw new FileImportError('bad-text', 'The file holds NUL bytes; it is not a text file.');
    const size = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (size === 0 || index + size > bytes.length) throw new FileImportError('bad-text', `The file is not UTF-8 text (at byte ${index}).`);
    for (let k = 1; k < size; k++) {
      if ((bytes[index + k]! & 0xc0) !== 0x80) throw new FileImportError('bad-text', `The file is not UTF-8 text (at byte ${index}).`);
    }
    index += size;
  }
  const text = utf8Decoder(false).decode(bytes);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
