import type { Node as ProseMirrorNode } from 'prosemirror-model';

/** One position of a table's grid: the cell starting there, a position covered by a merged cell, or a hole in an uneven table. */
export type GridSlot =
  | { readonly kind: 'cell'; readonly cell: ProseMirrorNode; readonly colspan: number; readonly rowspan: number }
  | { readonly kind: 'covered'; readonly by: ProseMirrorNode; readonly first: boolean }
  | { readonly kind: 'empty' };

/** A table laid out on a rectangular grid, as ODF and DOCX write tables. */
export interface TableGrid {
  readonly width: number;
  readonly rows: readonly (readonly GridSlot[])[];
}

const span = (value: unknown): number => {
  const number = Number(value);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, 1000) : 1;
};

/**
 * Lays a table out on a grid: each cell at the first free position of its
 * row, covering `colspan × rowspan` positions (clipped to the table's
 * rows). Rows that concurrent edits left short are padded with `empty`.
 * `first` marks a covered position in the first row of its cell (DOCX
 * continues a horizontal merge there, a vertical one below).
 */
export function tableGrid(table: ProseMirrorNode): TableGrid {
  const height = table.childCount;
  const grid: GridSlot[][] = Array.from({ length: height }, () => []);
  table.forEach((row, _offset, rowIndex) => {
    let column = 0;
    row.forEach((cell) => {
      const line = grid[rowIndex]!;
      while (line[column] !== undefined) column++;
      const colspan = span(cell.attrs['colspan']);
      const rowspan = Math.min(span(cell.attrs['rowspan']), height - rowIndex);
      for (let dy = 0; dy < rowspan; dy++) {
        for (let dx = 0; dx < colspan; dx++) {
          const target = grid[rowIndex + dy]!;
          if (target[column + dx] !== undefined) continue;
          target[column + dx] =
            dx === 0 && dy === 0 ? { kind: 'cell', cell, colspan, rowspan } : { kind: 'covered', by: cell, first: dy === 0 };
        }
      }
      column += colspan;
    });
  });
  const width = Math.max(0, ...grid.map((line) => line.length));
  for (const line of grid) for (let column = 0; column < width; column++) line[column] ??= { kind: 'empty' };
  return { width, rows: grid };
}

/** The number of leading rows whose cells are all header cells: the rows a file repeats as the table's header. */
export function headerRowCount(table: ProseMirrorNode): number {
  let count = 0;
  for (let index = 0; index < table.childCount; index++) {
    const row = table.child(index);
    let all = row.childCount > 0;
    row.forEach((cell) => {
      if (cell.type.name !== 'table_header') all = false;
    });
    if (!all) break;
    count++;
  }
  return count;
}
