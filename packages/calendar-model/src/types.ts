/** Participation status of an attendee (RFC 5545 §3.2.12, for events). */
export type PartStat = 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE' | 'DELEGATED';

/** An attendee, keyed by e-mail address (case-insensitive). */
export interface Attendee {
  email: string;
  name?: string;
  /** CHAIR, REQ-PARTICIPANT, OPT-PARTICIPANT or NON-PARTICIPANT. */
  role?: string;
  partstat?: PartStat;
  rsvp?: boolean;
  /** Other ATTENDEE parameters (CUTYPE, DELEGATED-FROM, X-…), kept verbatim. */
  params?: Record<string, string>;
}

/** The organizer of an event. */
export interface Organizer {
  email: string;
  name?: string;
  params?: Record<string, string>;
}

/** A VALARM. */
export interface Alarm {
  /** A stable id within the event (the alarm's UID when the file has one). */
  id: string;
  /** DISPLAY, AUDIO, EMAIL or an extension. */
  action: string;
  /** A duration relative to the start (or end, see `related`) such as "-PT15M", or a UTC date-time "20260301T080000Z". */
  trigger: string;
  related?: 'START' | 'END';
  description?: string;
  summary?: string;
  repeat?: number;
  /** Interval between repeats, ISO 8601 duration. */
  duration?: string;
  /** Other VALARM content lines (ATTENDEE, ATTACH, X-…), verbatim. */
  extra?: string[];
}

/** Event status. */
export type EventStatus = 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED';

/** The fields an occurrence override may change. */
export interface OccurrenceFields {
  summary?: string;
  description?: string;
  location?: string;
  /** Local start "YYYY-MM-DDTHH:MM:SS" or "YYYY-MM-DD", in `timeZone`. */
  start?: string;
  /** Local end (exclusive), in `endTimeZone` or `timeZone`. */
  end?: string;
  /** ISO 8601 duration, when there is no end. */
  duration?: string;
  /** IANA zone of the start; absent means floating (or all-day). */
  timeZone?: string;
  endTimeZone?: string;
  status?: EventStatus;
  /** OPAQUE (busy, the default) or TRANSPARENT (free). */
  transparency?: 'OPAQUE' | 'TRANSPARENT';
  categories?: string[];
  organizer?: Organizer;
  attendees?: Attendee[];
  alarms?: Alarm[];
  url?: string;
  /** Change counter (SEQUENCE). */
  sequence?: number;
  /** Creation time, ISO 8601 UTC. */
  created?: string;
  /** Last modification time, ISO 8601 UTC. */
  modified?: string;
  /** Content lines this model does not understand, kept verbatim and written back on export. */
  extra?: string[];
  /** Parameters of modelled properties this model does not use (SUMMARY;LANGUAGE=de), by property name, written back on export. */
  icalParams?: Record<string, string>;
}

/** What {@link createEvent} takes. */
export interface EventInput extends OccurrenceFields {
  /** Unique id; one is generated when absent. */
  uid?: string;
  calendarId?: string;
  start: string;
  /** RRULE value, "FREQ=WEEKLY;BYDAY=MO,WE". */
  rrule?: string;
  /** Extra instance starts (local, like start). */
  rdates?: string[];
  /** Excluded instance starts (recurrence ids). */
  exdates?: string[];
  /** The uid of the series this one was split from (RELATED-TO). */
  relatedTo?: string;
}

/** An event as stored, with its overrides. */
export interface EventData extends EventInput {
  uid: string;
  /** Overridden occurrences: recurrence id → the fields that differ from the series. */
  overrides: Record<string, OccurrenceFields>;
}

/** A calendar: a named, coloured collection of events. */
export interface CalendarInfo {
  id: string;
  name: string;
  /** CSS colour, "#3366cc". */
  color?: string;
  description?: string;
}
