import { DAY_MS } from './civil.js';
import { maxDurationMs, parseDuration, type SplitDuration } from './duration.js';
import { RuleExpander } from './expand.js';
import { formatLocalTime, parseLocalTime, type LocalTime } from './local-time.js';
import { parseRRule } from './rrule.js';
import { clearFormatCache } from './iso-format.js';
import { getZone, type Zone } from './zone.js';

/** The fields of an event that decide when its instances happen. */
export interface SeriesFields {
  /** Local start: "YYYY-MM-DD" (all day) or "YYYY-MM-DDTHH:MM:SS". */
  start: string;
  /** Local end in `endTimeZone` (or `timeZone`); exclusive. */
  end?: string | undefined;
  /** ISO 8601 duration, used when there is no end. */
  duration?: string | undefined;
  /** IANA zone of start; absent for floating times and all-day dates. */
  timeZone?: string | undefined;
  endTimeZone?: string | undefined;
  rrule?: string | undefined;
  /** Extra instance starts (local, like start). */
  rdates?: Iterable<string> | undefined;
  /** Excluded instance starts (recurrence ids). */
  exdates?: Iterable<string> | undefined;
}

/** Receives one instance: start and end as wall times of the event's zone and as instants. */
export type InstanceVisitor = (startWall: number, startEpoch: number, endEpoch: number, endWall: number) => void;

/** One instance of a series, before any override is applied. */
export interface Instance {
  /** The original local start, the key of overrides and EXDATEs. */
  recurrenceId: string;
  startWall: number;
  startEpoch: number;
  endEpoch: number;
  /** End as wall time of the event's zone (for all-day events: the exclusive end date). */
  endWall: number;
}

const NORMALIZED_LOCAL = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2})?$/;
const expanders = new Map<string, RuleExpander>();
const EXPANDER_CACHE = 8192;

function cachedExpander(rrule: string, start: number, allDay: boolean, zone: Zone): RuleExpander {
  const key = `${rrule}\n${start}\n${allDay ? 1 : 0}\n${zone.id}`;
  let expander = expanders.get(key);
  if (!expander) {
    expander = new RuleExpander(parseRRule(rrule), start, allDay, (wall) => zone.toEpoch(wall));
    if (expanders.size >= EXPANDER_CACHE) expanders.delete(expanders.keys().next().value!);
    expanders.set(key, expander);
  }
  return expander;
}

/**
 * Forgets every compiled rule (and the position of its COUNT end) and every
 * event parsed for `occurrences()`. Rules are cached by text, start and
 * zone, and parsed events per Y.Doc, so repeated window queries skip reading,
 * parsing and counting; call this to release the memory, or to time cold queries.
 */
export function clearExpansionCache(): void {
  expanders.clear();
  clearFormatCache();
  generation++;
}

let generation = 0;

/** Changes whenever {@link clearExpansionCache} runs, so caches built on compiled rules know to drop them. */
export function expansionGeneration(): number {
  return generation;
}

/** Normalizes a local start given by a user or a file to the recurrence-id form of the series. */
export function normalizeRecurrenceId(text: string, allDay: boolean): string {
  const parsed = parseLocalTime(text, 'recurrence id');
  if (parsed.allDay !== allDay) {
    throw new RangeError(`The recurrence id "${text}" must be ${allDay ? 'a date, like the series start' : 'a date-time, like the series start'}.`);
  }
  return formatLocalTime(parsed.wall, allDay);
}

/**
 * A recurring (or single) event's timing, ready to answer window queries.
 * Floating and all-day times are read in `floatingZone` (the viewer's zone),
 * so they keep their wall-clock time wherever they are viewed.
 */
export class Series {
  readonly allDay: boolean;
  readonly startWall: number;
  readonly zone: Zone;
  private readonly expander: RuleExpander | undefined;
  private readonly duration: SplitDuration;
  private readonly exactMs: number | undefined;
  private readonly rdates: number[];
  /** EXDATEs as wall times (only those written in the normalized recurrence-id form, which alone can match). */
  private readonly exdateWalls: Set<number>;

