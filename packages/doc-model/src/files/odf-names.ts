/** The ODF namespaces this package reads and writes, by canonical prefix. */
export const ODF_NAMESPACES: Readonly<Record<string, string>> = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  draw: 'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  xlink: 'http://www.w3.org/1999/xlink',
  dc: 'http://purl.org/dc/elements/1.1/',
  meta: 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
  loext: 'urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0',
};

/** Namespace URI → canonical prefix, for {@link parseXML}. */
export const ODF_PREFIXES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ODF_NAMESPACES).map(([prefix, uri]) => [uri, prefix]),
);

/** `xmlns:…` declarations for the given prefixes. */
export function odfNamespaceAttrs(...prefixes: string[]): Record<string, string> {
  return Object.fromEntries(prefixes.map((prefix) => [`xmlns:${prefix}`, ODF_NAMESPACES[prefix] ?? '']));
}

/** The MIME type of an ODF text document. */
export const ODT_MIME_TYPE = 'application/vnd.oasis.opendocument.text';

/** Style names of styles.xml that carry meaning on import and export. */
export const ODF_STYLE = {
  standard: 'Standard',
  heading: (level: number) => `Heading_20_${level}`,
  quote: 'Quotations',
  code: 'Preformatted_20_Text',
  rule: 'Horizontal_20_Line',
  sourceText: 'Source_20_Text',
  tableHeading: 'Table_20_Heading',
  tableContents: 'Table_20_Contents',
} as const;

/** The character that marks an open or a done task in a list item, since ODF and DOCX lists have no checkboxes. */
export const TASK_OPEN = '☐';
/** See {@link TASK_OPEN}. */
export const TASK_DONE = '☒';
/** Characters read as a done task on import (Word and LibreOffice users type either). */
export const TASK_DONE_MARKS = ['☒', '☑'];
