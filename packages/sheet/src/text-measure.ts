/**
 * Measures text widths in the grid's font with a canvas, caching each
 * (font, text) pair: the `###` decision needs the real width of a number,
 * and the same numbers are measured again whenever rows scroll back into view.
 */
export class TextMeasure {
  private context: CanvasRenderingContext2D | null | undefined;
  private readonly cache = new Map<string, number>();

  constructor(private readonly doc: Document) {}

  /** The width of `text` in CSS pixels in `font` (a CSS font shorthand); an estimate where no canvas exists. */
  width(text: string, font: string): number {
    const key = font + '\u0000' + text;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    if (this.context === undefined) this.context = this.doc.createElement('canvas').getContext('2d');
    let w: number;
    if (this.context) {
      this.context.font = font;
      w = this.context.measureText(text).width;
    } else w = text.length * 7.5;
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(key, w);
    return w;
  }
}
