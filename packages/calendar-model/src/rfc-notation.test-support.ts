/**
 * Reads the RFC 5545 §3.8.5.3 way of writing instance lists, so tests can
 * quote the RFC: `(1997 9:00 AM EDT) September 2-11` becomes
 * `[1997, 'EDT', 'September 2-11']`. A range "2-30/2" steps by two, written
 * out where the RFC abbreviates with "...".
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const OFFSETS: Record<string, string> = { EDT: '-04:00', EST: '-05:00' };

/** One line of an RFC instance list: year, zone abbreviation, "Month d,d-d;Month d". */
export type RfcLine = [year: number, zone: 'EDT' | 'EST', days: string, time?: string];

/** Expands RFC lines into ISO 8601 strings with offsets, in order. */
export function rfcInstances(lines: RfcLine[]): string[] {
  const out: string[] = [];
  for (const [year, zone, text, time = '09:00'] of lines) {
    for (const group of text.split(';')) {
      const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(group);
      if (!m) throw new Error(`bad RFC group "${group}"`);
      const month = MONTHS.indexOf(m[1]!) + 1;
      if (month === 0) throw new Error(`bad month "${m[1]}"`);
      for (const item of m[2]!.split(',')) {
        const r = /^\s*(\d+)(?:-(\d+)(?:\/(\d+))?)?\s*$/.exec(item);
        if (!r) throw new Error(`bad day "${item}"`);
        const first = Number(r[1]);
        const last = r[2] === undefined ? first : Number(r[2]);
        const step = r[3] === undefined ? 1 : Number(r[3]);
        for (let d = first; d <= last; d += step) {
          out.push(`${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}T${time}:00${OFFSETS[zone]}`);
        }
      }
    }
  }
  return out;
}

/** Instances at several times of one day: `rfcTimes('1997-09-02', 'EDT', '09:00,12:00')`. */
export function rfcTimes(date: string, zone: 'EDT' | 'EST', times: string): string[] {
  return times.split(/[,;]/).map((t) => `${date}T${t.trim().padStart(5, '0')}:00${OFFSETS[zone]}`);
}
