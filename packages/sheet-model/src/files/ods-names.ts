/** Namespaces of ODF spreadsheets, by the prefixes we read and write them with. */
export const ODF_NS: Readonly<Record<string, string>> = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  table: 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  number: 'urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0',
  of: 'urn:oasis:names:tc:opendocument:xmlns:of:1.2',
  config: 'urn:oasis:names:tc:opendocument:xmlns:config:1.0',
  manifest: 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
  meta: 'urn:oasis:names:tc:opendocument:xmlns:meta:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
  calcext: 'urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0',
};

/** Namespace URI → canonical prefix, for reading. */
export const ODF_PREFIXES: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ODF_NS).map(([prefix, uri]) => [uri, prefix]));

/** The `xmlns:` attributes for a root element. */
export function odfNamespaces(...prefixes: string[]): Record<string, string> {
  return Object.fromEntries(prefixes.map((prefix) => [`xmlns:${prefix}`, ODF_NS[prefix]!]));
}

export const ODS_MIME_TYPE = 'application/vnd.oasis.opendocument.spreadsheet';

/** Pixels per centimetre at 96 dpi. */
export const PX_PER_CM = 96 / 2.54;

/** A length of ODF (`2.5cm`, `0.75in`, `12pt`, `30px`) in pixels, or undefined. */
export function lengthToPx(length: string | undefined): number | undefined {
  if (!length) return undefined;
  const m = /^(-?[0-9.]+)(cm|mm|in|pt|pc|px)$/.exec(length.trim());
  if (!m) return undefined;
  const value = Number(m[1]);
  const factor: Record<string, number> = { cm: PX_PER_CM, mm: PX_PER_CM / 10, in: 96, pt: 96 / 72, pc: 16, px: 1 };
  return Math.round(value * factor[m[2]!]! * 100) / 100;
}

/** Pixels as an ODF length in centimetres. */
export function pxToCm(px: number): string {
  return `${Math.round((px / PX_PER_CM) * 10000) / 10000}cm`;
}