  /** Reads and validates the timing fields; throws a RangeError naming the bad field. */
  constructor(fields: SeriesFields, floatingZone: string) {
    const start = parseLocalTime(fields.start, 'start');
    this.allDay = start.allDay;
    this.startWall = start.wall;
    this.zone = getZone(!start.allDay && fields.timeZone ? fields.timeZone : floatingZone);
    this.expander = fields.rrule ? cachedExpander(fields.rrule, start.wall, start.allDay, this.zone) : undefined;
    this.exdateWalls = new Set();
    for (const x of fields.exdates ?? []) {
      // Only the normalized form names an instance; anything else (a foreign client's typo) matches nothing, as before.
      if (!NORMALIZED_LOCAL.test(x)) continue;
      let parsed: LocalTime;
      try {
        parsed = parseLocalTime(x, 'EXDATE');
      } catch {
        continue;
      }
      if (parsed.allDay === start.allDay) this.exdateWalls.add(parsed.wall);
    }
    this.rdates = [];
    for (const r of fields.rdates ?? []) {
      const parsed = parseLocalTime(r, 'RDATE');
      if (parsed.allDay === start.allDay) this.rdates.push(parsed.wall);
    }
    this.rdates.sort((a, b) => a - b);
    this.duration = { days: 0, ms: 0 };
    if (fields.end !== undefined && fields.end !== '') {
      const end = parseLocalTime(fields.end, 'end');
      if (end.allDay !== start.allDay) throw new RangeError('The end must be a date when the start is a date, and a date-time when the start is a date-time.');
      if (start.allDay) {
        this.duration = { days: Math.round((end.wall - start.wall) / DAY_MS), ms: 0 };
      } else {
        const endZone = fields.timeZone ? getZone(fields.endTimeZone || fields.timeZone) : this.zone;
        this.exactMs = endZone.toEpoch(end.wall) - this.zone.toEpoch(start.wall);
      }
      if ((this.exactMs ?? this.duration.days) < 0) throw new RangeError(`The end "${fields.end}" is before the start "${fields.start}".`);
    } else if (fields.duration) {
      this.duration = parseDuration(fields.duration);
    } else if (start.allDay) {
      this.duration = { days: 1, ms: 0 };
    }
  }

  /** Whether the series repeats (has an RRULE or RDATEs). */
  get recurring(): boolean {
    return this.expander !== undefined || this.rdates.length > 0;
  }

  private longest(): number {
    return this.exactMs ?? maxDurationMs(this.duration);
  }

  /** The instance starting at a wall time. */
  instanceAt(wall: number): Instance {
    const startEpoch = this.zone.toEpoch(wall);
    let endEpoch: number;
    let endWall: number;
    if (this.exactMs !== undefined) {
      endEpoch = startEpoch + this.exactMs;
      endWall = this.zone.toWall(endEpoch);
    } else if (this.duration.days) {
      endWall = wall + this.duration.days * DAY_MS;
      endEpoch = this.zone.toEpoch(endWall) + this.duration.ms;
      endWall += this.duration.ms;
    } else {
      endEpoch = startEpoch + this.duration.ms;
      endWall = wall + this.duration.ms;
    }
    return { recurrenceId: formatLocalTime(wall, this.allDay), startWall: wall, startEpoch, endEpoch, endWall };
  }

  /** Wall times of instance starts in [wallFrom, wallTo], EXDATEs included. */
  private startsBetween(wallFrom: number, wallTo: number): number[] {
    let walls: number[];
    if (this.expander) walls = this.expander.between(wallFrom, wallTo);
    else walls = this.startWall >= wallFrom && this.startWall <= wallTo ? [this.startWall] : [];
    if (this.rdates.length > 0) {
      const extra = this.rdates.filter((w) => w >= wallFrom && w <= wallTo);
      if (extra.length > 0) walls = [...new Set([...walls, ...extra])].sort((a, b) => a - b);
    }
    return walls;
  }

