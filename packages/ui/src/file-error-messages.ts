import { formatNumber } from './format.js';
import { defineMessages } from './messages.js';

/**
 * Why a file could not be read, in every language, for the codes of
 * `FileImportError` (@allmende/office-files) and `unreadable` for any other
 * failure. Each is a sentence to follow "“name” could not be imported: ".
 * The elements' own messages add what depends on them (the formats they
 * import, advice for their kind of file); see {@link fileErrorReason}.
 */
export const fileErrorMessages = defineMessages(
  {
    'too-large': (limit: string) => `the file is larger than ${limit}.`,
    'corrupt-archive': 'the file is damaged or incomplete (it is not a readable zip archive).',
    'archive-limits': 'the file would unpack into far too much data; it was not opened.',
    'missing-part': 'a part the format requires is missing from the file.',
    'wrong-format': 'the file is of a different type than its name says.',
    'bad-xml': 'the file contains broken XML.',
    'forbidden-xml': 'the file contains an XML document type declaration, which is refused for safety.',
    'bad-text': 'the file is not UTF-8 text.',
    'too-many-cells': 'the file has more rows, columns or cells than can be held here.',
    unreadable: 'the file cannot be read.',
  },
  {
    de: {
      'too-large': (limit) => `Die Datei ist größer als ${limit}.`,
      'corrupt-archive': 'Die Datei ist beschädigt oder unvollständig (kein lesbares ZIP-Archiv).',
      'archive-limits': 'Die Datei würde zu einer viel zu großen Datenmenge entpackt; sie wurde nicht geöffnet.',
      'missing-part': 'In der Datei fehlt ein Teil, den das Format verlangt.',
      'wrong-format': 'Die Datei hat einen anderen Typ, als ihr Name sagt.',
      'bad-xml': 'Die Datei enthält fehlerhaftes XML.',
      'forbidden-xml': 'Die Datei enthält eine XML-Dokumenttyp-Deklaration; das wird aus Sicherheitsgründen abgelehnt.',
      'bad-text': 'Die Datei ist kein UTF-8-Text.',
      'too-many-cells': 'Die Datei hat mehr Zeilen, Spalten oder Zellen, als hier gehalten werden können.',
      unreadable: 'Die Datei kann nicht gelesen werden.',
    },
  },
);

/** The codes {@link fileErrorMessages} explains. */
export type FileErrorReasonCode = keyof typeof fileErrorMessages.english;

/**
 * The reason for the file error `code` in the language of `locale`; codes
 * it does not know get the one for `unreadable`. `limit` is the size cap,
 * formatted, for `too-large`.
 */
export function fileErrorReason(locale: string, code: string, limit = ''): string {
  const t = fileErrorMessages.translator(locale);
  if (code === 'too-large') return t('too-large', limit);
  const known = Object.hasOwn(fileErrorMessages.english, code) ? (code as Exclude<FileErrorReasonCode, 'too-large'>) : 'unreadable';
  return t(known);
}

/** A file size cap for the `too-large` reason, in whole megabytes for `locale` ("50 MB"). */
export function fileSizeLimit(bytes: number, locale: string): string {
  return formatNumber(bytes / (1024 * 1024), locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 0 });
}
