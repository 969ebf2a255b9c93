import { readFileSync } from 'node:fs';

/** Total and idle jiffies of all CPUs from /proc/stat; null where there is none. */
function cpuTimes(): { total: number; idle: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal …: idle and iowait are idle time.
    return { total: fields.reduce((sum, value) => sum + value, 0), idle: fields[3]! + (fields[4] ?? 0) };
  } catch {
    return null;
  }
}

/**
 * How busy the machine's CPUs are over the next `ms` milliseconds, from 0 to 1 (null where
 * /proc/stat cannot be read): measured before a benchmark starts, anything above a few percent
 * is someone else's work competing with it.
 */
export async function cpuBusy(ms = 1000): Promise<number | null> {
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTimes();
  if (!before || !after || after.total === before.total) return null;
  return 1 - (after.idle - before.idle) / (after.total - before.total);
}
