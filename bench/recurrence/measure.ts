// A small timing loop: one warm-up call, then repeat until the time budget is spent.

/** The timing of one engine on one workload. */
export interface Timing {
  opsPerSecond: number;
  msPerOp: number;
  runs: number;
}

/**
 * Runs `op` repeatedly for about `budgetMs` (at least `minRuns` times) and reports ops/s.
 * Warms up for a fifth of the budget first; when the first call alone takes longer than the
 * budget, that call is the measurement.
 */
export function measure(op: () => unknown, budgetMs = 1500, minRuns = 3): Timing {
  const first = performance.now();
  op();
  const warmUp = performance.now() - first;
  if (warmUp > budgetMs) return { opsPerSecond: 1000 / warmUp, msPerOp: warmUp, runs: 1 };
  // Let the JIT settle: keep warming up for a fifth of the budget.
  while (performance.now() - first < budgetMs / 5) op();
  let runs = 0;
  const started = performance.now();
  let elapsed = 0;
  while (runs < minRuns || elapsed < budgetMs) {
    op();
    runs++;
    elapsed = performance.now() - started;
    if (elapsed > budgetMs * 20) break;
  }
  return { opsPerSecond: (runs * 1000) / elapsed, msPerOp: elapsed / runs, runs };
}

/** Instances one engine got that the other did not (both ways), as ISO strings. */
export function difference(ours: number[], theirs: number[]): { missing: string[]; extra: string[] } {
  const a = new Set(ours);
  const b = new Set(theirs);
  return {
    missing: ours.filter((x) => !b.has(x)).map((x) => new Date(x).toISOString()),
    extra: theirs.filter((x) => !a.has(x)).map((x) => new Date(x).toISOString()),
  };
}
