// VTIMEZONE definitions ical.js needs to resolve TZIDs (it has no zone database of its own).
// Rules in force since 2007 (US) and 1996 (EU); the bench's series start after those dates.
export const VTIMEZONES: Record<string, string> = {
  'Europe/Berlin': vtz('Europe/Berlin', '+0100', '+0200', 'BYMONTH=3;BYDAY=-1SU', '020000', 'BYMONTH=10;BYDAY=-1SU', '030000'),
  'Europe/London': vtz('Europe/London', '+0000', '+0100', 'BYMONTH=3;BYDAY=-1SU', '010000', 'BYMONTH=10;BYDAY=-1SU', '020000'),
  'America/New_York': vtz('America/New_York', '-0500', '-0400', 'BYMONTH=3;BYDAY=2SU', '020000', 'BYMONTH=11;BYDAY=1SU', '020000'),
  'Asia/Tokyo': [
    'BEGIN:VTIMEZONE', 'TZID:Asia/Tokyo', 'BEGIN:STANDARD', 'DTSTART:19700101T000000',
    'TZOFFSETFROM:+0900', 'TZOFFSETTO:+0900', 'END:STANDARD', 'END:VTIMEZONE',
  ].join('\r\n'),
};

function vtz(id: string, std: string, dst: string, dstRule: string, dstAt: string, stdRule: string, stdAt: string): string {
  return [
    'BEGIN:VTIMEZONE', `TZID:${id}`,
    'BEGIN:DAYLIGHT', `DTSTART:19700101T${dstAt}`, `RRULE:FREQ=YEARLY;${dstRule}`, `TZOFFSETFROM:${std}`, `TZOFFSETTO:${dst}`, 'END:DAYLIGHT',
    'BEGIN:STANDARD', `DTSTART:19700101T${stdAt}`, `RRULE:FREQ=YEARLY;${stdRule}`, `TZOFFSETFROM:${dst}`, `TZOFFSETTO:${std}`, 'END:STANDARD',
    'END:VTIMEZONE',
  ].join('\r\n');
}