  /** Instances that overlap [fromEpoch, toEpoch), EXDATEs left out, ascending by start. */
  between(fromEpoch: number, toEpoch: number): Instance[] {
    const out: Instance[] = [];
    this.forEachBetween(fromEpoch, toEpoch, (startWall, startEpoch, endEpoch, endWall) => {
      out.push({ recurrenceId: formatLocalTime(startWall, this.allDay), startWall, startEpoch, endEpoch, endWall });
    });
    return out;
  }

  /**
   * Calls `visit` for every instance that overlaps [fromEpoch, toEpoch), EXDATEs left out,
   * ascending by start, without building an object per instance (the query's hot path).
   */
  forEachBetween(fromEpoch: number, toEpoch: number, visit: InstanceVisitor): void {
    const slack = 26 * 3_600_000;
    const walls = this.startsBetween(fromEpoch - this.longest() - slack, toEpoch + slack);
    const zone = this.zone;
    const exactMs = this.exactMs;
    const days = this.duration.days;
    const ms = this.duration.ms;
    const exdates = this.exdateWalls;
    let previous = NaN;
    for (let i = 0; i < walls.length; i++) {
      const wall = walls[i]!;
      const startEpoch = zone.toEpoch(wall);
      // Two wall times in one spring-forward gap land on the same instant: keep one.
      if (startEpoch === previous) continue;
      previous = startEpoch;
      let endEpoch: number;
      let endWall: number;
      if (exactMs !== undefined) {
        endEpoch = startEpoch + exactMs;
        endWall = zone.toWall(endEpoch);
      } else if (days) {
        endWall = wall + days * DAY_MS;
        endEpoch = zone.toEpoch(endWall) + ms;
        endWall += ms;
      } else {
        endEpoch = startEpoch + ms;
        endWall = wall + ms;
      }
      if (!overlaps(startEpoch, endEpoch, fromEpoch, toEpoch)) continue;
      if (exdates.size > 0 && exdates.has(wall)) continue;
      visit(wall, startEpoch, endEpoch, endWall);
    }
  }

  /** Whether `recurrenceId` names an instance of the series (EXDATEs included). */
  has(recurrenceId: string): boolean {
    const parsed = parseLocalTime(recurrenceId, 'recurrence id');
    if (parsed.allDay !== this.allDay) return false;
    return this.startsBetween(parsed.wall, parsed.wall).length > 0;
  }

  /** The number of RRULE instances (DTSTART included, RDATEs not) that start before a wall time. */
  countBefore(wall: number): number {
    if (!this.expander) return wall > this.startWall ? 1 : 0;
    return this.expander.between(this.startWall, wall - 1).length;
  }

  /** Wall time of the last RRULE instance, or Infinity. */
  lastWall(): number {
    return this.expander ? this.expander.lastWall : this.startWall;
  }
}

/** Whether an instance [start, end) overlaps a window; an instant-long instance counts when it starts inside. */
export function overlaps(start: number, end: number, from: number, to: number): boolean {
  return end > start ? start < to && end > from : start >= from && start < to;
}

/**
 * Parses an RRULE and, unless UNTIL or COUNT=1 ends it, checks it produces an instance after
 * DTSTART within one 400-year cycle (after which the Gregorian calendar repeats): a rule that
 * cannot is impossible, such as the 31st of months that never have one.
 */
export function probeRule(rrule: string, start: string): void {
  const parsed = parseLocalTime(start, 'start');
  const rule = parseRRule(rrule);
  const expander = new RuleExpander(rule, parsed.wall, parsed.allDay, (w) => w);
  // A rule ended by UNTIL may legitimately end before its second instance.
  if (rule.count === 1 || rule.until) return;
  if (expander.firstAfter(parsed.wall) === undefined) throw new RangeError(`The RRULE "${rrule}" never produces an instance after ${start}.`);
}
