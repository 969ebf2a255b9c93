import { canonicalZoneId } from './zone.js';

/** Windows time zone names (as Outlook and Exchange write TZID) → IANA, from CLDR's windowsZones for the "001" territory. */
const WINDOWS_ZONES: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'GTB Standard Time': 'Europe/Bucharest',
  'Russian Standard Time': 'Europe/Moscow',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Atlantic Standard Time': 'America/Halifax',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'China Standard Time': 'Asia/Shanghai',
  'India Standard Time': 'Asia/Calcutta',
  'Singapore Standard Time': 'Asia/Singapore',
  'Arabian Standard Time': 'Asia/Dubai',
  'Israel Standard Time': 'Asia/Jerusalem',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'UTC': 'UTC',
  'Coordinated Universal Time': 'UTC',
};

/**
 * The IANA zone a TZID means: the TZID itself when Temporal knows it, an IANA
 * name at the end of a vendor path ("/mozilla.org/20050126_1/Europe/Berlin"),
 * the VTIMEZONE's X-LIC-LOCATION, or a Windows zone name. Undefined when none fits.
 */
export function resolveTzid(tzid: string, licLocation?: string): string | undefined {
  const direct = canonicalZoneId(tzid);
  if (direct) return direct;
  const path = /([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){1,2})$/.exec(tzid);
  if (path) {
    const fromPath = canonicalZoneId(path[1]!);
    if (fromPath) return fromPath;
  }
  if (licLocation) {
    const fromLic = canonicalZoneId(licLocation);
    if (fromLic) return fromLic;
  }
  const windows = WINDOWS_ZONES[tzid.trim()];
  return windows ? canonicalZoneId(windows) : undefined;
}
