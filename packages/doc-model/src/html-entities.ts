// Character references as the HTML tokenizer decodes them. The table holds
// the names office programs and web pages actually write: the Latin-1 names
// (which also work without a semicolon), typography, and the punctuation
// names that hostile markup uses to hide a scheme (`javascript&colon;`).
// An unknown name stays as it is, which is safe: URL checks then see `&`
// where a browser would see something else, and refuse the URL.

/** The Latin-1 names for U+00A0 to U+00FF, in order. */
const LATIN1 = [
  'nbsp', 'iexcl', 'cent', 'pound', 'curren', 'yen', 'brvbar', 'sect', 'uml', 'copy', 'ordf', 'laquo', 'not',
  'shy', 'reg', 'macr', 'deg', 'plusmn', 'sup2', 'sup3', 'acute', 'micro', 'para', 'middot', 'cedil', 'sup1',
  'ordm', 'raquo', 'frac14', 'frac12', 'frac34', 'iquest', 'Agrave', 'Aacute', 'Acirc', 'Atilde', 'Auml',
  'Aring', 'AElig', 'Ccedil', 'Egrave', 'Eacute', 'Ecirc', 'Euml', 'Igrave', 'Iacute', 'Icirc', 'Iuml', 'ETH',
  'Ntilde', 'Ograve', 'Oacute', 'Ocirc', 'Otilde', 'Ouml', 'times', 'Oslash', 'Ugrave', 'Uacute', 'Ucirc',
  'Uuml', 'Yacute', 'THORN', 'szlig', 'agrave', 'aacute', 'acirc', 'atilde', 'auml', 'aring', 'aelig',
  'ccedil', 'egrave', 'eacute', 'ecirc', 'euml', 'igrave', 'iacute', 'icirc', 'iuml', 'eth', 'ntilde',
  'ograve', 'oacute', 'ocirc', 'otilde', 'ouml', 'divide', 'oslash', 'ugrave', 'uacute', 'ucirc', 'uuml',
  'yacute', 'thorn', 'yuml',
];

const OTHER: Readonly<Record<string, number>> = {
  amp: 0x26, lt: 0x3c, gt: 0x3e, quot: 0x22, apos: 0x27,
  AMP: 0x26, LT: 0x3c, GT: 0x3e, QUOT: 0x22, COPY: 0xa9, REG: 0xae,
  OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161, Yuml: 0x178, fnof: 0x192, circ: 0x2c6, tilde: 0x2dc,
  ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e, rlm: 0x200f,
  ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a, ldquo: 0x201c, rdquo: 0x201d,
  bdquo: 0x201e, dagger: 0x2020, Dagger: 0x2021, bull: 0x2022, hellip: 0x2026, permil: 0x2030, prime: 0x2032,
  Prime: 0x2033, lsaquo: 0x2039, rsaquo: 0x203a, oline: 0x203e, euro: 0x20ac, trade: 0x2122, larr: 0x2190,
  uarr: 0x2191, rarr: 0x2192, darr: 0x2193, harr: 0x2194, lArr: 0x21d0, rArr: 0x21d2, hArr: 0x21d4,
  minus: 0x2212, radic: 0x221a, infin: 0x221e, asymp: 0x2248, ne: 0x2260, le: 0x2264, ge: 0x2265, sum: 0x2211,
  Tab: 0x09, NewLine: 0x0a, excl: 0x21, num: 0x23, dollar: 0x24, percnt: 0x25, lpar: 0x28, rpar: 0x29,
  ast: 0x2a, plus: 0x2b, comma: 0x2c, period: 0x2e, sol: 0x2f, colon: 0x3a, semi: 0x3b, equals: 0x3d,
  quest: 0x3f, commat: 0x40, lsqb: 0x5b, bsol: 0x5c, rsqb: 0x5d, Hat: 0x5e, lowbar: 0x5f, grave: 0x60,
  lcub: 0x7b, verbar: 0x7c, rcub: 0x7d, hyphen: 0x2010, dash: 0x2010,
};

const NAMED = new Map<string, string>();
LATIN1.forEach((name, index) => NAMED.set(name, String.fromCodePoint(0xa0 + index)));
for (const [name, code] of Object.entries(OTHER)) NAMED.set(name, String.fromCodePoint(code));

/** Names that HTML decodes even without the closing semicolon. */
const LEGACY = new Set([...LATIN1, 'amp', 'lt', 'gt', 'quot', 'AMP', 'LT', 'GT', 'QUOT', 'COPY', 'REG']);
const LONGEST_LEGACY = Math.max(...[...LEGACY].map((name) => name.length));

// Numeric references to C1 controls mean windows-1252 characters: Word's `&#150;` is an en dash.
const WINDOWS_1252: Readonly<Record<number, number>> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x2c6, 0x89: 0x2030, 0x8a: 0x160, 0x8b: 0x2039, 0x8c: 0x152, 0x8e: 0x17d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x2dc,
  0x99: 0x2122, 0x9a: 0x161, 0x9b: 0x203a, 0x9c: 0x153, 0x9e: 0x17e, 0x9f: 0x178,
};

function numeric(code: number): string {
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(WINDOWS_1252[code] ?? code);
}

const REFERENCE = /&(?:#(\d+);?|#[xX]([0-9a-fA-F]+);?|([A-Za-z][A-Za-z0-9]*)(;?))/g;

/**
 * Decodes the character references (`&amp;`, `&#228;`, `&#xE4;`, `&auml;`)
 * in text or, with `inAttribute`, in an attribute value, where a legacy name
 * without semicolon followed by a letter, digit or `=` stays as written.
 */
export function decodeCharacterReferences(text: string, inAttribute = false): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole: string, decimal?: string, hex?: string, name?: string, semicolon?: string, offset = 0) => {
    if (decimal !== undefined) return numeric(decimal.length > 8 ? 0x110000 : Number(decimal));
    if (hex !== undefined) return numeric(hex.length > 7 ? 0x110000 : Number.parseInt(hex, 16));
    if (name === undefined) return whole;
    if (semicolon) {
      const decoded = NAMED.get(name);
      if (decoded !== undefined) return decoded;
    }
    // Without a semicolon only legacy names count, and the longest that fits.
    for (let length = Math.min(name.length, LONGEST_LEGACY); length > 1; length--) {
      const prefix = name.slice(0, length);
      if (!LEGACY.has(prefix)) continue;
      const rest = name.slice(length) + (semicolon ?? '');
      if (inAttribute && rest.length > 0 && /^[A-Za-z0-9=]/.test(rest)) return whole;
      const after = text.charAt(offset + whole.length);
      if (inAttribute && rest.length === 0 && after === '=') return whole;
      return (NAMED.get(prefix) ?? '') + rest;
    }
    return whole;
  });
}
