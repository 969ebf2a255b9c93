// The workloads of issue 5's benchmark as plain 2-D arrays of cell inputs, shared by both engines.

/** (a) 100,000 chained formulas: A1 = 1, An = A(n-1)+1. */
export const CHAIN = 100_000;
/** (b) 5,000 growing ranges: A has values, Bn = SUM($A$1:An). */
export const GROWING = 5_000;
/** (c) a 10,000 × 20 table (200,000 values) with 10,000 SUM and 10,000 VLOOKUP(…, FALSE) formulas over it. */
export const TABLE_ROWS = 10_000;
export const TABLE_COLS = 20;

export type Input = string | number;

function letters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function chain(): Input[][] {
  const rows: Input[][] = [[1]];
  for (let i = 2; i <= CHAIN; i++) rows.push([`=A${i - 1}+1`]);
  return rows;
}

export function growing(): Input[][] {
  const rows: Input[][] = [];
  for (let i = 1; i <= GROWING; i++) rows.push([i, `=SUM($A$1:A${i})`]);
  return rows;
}

/** Column A holds unique keys 1..10000; each row sums its own 20 values and looks up another row's key (exact match) returning its last column. */
export function table(): Input[][] {
  const last = letters(TABLE_COLS - 1);
  const rows: Input[][] = [];
  for (let i = 1; i <= TABLE_ROWS; i++) {
    const row: Input[] = [i];
    for (let c = 1; c < TABLE_COLS; c++) row.push(((i * 31 + c * 17) % 1000) / 10);
    const key = ((i * 7919) % TABLE_ROWS) + 1;
    row.push(`=SUM(A${i}:${last}${i})`);
    row.push(`=VLOOKUP(${key},$A$1:$${last}$${TABLE_ROWS},${TABLE_COLS},FALSE)`);
    rows.push(row);
  }
  return rows;
}
