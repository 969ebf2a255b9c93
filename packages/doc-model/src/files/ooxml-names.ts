/** The OOXML namespaces this package reads and writes, by canonical prefix (transitional). */
export const OOXML_NAMESPACES: Readonly<Record<string, string>> = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  ct: 'http://schemas.openxmlformats.org/package/2006/content-types',
  v: 'urn:schemas-microsoft-com:vml',
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  w15: 'http://schemas.microsoft.com/office/word/2012/wordml',
};

/** Namespace URI → canonical prefix, including the Strict OOXML URIs Word can also write. */
export const OOXML_PREFIXES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(OOXML_NAMESPACES).map(([prefix, uri]) => [uri, prefix])),
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
};

/** Relationship types. */
export const REL = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  numbering: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering',
  hyperlink: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink',
  image: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  commentsExtended: 'http://schemas.microsoft.com/office/2011/relationships/commentsExtended',
} as const;

/** The style ids this package writes, which Word and LibreOffice also use. */
export const DOCX_STYLE = {
  heading: (level: number) => `Heading${level}`,
  quote: 'Quote',
  code: 'PreformattedText',
  rule: 'HorizontalLine',
  codeChar: 'SourceText',
  /** LibreOffice's "Table Heading": marks a header cell outside the header rows, which OOXML cannot mark itself. */
  tableHeading: 'TableHeading',
} as const;

/** English Metric Units per CSS pixel (914400 per inch, 96 pixels per inch). */
export const EMU_PER_PX = 9525;
