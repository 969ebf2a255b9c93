/** The first section of a format code with quoted text, escapes and `[…]` parts removed. */
function bareFirstSection(code: string): string {
  let section = '';
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') quoted = !quoted;
    else if (ch === '\\') i++;
    else if (ch === ';' && !quoted) break;
    else if (!quoted) section += ch;
  }
  return section.replace(/\[(?![hms]+\])[^\]]*\]/gi, '').replace(/\[([hms]+)\]/gi, '$1');
}

/** Whether a number format code shows dates or times (so values are date serials). */
export function isDateFormat(code: string): boolean {
  if (/^general$/i.test(code.trim())) return false;
  return /[ydhs]|m/i.test(bareFirstSection(code).replace(/E[+-]/gi, ''));
}

/** Whether a date format shows only a time of day or a duration (no year, day or month). */
export function isTimeOnlyFormat(code: string): boolean {
  const bare = bareFirstSection(code).toLowerCase();
  return isDateFormat(code) && !/[yd]/.test(bare) && /[hs]/.test(bare);
}
