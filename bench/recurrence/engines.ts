// One adapter per engine: expand a series (DTSTART in a zone + RRULE) over a window and return
// the start instants in epoch milliseconds. Each call builds the rule from text, as an app would
// when it reads an event, so parsing is part of every measured operation.
import { clearExpansionCache, expandRecurrence } from '@allmende/calendar-model';
import ICAL from 'ical.js';
import rrulePkg from 'rrule';
import { RRuleTemporal } from 'rrule-temporal';
import { VTIMEZONES } from './vtimezones.js';

const { rrulestr } = rrulePkg;

/** A recurring series as the bench defines it. */
export interface SeriesSpec {
  /** Local DTSTART, basic form: 20260315T090000. */
  dtstart: string;
  timeZone: string;
  rrule: string;
}

/** An engine: expands a series over [from, to) (epoch ms) to start instants. */
export interface Engine {
  name: string;
  expand(spec: SeriesSpec, from: number, to: number): number[];
}

function isoLocal(basic: string): string {
  return `${basic.slice(0, 4)}-${basic.slice(4, 6)}-${basic.slice(6, 8)}T${basic.slice(9, 11)}:${basic.slice(11, 13)}:${basic.slice(13, 15)}`;
}

/** Ours, cold: the compiled-rule cache is cleared before every expansion. */
export const ours: Engine = {
  name: 'Allmende',
  expand(spec, from, to) {
    clearExpansionCache();
    return expandRecurrence({ start: isoLocal(spec.dtstart), timeZone: spec.timeZone, rrule: spec.rrule, from, to }).map((i) => i.epochMs);
  },
};

/** rrule-temporal 2.2 (its own bundled Temporal polyfill). */
export const rruleTemporal: Engine = {
  name: 'rrule-temporal',
  expand(spec, from, to) {
    const rule = new RRuleTemporal({ rruleString: `DTSTART;TZID=${spec.timeZone}:${spec.dtstart}\nRRULE:${spec.rrule}` });
    return rule.between(new Date(from), new Date(to - 1), true).map((z) => z.epochMilliseconds);
  },
};

/** rrule.js 2.8 with tzid (correct only when the process runs in UTC, as the bench does). */
export const rruleJs: Engine = {
  name: 'rrule.js',
  expand(spec, from, to) {
    const rule = rrulestr(`DTSTART;TZID=${spec.timeZone}:${spec.dtstart}\nRRULE:${spec.rrule}`);
    return rule.between(new Date(from), new Date(to - 1), true).map((d) => d.getTime());
  },
};

let registered = false;
function registerZones(): void {
  if (registered) return;
  registered = true;
  for (const text of Object.values(VTIMEZONES)) {
    const component = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${text}\r\nEND:VCALENDAR`));
    ICAL.TimezoneService.register(component.getFirstSubcomponent('vtimezone')!);
  }
}

/** ical.js 2.2: its iterator walks from DTSTART; instances before the window are skipped. */
export const icalJs: Engine = {
  name: 'ical.js',
  expand(spec, from, to) {
    registerZones();
    const text = ['BEGIN:VEVENT', 'UID:bench', `DTSTART;TZID=${spec.timeZone}:${spec.dtstart}`, `RRULE:${spec.rrule}`, 'END:VEVENT'].join('\r\n');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)));
    const iterator = event.iterator();
    const out: number[] = [];
    for (let time = iterator.next(); time; time = iterator.next()) {
      const ms = time.toUnixTime() * 1000;
      if (ms >= to) break;
      if (ms >= from) out.push(ms);
    }
    return out;
  },
};

/** Every engine, ours first. */
export const ENGINES: Engine[] = [ours, rruleTemporal, rruleJs, icalJs];
