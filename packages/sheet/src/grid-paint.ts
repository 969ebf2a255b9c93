import { parseAddress } from '@allmende/sheet-model';
import type { Awareness } from 'y-protocols/awareness';
import { typedRefs } from './formula-refs.js';
import type { GridBox, GridSource } from './grid-types.js';
import type { GridView } from './grid-view.js';
import { readRemoteSelection } from './remote-selection.js';
import type { SheetCore } from './sheet-core.js';
import { selectionRange } from './selection.js';
import type { CellRange } from './selection.js';

/** Colours of the references outlined while a formula is typed, in order of appearance. */
const REF_COLORS = ['#1d4ed8', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490'];

/** What is drawn over the cells besides this user's selection. */
export interface PaintOverlays {
  /** Other users' selections come from here. */
  awareness: Awareness | null;
  /** The label for a remote user without a name. */
  anonymous: string;
  /** The formula being typed, whose references are outlined; null when not editing. */
  draft: string | null;
  /** The range a fill-handle drag would fill. */
  fill: CellRange | null;
  /** Whether the fill handle is shown (the sheet can be edited and no cell is edited). */
  fillHandle: boolean;
}

/**
 * Draws the sheet shown into the grid view: the visible cells (from the core's cached looks), remote
 * users' selections, this user's ranges and active cell, formula references, the fill handle and the
 * filter's header marks; then keeps the ARIA grid's counts and active descendant right.
 */
export function paintGrid(core: SheetCore, view: GridView, overlays: PaintOverlays): void {
  const wb = core.wb;
  if (!wb || !core.sheetId) return;
  const name = core.sheetName;
  const axes = core.getAxes();
  const frozen = wb.getFrozen(name);
  const merges: CellRange[] = [];
  for (const m of wb.merges(name)) {
    const [a, b] = m.range.split(':');
    const p = parseAddress(a ?? '');
    const q = parseAddress(b ?? a ?? '');
    if (p.row >= 0 && q.row >= 0) merges.push({ r0: p.row, c0: p.col, r1: q.row, c1: q.col });
  }
  const sel = core.selection();
  const range = selectionRange(sel);
  const source: GridSource = {
    rows: axes.rows,
    cols: axes.cols,
    frozenRows: Math.min(frozen.rows, axes.rows.count),
    frozenCols: Math.min(frozen.cols, axes.cols.count),
    merges,
    version: core.looksVersion,
    cell: (r, c) => core.look(r, c),
    cellId: (r, c) => `cell-${r}-${c}`,
    selected: range,
  };
  const boxes: GridBox[] = [];
  // Remote users first, so this user's own selection is drawn on top.
  const awareness = overlays.awareness;
  if (awareness) {
    for (const [clientId, state] of awareness.getStates()) {
      if (clientId === awareness.clientID) continue;
      const remote = readRemoteSelection(clientId, state, overlays.anonymous);
      if (!remote || remote.sheet !== core.sheetId) continue;
      const a = core.resolve({ ...remote.anchor, row: -1, col: -1 }, { row: -1, col: -1 });
      const f = core.resolve({ ...remote.focus, row: -1, col: -1 }, { row: -1, col: -1 });
      if (a.row < 0 || a.col < 0 || f.row < 0 || f.col < 0) continue;
      const r = { r0: Math.min(a.row, f.row), c0: Math.min(a.col, f.col), r1: Math.max(a.row, f.row), c1: Math.max(a.col, f.col) };
      boxes.push({ range: r, className: 'remote', color: remote.color, label: remote.name });
    }
  }
  if (overlays.draft !== null) {
    typedRefs(overlays.draft).forEach((ref, i) => boxes.push({ range: ref.range, className: 'ref', color: REF_COLORS[i % REF_COLORS.length]! }));
  }
  for (const extra of core.otherRanges()) boxes.push({ range: extra, className: 'selection' });
  if (range.r0 !== range.r1 || range.c0 !== range.c1 || core.extraRanges.length > 0) boxes.push({ range, className: 'selection' });
  boxes.push({ range: { r0: sel.active.row, c0: sel.active.col, r1: sel.active.row, c1: sel.active.col }, className: 'active' });
  if (overlays.fill) boxes.push({ range: overlays.fill, className: 'copy' });
  const header = core.filterHeader();
  if (header >= 0 && core.filters) {
    const filtered = new Set([...core.filters.columns(core.sheetId).keys()].map((id) => wb.colIndexOf(name, id)));
    const last = Math.max(core.dataEnd(null).col, 0);
    for (let c = 0; c <= last; c++) boxes.push({ range: { r0: header, c0: c, r1: header, c1: c }, className: filtered.has(c) ? 'filter-mark filtered' : 'filter-mark' });
  }
  if (overlays.fillHandle) boxes.push({ range: { r0: range.r1, c0: range.c1, r1: range.r1, c1: range.c1 }, className: 'fill-handle' });
  view.update(source, boxes);
  const s = view.scroller;
  s.setAttribute('aria-rowcount', String(axes.rows.count + 1));
  s.setAttribute('aria-colcount', String(axes.cols.count + 1));
  const activeEl = s.querySelector(`#cell-${sel.active.row}-${sel.active.col}`);
  if (activeEl) {
    s.setAttribute('aria-activedescendant', activeEl.id);
    for (const el of s.querySelectorAll('[aria-selected="true"]')) if (el !== activeEl) el.removeAttribute('aria-selected');
    activeEl.setAttribute('aria-selected', 'true');
  } else s.removeAttribute('aria-activedescendant');
}
