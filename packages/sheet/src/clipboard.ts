/**
 * Clipboard formats spreadsheets exchange: tab-separated text (Excel,
 * LibreOffice Calc and Google Sheets all write and read it) and HTML tables.
 * HTML from the clipboard is untrusted: it is read by a small tokenizer that
 * only looks for table structure and text, never by a DOM parser, so nothing
 * in it is loaded or run.
 */

/** One pasted cell: text as shown, or a number the source gave in raw form. */
export type ClipCell = string | number;

const NEEDS_QUOTES = /[\t\n\r"]/;

/** Writes rows of cell texts as TSV the way Excel does: fields with tabs, line breaks or quotes are quoted. */
export function toTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map((cell) => (NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join('\t')).join('\r\n') + '\r\n';
}

/**
 * Reads TSV into rows of cells: `\r\n`, `\n` or `\r` end rows, a field that
 * starts with `"` runs to the matching quote (`""` is a quote), and one
 * trailing line break is not an extra row. Rows keep their own lengths.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return [];
  for (;;) {
    let field: string;
    if (text[i] === '"') {
      // A quoted field; if it never closes, take the rest literally (as Excel does).
      let j = i + 1;
      let closed = false;
      let buf = '';
      while (j < n) {
        const ch = text[j]!;
        if (ch === '"') {
          if (text[j + 1] === '"') {
            buf += '"';
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        buf += ch;
        j++;
      }
      if (closed && (j >= n || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) {
        field = buf;
        i = j;
      } else {
        let k = i;
        while (k < n && text[k] !== '\t' && text[k] !== '\n' && text[k] !== '\r') k++;
        field = text.slice(i, k);
        i = k;
      }
    } else {
      let k = i;
      while (k < n && text[k] !== '\t' && text[k] !== '\n' && text[k] !== '\r') k++;
      field = text.slice(i, k);
      i = k;
    }
    row.push(field);
    if (i >= n) {
      rows.push(row);
      break;
    }
    const ch = text[i]!;
    if (ch === '\t') {
      i++;
      continue;
    }
    // A line break.
    i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the HTML character references a table cell contains. Unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Reads the attributes of a start tag into a map (names lower-cased, values decoded). */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  // Skip the tag name.
  const body = tag.replace(/^<\s*[^\s>/]+/, '').replace(/\/?>$/, '');
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out.set(m[1]!.toLowerCase(), decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  return out;
}

/** A raw number given by the source next to the shown text: LibreOffice `sdval`, Excel `x:num`, Google `data-sheets-value`. */
function rawNumber(attrs: Map<string, string>): number | undefined {
  const read = (s: string | undefined): number | undefined => {
    if (s === undefined || s.trim() === '') return undefined;
    const v = Number(s);
    return Number.isFinite(v) ? v : undefined;
  };
  const sd = read(attrs.get('sdval'));
  if (sd !== undefined) return sd;
  const x = read(attrs.get('x:num'));
  if (x !== undefined) return x;
  const g = attrs.get('data-sheets-value');
  if (g) {
    try {
      const parsed: unknown = JSON.parse(g);
      // Google Sheets: {"1":3,"3":<number>} marks a number.
      if (typeof parsed === 'object' && parsed !== null) {
        const o = parsed as Record<string, unknown>;
        if (o['1'] === 3 && typeof o['3'] === 'number' && Number.isFinite(o['3'])) return o['3'];
      }
    } catch {
      return undefined;
    }
  }
  return undefined;
}

const MAX_SPAN = 1000;

/**
 * Reads the first `<table>` of clipboard HTML into rows of cells; null when
 * there is none. Cell text is the text between tags with `<br>` as a line
 * break and whitespace collapsed as a browser shows it; `colspan` and
 * `rowspan` leave empty cells, as spreadsheets paste merged cells. The
 * content of `<style>`, `<script>` and comments is skipped.
 */
export function parseHtmlTable(html: string): ClipCell[][] | null {
  const cleaned = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(style|script|title|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  const start = cleaned.search(/<table\b/i);
  if (start < 0) return null;
  const tokens = cleaned.slice(start).match(/<[^>]*>|[^<]+/g) ?? [];
  const rows: ClipCell[][] = [];
  /** Cells of later rows taken by a rowspan: row index → columns. */
  const taken = new Map<number, Set<number>>();
  let depth = 0;
  let row: ClipCell[] | null = null;
  let cell: { text: string; raw: number | undefined; colspan: number; rowspan: number } | null = null;
  const place = (r: number, c: number): boolean => taken.get(r)?.has(c) ?? false;
  const finishCell = (): void => {
    if (!cell || !row) return;
    // Source line breaks are layout; only <br> (kept as U+E000 until now) is a break in the cell.
    const text = cell.text.replace(/[ \t\r\n\f]+/g, ' ').replace(/ ?\ue000 ?/g, '\n').trim();
    const rowIndex = rows.length;
    while (place(rowIndex, row.length)) row.push('');
    const col = row.length;
    row.push(cell.raw !== undefined ? cell.raw : text.replace(/\u00a0/g, ' '));
    for (let k = 1; k < cell.colspan; k++) row.push('');
    for (let dr = 1; dr < cell.rowspan; dr++) {
      let set = taken.get(rowIndex + dr);
      if (!set) taken.set(rowIndex + dr, (set = new Set()));
      for (let k = 0; k < cell.colspan; k++) set.add(col + k);
    }
    cell = null;
  };
  const finishRow = (): void => {
    finishCell();
    if (!row) return;
    const rowIndex = rows.length;
    while (place(rowIndex, row.length)) row.push('');
    rows.push(row);
    row = null;
  };
  for (const token of tokens) {
    if (token[0] !== '<') {
      if (cell) cell.text += decodeEntities(token).replace(/\ue000/g, '');
      continue;
    }
    const m = /^<\s*(\/?)\s*([a-z0-9:]+)/i.exec(token);
    if (!m) continue;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    if (name === 'table') {
      if (closing) {
        depth--;
        if (depth <= 0) break;
      } else depth++;
      continue;
    }
    // Only the outer table counts; a nested table's text joins its cell.
    if (depth > 1) {
      if (cell && (name === 'td' || name === 'th' || name === 'br')) cell.text += ' ';
      continue;
    }
    if (name === 'tr') {
      if (closing) finishRow();
      else {
        finishRow();
        row = [];
      }
    } else if (name === 'td' || name === 'th') {
      if (closing) finishCell();
      else {
        if (!row) row = [];
        finishCell();
        const attrs = attributes(token);
        const span = (v: string | undefined): number => Math.min(MAX_SPAN, Math.max(1, parseInt(v ?? '1', 10) || 1));
        cell = { text: '', raw: rawNumber(attrs), colspan: span(attrs.get('colspan')), rowspan: span(attrs.get('rowspan')) };
      }
    } else if (cell && name === 'br') cell.text += '\ue000';
    else if (cell && !closing && (name === 'p' || name === 'div') && cell.text.trim() !== '') cell.text += '\ue000';
  }
  finishRow();
  return rows;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
}

/** Writes rows of cell texts as an HTML table that Excel, LibreOffice Calc and Google Sheets paste as cells. */
export function toHtmlTable(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map((row) => '<tr>' + row.map((cell) => `<td>${escapeHtml(cell).replace(/\r?\n/g, '<br>')}</td>`).join('') + '</tr>')
    .join('');
  return `<meta charset="utf-8"><table>${body}</table>`;
}
