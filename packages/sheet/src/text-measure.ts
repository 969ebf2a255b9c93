/** Texts of these characters (printable Latin-1 and €) are measured as the sum of their characters' widths. */
const SIMPLE = /^[\x20-\x7e\u00a0-\u00ff€]*$/;
/** Slot of `€` in a font's table of character widths (after the 256 Latin-1 codes). */
const EURO = 256;

/**
 * Measures text widths in the grid's font with a canvas. The `###` decision needs the real width of every
 * number that scrolls into view, which are mostly texts never seen before, so a text of printable Latin-1
 * characters (numbers, dates, most Western text) is measured as the sum of its characters' widths, each
 * character measured once per font: digits and the signs around them have no kerning, so the sum is their
 * width. Other texts (other scripts, combining marks, emoji) are measured whole, and cached per (font, text).
 */
export class TextMeasure {
  private context: CanvasRenderingContext2D | null | undefined;
  /** The font last given to the canvas: setting `font` parses it, which costs more than most measurements. */
  private font = '';
  private readonly cache = new Map<string, number>();
  private readonly charWidths = new Map<string, Float64Array>();

  constructor(private readonly doc: Document) {}

  /** The width of `text` in CSS pixels in `font` (a CSS font shorthand); an estimate where no canvas exists. */
  width(text: string, font: string): number {
    if (SIMPLE.test(text)) {
      let table = this.charWidths.get(font);
      if (!table) this.charWidths.set(font, (table = new Float64Array(EURO + 1).fill(-1)));
      let w = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const slot = code < EURO ? code : EURO;
        let cw = table[slot]!;
        if (cw < 0) table[slot] = cw = this.measure(text[i]!, font);
        w += cw;
      }
      return w;
    }
    const key = font + '\u0000' + text;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const w = this.measure(text, font);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, w);
    return w;
  }

  private measure(text: string, font: string): number {
    if (this.context === undefined) this.context = this.doc.createElement('canvas').getContext('2d');
    const context = this.context;
    if (!context) return text.length * 7.5;
    if (this.font !== font) {
      context.font = font;
      this.font = font;
    }
    return context.measureText(text).width;
  }
}
