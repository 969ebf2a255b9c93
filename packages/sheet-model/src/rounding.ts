/** Rounds half away from zero at `digits` decimals, correcting binary representation error as Excel does (2.675 → 2.68). */
export function roundHalfAway(x: number, digits: number): number {
  const m = Math.pow(10, digits);
  const scaled = Math.abs(x) * m;
  const r = Math.round(Number(scaled.toPrecision(15)));
  return (Math.sign(x) * r) / m;
}
