import { childElements, element, escapeText, firstChild, textOf } from '@allmende/office-files';
import type { XmlElement } from '@allmende/office-files';

// ---- format code → ODF number style ----

/** Splits a format code into sections at `;` outside quotes. */
function sections(code: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i]!;
    if (ch === '"') quoted = !quoted;
    if (ch === '\\' && i + 1 < code.length) {
      current += ch + code[++i]!;
      continue;
    }
    if (ch === ';' && !quoted) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

const text = (value: string): string => (value ? element('number:text', {}, escapeText(value)) : '');

/** ODF children and the style element name for one section of a format code. */
function sectionStyle(section: string): { kind: string; body: string; color?: string } {
  let color: string | undefined;
  const colors: Record<string, string> = { red: '#ff0000', blue: '#0000ff', green: '#00ff00', black: '#000000', white: '#ffffff', yellow: '#ffff00', magenta: '#ff00ff', cyan: '#00ffff' };
  let rest = section.replace(/\[([A-Za-z]+)\]/g, (all, name: string) => {
    const c = colors[name.toLowerCase()];
    if (c) {
      color = c;
      return '';
    }
    return all;
  });
  // Currency written as [$€-407]
  rest = rest.replace(/\[\$([^\]-]*)(-[0-9A-Fa-f]+)?\]/g, (_, symbol: string) => `"\u0000${symbol}"`);
  const tokens: { t: 'lit' | 'code'; v: string }[] = [];
  for (let i = 0; i < rest.length; i++) {
    const ch = rest[i]!;
    if (ch === '"') {
      const close = rest.indexOf('"', i + 1);
      const value = rest.slice(i + 1, close < 0 ? rest.length : close);
      tokens.push({ t: 'lit', v: value });
      i = close < 0 ? rest.length : close;
    } else if (ch === '\\' && i + 1 < rest.length) tokens.push({ t: 'lit', v: rest[++i]! });
    else if (ch === '_' && i + 1 < rest.length) {
      tokens.push({ t: 'lit', v: ' ' });
      i++;
    } else if (ch === '*' && i + 1 < rest.length) i++;
    else tokens.push({ t: 'code', v: ch });
  }
  const codeText = tokens.filter((t) => t.t === 'code').map((t) => t.v).join('');
  if (/^@$/.test(codeText.trim())) {
    return { kind: 'number:text-style', body: tokens.map((t) => (t.t === 'code' && t.v === '@' ? '<number:text-content/>' : text(t.t === 'lit' ? t.v : t.v))).join(''), ...(color ? { color } : {}) };
  }
  if (/[ymdhs]/i.test(codeText.replace(/E[+-]/g, '')) && !/[#0?]/.test(codeText.replace(/\.0+/, ''))) return dateStyle(tokens, color);
  // Numeric: literal before, the number, literal after.
  let body = '';
  let pendingText = '';
  let numberDone = false;
  let isPercent = false;
  let isCurrency = false;
  let i = 0;
  const flush = (): void => {
    body += text(pendingText);
    pendingText = '';
  };
  while (i < tokens.length) {
    const token = tokens[i]!;
    if (token.t === 'lit') {
      if (token.v.startsWith('\u0000') || token.v === '€' || token.v === '$') {
        flush();
        body += element('number:currency-symbol', {}, escapeText(token.v.replace('\u0000', '')));
        isCurrency = true;
      } else pendingText += token.v;
      i++;
      continue;
    }
    if (!numberDone && /[#0?,.]/.test(token.v)) {
      let pattern = '';
      while (i < tokens.length && tokens[i]!.t === 'code' && /[#0?,.Ee+-]/.test(tokens[i]!.v)) {
        if (/[Ee]/.test(tokens[i]!.v) && !/[+-]/.test(tokens[i + 1]?.v ?? '')) break;
        pattern += tokens[i]!.v;
        i++;
      }
      flush();
      body += numberElement(pattern);
      numberDone = true;
      continue;
    }
    if (token.v === '%') {
      isPercent = true;
      pendingText += '%';
    } else if (token.v === '€' || token.v === '$') {
      flush();
      body += element('number:currency-symbol', {}, escapeText(token.v));
      isCurrency = true;
    } else if (token.v !== ' ' || numberDone || pendingText) pendingText += token.v;
    else pendingText += token.v;
    i++;
  }
  flush();
  const kind = isCurrency ? 'number:currency-style' : isPercent ? 'number:percentage-style' : 'number:number-style';
  return { kind, body, ...(color ? { color } : {}) };
}

function numberElement(pattern: string): string {
  const [mantissa, exponent] = pattern.split(/[Ee][+-]/);
  const [int = '', frac = ''] = mantissa!.split('.');
  const decimals = (frac.match(/[0#?]/g) ?? []).length;
  const minDecimals = (frac.match(/0/g) ?? []).length;
  const minInt = (int.match(/0/g) ?? []).length;
  const grouping = int.includes(',');
  if (exponent !== undefined) {
    return element('number:scientific-number', { 'number:decimal-places': decimals, 'number:min-decimal-places': minDecimals, 'number:min-integer-digits': minInt, 'number:min-exponent-digits': exponent.length });
  }
  return element('number:number', { 'number:decimal-places': decimals, 'number:min-decimal-places': minDecimals, 'number:min-integer-digits': minInt, 'number:grouping': grouping ? 'true' : undefined });
}

function dateStyle(tokens: { t: 'lit' | 'code'; v: string }[], color: string | undefined): { kind: string; body: string; color?: string } {
  let body = '';
  let pending = '';
  let hasDate = false;
  const flush = (): void => {
    body += text(pending);
    pending = '';
  };
  const codes = tokens.map((t) => (t.t === 'code' ? t.v : '\u0001' + t.v));
  let i = 0;
  let lastTime = false;
  while (i < codes.length) {
    const c = codes[i]!;
    if (c.startsWith('\u0001')) {
      pending += c.slice(1);
      i++;
      continue;
    }
    const lower = c.toLowerCase();
    if (c === '[') {
      const close = codes.indexOf(']', i);
      const inner = codes.slice(i + 1, close).join('').toLowerCase();
      flush();
      if (inner.startsWith('h')) body += element('number:hours', { 'number:style': inner.length > 1 ? 'long' : undefined });
      else if (inner.startsWith('m')) body += element('number:minutes', { 'number:style': inner.length > 1 ? 'long' : undefined });
      else body += element('number:seconds', { 'number:style': inner.length > 1 ? 'long' : undefined });
      lastTime = true;
      i = close + 1;
      continue;
    }
    if ('ymdhs'.includes(lower)) {
      let run = 1;
      while (codes[i + run]?.toLowerCase() === lower) run++;
      flush();
      const long = run >= 2 ? 'long' : undefined;
      if (lower === 'y') {
        body += element('number:year', { 'number:style': run >= 3 ? 'long' : undefined });
        hasDate = true;
        lastTime = false;
      } else if (lower === 'd') {
        body += run >= 3 ? element('number:day-of-week', { 'number:style': run >= 4 ? 'long' : undefined }) : element('number:day', { 'number:style': long });
        hasDate = true;
        lastTime = false;
      } else if (lower === 'h') {
        body += element('number:hours', { 'number:style': long });
        lastTime = true;
      } else if (lower === 's') {
        body += element('number:seconds', { 'number:style': long });
        lastTime = true;
      } else {
        // m: minutes after hours or before seconds, else month
        const rest = codes.slice(i + run).filter((x) => !x.startsWith('\u0001') && /[a-z]/i.test(x));
        const minutes: boolean = lastTime || rest[0]?.toLowerCase() === 's';
        if (minutes) body += element('number:minutes', { 'number:style': long });
        else {
          body += element('number:month', { 'number:style': run === 2 || run >= 4 ? 'long' : undefined, 'number:textual': run >= 3 ? 'true' : undefined });
          hasDate = true;
        }
        lastTime = minutes;
      }
      i += run;
      continue;
    }
    if (/^a/i.test(c) && codes.slice(i, i + 5).join('').toUpperCase() === 'AM/PM') {
      flush();
      body += '<number:am-pm/>';
      i += 5;
      continue;
    }
    if (c === '.' && codes[i + 1] === '0' && lastTime) {
      // fractional seconds are not written (ODF puts them on number:seconds); skip them
      i++;
      while (codes[i] === '0') i++;
      continue;
    }
    pending += c;
    i++;
  }
  flush();
  return { kind: hasDate ? 'number:date-style' : 'number:time-style', body, ...(color ? { color } : {}) };
}

/**
 * ODF number styles for a format code: one style per section, the first section's style named `name` carrying
 * `style:map`s to the others (as ODF expresses `pos;neg;zero;text`). Returns the XML of all styles.
 */
export function odfNumberStyles(code: string, name: string): string {
  const parts = sections(code);
  const styles = parts.map((section) => sectionStyle(section));
  const conditions = parts.length === 2 ? ['value()>=0', 'value()<0'] : ['value()>0', 'value()<0', 'value()=0'];
  const write = (style: { kind: string; body: string; color?: string }, styleName: string, maps: string): string =>
    element(style.kind, { 'style:name': styleName, 'number:language': undefined }, (style.color ? element('style:text-properties', { 'fo:color': style.color }) : '') + style.body + maps);
  if (parts.length === 1) return write(styles[0]!, name, '');
  // ODF: the style with the maps is the fallback; the conditions name the others.
  let out = '';
  let maps = '';
  const numeric = Math.min(parts.length, 3);
  for (let k = 0; k < numeric; k++) {
    if (k === numeric - 1 && parts.length <= 3) break;
    const sub = `${name}P${k}`;
    out += write(styles[k]!, sub, '');
    maps += element('style:map', { 'style:condition': conditions[k], 'style:apply-style-name': sub });
  }
  const last = parts.length <= 3 ? styles[numeric - 1]! : styles[3]!;
  return out + write(last, name, maps);
}

// ---- ODF number style → format code ----

function quote(value: string, dateLike: boolean): string {
  if (value === '') return '';
  if (/^[\s%.,:/()\-€$]+$/.test(value) && !value.includes('"')) return dateLike ? value : value.replace(/([.,])/g, '\\$1');
  return `"${value.replace(/"/g, '')}"`;
}

function numberCode(el: XmlElement): string {
  const decimals = Number(el.attrs['number:decimal-places'] ?? 0) || 0;
  const minDecimals = el.attrs['number:min-decimal-places'] !== undefined ? Number(el.attrs['number:min-decimal-places']) || 0 : decimals;
  const minInt = Number(el.attrs['number:min-integer-digits'] ?? 1) || 0;
  const grouping = el.attrs['number:grouping'] === 'true';
  let int = '0'.repeat(Math.max(minInt, 0)) || '#';
  if (grouping) int = minInt <= 1 ? `#,##${int.padStart(1, '0')}` : '#,' + int;
  const frac = decimals > 0 ? '.' + '0'.repeat(minDecimals) + '#'.repeat(Math.max(0, decimals - minDecimals)) : '';
  return int + frac;
}

/** The format code of one ODF number style element (without its maps). */
function sectionCode(style: XmlElement): string {
  let code = '';
  const dateLike = style.name === 'number:date-style' || style.name === 'number:time-style';
  const color = firstChild(style, 'style:text-properties')?.attrs['fo:color']?.toLowerCase();
  const names: Record<string, string> = { '#ff0000': '[RED]', '#0000ff': '[BLUE]', '#00ff00': '[GREEN]' };
  if (color && names[color]) code += names[color];
  for (const child of childElements(style)) {
    const long = child.attrs['number:style'] === 'long';
    switch (child.name) {
      case 'number:number':
        code += numberCode(child);
        break;
      case 'number:scientific-number': {
        const decimals = Number(child.attrs['number:decimal-places'] ?? 0) || 0;
        code += '0' + (decimals ? '.' + '0'.repeat(decimals) : '') + 'E+' + '0'.repeat(Number(child.attrs['number:min-exponent-digits'] ?? 2) || 2);
        break;
      }
      case 'number:fraction':
        code += '# ?/?';
        break;
      case 'number:text':
        code += quote(textOf(child), dateLike);
        break;
      case 'number:currency-symbol':
        code += textOf(child) === '€' ? '€' : quote(textOf(child), dateLike);
        break;
      case 'number:text-content':
        code += '@';
        break;
      case 'number:day':
        code += long ? 'DD' : 'D';
        break;
      case 'number:day-of-week':
        code += long ? 'DDDD' : 'DDD';
        break;
      case 'number:month':
        code += child.attrs['number:textual'] === 'true' ? (long ? 'MMMM' : 'MMM') : long ? 'MM' : 'M';
        break;
      case 'number:year':
        code += long ? 'YYYY' : 'YY';
        break;
      case 'number:hours':
        code += style.attrs['number:truncate-on-overflow'] === 'false' ? (long ? '[hh]' : '[h]') : long ? 'hh' : 'h';
        break;
      case 'number:minutes':
        code += long ? 'mm' : 'm';
        break;
      case 'number:seconds': {
        const decimals = Number(child.attrs['number:decimal-places'] ?? 0) || 0;
        code += (long ? 'ss' : 's') + (decimals ? '.' + '0'.repeat(decimals) : '');
        break;
      }
      case 'number:am-pm':
        code += 'AM/PM';
        break;
      case 'number:boolean':
        code += 'General';
        break;
    }
  }
  return code;
}

/**
 * The format code of an ODF number style, following its `style:map`s to the styles of the other sections; undefined
 * when the style is unknown or means General.
 */
export function formatCodeOf(styles: ReadonlyMap<string, XmlElement>, name: string): string | undefined {
  const style = styles.get(name);
  if (!style) return undefined;
  const own = sectionCode(style);
  const maps = childElements(style, 'style:map');
  const mapped = maps.flatMap((map) => {
    const target = styles.get(map.attrs['style:apply-style-name'] ?? '');
    return target ? [sectionCode(target)] : [];
  });
  const code = [...mapped, own].join(';');
  const number = firstChild(style, 'number:number');
  // LibreOffice writes General as a number without decimal places.
  const general = style.name === 'number:number-style' && maps.length === 0 && number !== null && number.attrs['number:decimal-places'] === undefined && childElements(style).length === 1;
  if (code === '' || code === 'General' || general) return undefined;
  return code;
}
