// The 16 colour names of HTML 4 plus orange: what Word writes for highlights
// (`background:yellow; mso-highlight:yellow`) and what older pages use.
const NAMED_COLORS: Readonly<Record<string, string>> = {
  black: '#000000',
  silver: '#c0c0c0',
  gray: '#808080',
  grey: '#808080',
  white: '#ffffff',
  maroon: '#800000',
  red: '#ff0000',
  purple: '#800080',
  fuchsia: '#ff00ff',
  magenta: '#ff00ff',
  green: '#008000',
  lime: '#00ff00',
  olive: '#808000',
  yellow: '#ffff00',
  navy: '#000080',
  blue: '#0000ff',
  teal: '#008080',
  aqua: '#00ffff',
  cyan: '#00ffff',
  orange: '#ffa500',
  darkblue: '#00008b',
  darkred: '#8b0000',
  darkgreen: '#006400',
  darkcyan: '#008b8b',
  darkmagenta: '#8b008b',
  darkyellow: '#808000',
  darkgray: '#a9a9a9',
  lightgray: '#d3d3d3',
};

const HEX6 = /^#[0-9a-f]{6}$/i;
const HEX3 = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i;
const RGB = /^rgba?\(\s*(\d{1,3})\s*[, ]\s*(\d{1,3})\s*[, ]\s*(\d{1,3})\s*(?:[,/]\s*([\d.]+%?)\s*)?\)$/i;

/**
 * Tells whether `value` is a colour in the one form the document stores:
 * `#rrggbb` with six hexadecimal digits.
 */
export function isHexColor(value: unknown): value is string {
  return typeof value === 'string' && HEX6.test(value);
}

/**
 * Turns a CSS colour as pasted documents and browsers write it (`#RGB`,
 * `#RRGGBB`, `rgb(…)`, `rgba(…)` when fully opaque, or one of the basic
 * colour names) into the stored form, lowercase `#rrggbb`. Returns null for
 * anything else, including `transparent`, translucent colours, `inherit`,
 * system colours and CSS functions such as `expression(…)` or `var(…)`, so
 * no CSS text from outside ever reaches a style attribute.
 */
export function normalizeColor(value: string): string | null {
  const text = value.trim().toLowerCase();
  if (HEX6.test(text)) return text;
  const short = HEX3.exec(text);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  const rgb = RGB.exec(text);
  if (rgb) {
    const alpha = rgb[4];
    if (alpha !== undefined && !(alpha === '1' || alpha === '100%' || Number(alpha.replace('%', '')) === 1)) return null;
    const channels = [rgb[1], rgb[2], rgb[3]].map(Number);
    if (channels.some((channel) => channel > 255)) return null;
    return `#${channels.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
  }
  return Object.hasOwn(NAMED_COLORS, text) ? (NAMED_COLORS[text] ?? null) : null;
}
