/** Horizontal padding of a cell (4 px on each side), which text cannot use. */
export const CELL_PADDING = 8;

/**
 * What a number shows in a column of `available` pixels: its text when it
 * fits, else as many `#` as fit, as Excel, LibreOffice and Google Sheets do —
 * a cut-off number would show a wrong value. Text is never replaced (it is
 * cut or runs into neighbours instead). `measure` gives a text's width in px.
 */
export function fitNumber(text: string, available: number, measure: (text: string) => number): { text: string; hashes: boolean } {
  const room = available - CELL_PADDING;
  if (text === '' || measure(text) <= room) return { text, hashes: false };
  const hash = Math.max(1, measure('#'));
  return { text: '#'.repeat(Math.max(1, Math.floor(room / hash))), hashes: true };
}
