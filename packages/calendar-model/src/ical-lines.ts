/**
 * iCalendar content lines (RFC 5545 §3.1): unfolding, parameters with quoted
 * values, components, text escaping, and folding at 75 octets on output.
 */

/** One unfolded content line. */
export interface ContentLine {
  /** Property name in upper case. */
  name: string;
  /** Parameters in file order: upper-case name and raw values (quotes removed). */
  params: [string, string[]][];
  /** The value as written (still escaped). */
  value: string;
  /** The whole unfolded line, to write back verbatim. */
  raw: string;
  /** 1-based line number in the file where the line starts. */
  line: number;
}

/** A component: BEGIN:NAME … END:NAME with its properties and children. */
export interface Component {
  name: string;
  properties: ContentLine[];
  components: Component[];
  /** Every line from BEGIN to END, verbatim, for components kept as they are. */
  raw: string[];
  line: number;
}

const NAME = /^[A-Za-z0-9-]+$/;

/** Thrown for text that is not iCalendar; names the line. */
export class ICalSyntaxError extends RangeError {
  /** 1-based line number. */
  readonly line: number;
  /** Builds the error. */
  constructor(line: number, message: string) {
    super(`iCalendar line ${line}: ${message}`);
    this.name = 'ICalSyntaxError';
    this.line = line;
  }
}

function parseLine(raw: string, line: number): ContentLine {
  let i = 0;
  while (i < raw.length && raw[i] !== ';' && raw[i] !== ':') i++;
  const name = raw.slice(0, i);
  if (!NAME.test(name)) throw new ICalSyntaxError(line, `"${raw.slice(0, 40)}" does not start with a property name.`);
  const params: [string, string[]][] = [];
  while (raw[i] === ';') {
    i++;
    const eq = raw.indexOf('=', i);
    if (eq < 0) throw new ICalSyntaxError(line, `parameter without "=" in "${raw.slice(0, 60)}".`);
    const pname = raw.slice(i, eq);
    if (!NAME.test(pname)) throw new ICalSyntaxError(line, `bad parameter name "${pname}".`);
    i = eq + 1;
    const values: string[] = [];
    for (;;) {
      if (raw[i] === '"') {
        const close = raw.indexOf('"', i + 1);
        if (close < 0) throw new ICalSyntaxError(line, `unterminated quoted parameter value in "${raw.slice(0, 60)}".`);
        values.push(raw.slice(i + 1, close));
        i = close + 1;
      } else {
        let j = i;
        while (j < raw.length && raw[j] !== ',' && raw[j] !== ';' && raw[j] !== ':') {
          if (raw[j] === '"') throw new ICalSyntaxError(line, `stray quote in parameter ${pname}.`);
          j++;
        }
        values.push(raw.slice(i, j));
        i = j;
      }
      if (raw[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    params.push([pname.toUpperCase(), values]);
  }
  if (raw[i] !== ':') throw new ICalSyntaxError(line, `no ":" between name and value in "${raw.slice(0, 60)}".`);
  return { name: name.toUpperCase(), params, value: raw.slice(i + 1), raw, line };
}

/** Unfolds and parses every content line; throws ICalSyntaxError for a malformed one. */
export function parseContentLines(text: string): ContentLine[] {
  if (typeof text !== 'string') throw new TypeError('iCalendar input must be a string.');
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const out: ContentLine[] = [];
  let current: string | undefined;
  let start = 0;
  for (let n = 0; n < physical.length; n++) {
    const line = physical[n]!;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (current === undefined) throw new ICalSyntaxError(n + 1, 'a continuation line (starting with a space) has nothing to continue.');
      current += line.slice(1);
      continue;
    }
    if (current !== undefined) out.push(parseLine(current, start));
    current = line === '' ? undefined : line;
    start = n + 1;
  }
  if (current !== undefined) out.push(parseLine(current, start));
  return out;
}

/** Builds the component tree; throws for BEGIN/END that do not match. */
export function parseComponents(text: string): Component[] {
  const lines = parseContentLines(text);
  const roots: Component[] = [];
  const stack: Component[] = [];
  for (const line of lines) {
    for (const open of stack) open.raw.push(line.raw);
    if (line.name === 'BEGIN') {
      const component: Component = { name: line.value.toUpperCase(), properties: [], components: [], raw: [line.raw], line: line.line };
      if (!NAME.test(component.name)) throw new ICalSyntaxError(line.line, `BEGIN needs a component name, got "${line.value}".`);
      (stack.length ? stack[stack.length - 1]!.components : roots).push(component);
      stack.push(component);
    } else if (line.name === 'END') {
      const open = stack.pop();
      if (!open) throw new ICalSyntaxError(line.line, `END:${line.value} without a matching BEGIN.`);
      if (open.name !== line.value.toUpperCase()) {
        throw new ICalSyntaxError(line.line, `END:${line.value} does not match BEGIN:${open.name} on line ${open.line}.`);
      }
    } else {
      const open = stack[stack.length - 1];
      if (!open) throw new ICalSyntaxError(line.line, `property ${line.name} outside of any component.`);
      open.properties.push(line);
    }
  }
  const unclosed = stack.pop();
  if (unclosed) throw new ICalSyntaxError(unclosed.line, `BEGIN:${unclosed.name} is never closed.`);
  return roots;
}

/** The first value of a parameter, or undefined. */
export function param(line: ContentLine, name: string): string | undefined {
  return line.params.find(([n]) => n === name)?.[1][0];
}

/** Unescapes a TEXT value (\\n, \\, \\; \\\\). */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** Splits a TEXT list on unescaped commas and unescapes each item. */
export function splitTextList(value: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === ',') {
      out.push(unescapeText(current));
      current = '';
    } else {
      current += c;
    }
  }
  out.push(unescapeText(current));
  return out;
}

/** Escapes a TEXT value. */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, '\\n');
}

/** Quotes a parameter value when it holds characters that need it. */
export function paramValue(value: string): string {
  return /[;:,]/.test(value) ? `"${value.replace(/"/g, "'")}"` : value;
}

/** Writes parameters back: ";NAME=v1,v2". */
export function formatParams(params: [string, string[]][]): string {
  return params.map(([n, values]) => `;${n}=${values.map(paramValue).join(',')}`).join('');
}

/** Folds a line at 75 octets without splitting a UTF-8 character; lines end with CRLF. */
export function foldLine(line: string): string {
  if (line.length <= 18 || utf8Length(line) <= 75) return `${line}\r\n`;
  let out = '';
  let chunk = '';
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const size = utf8Length(ch);
    if (bytes + size > limit) {
      out += `${chunk}\r\n `;
      chunk = '';
      bytes = 0;
      limit = 74;
    }
    chunk += ch;
    bytes += size;
  }
  return `${out}${chunk}\r\n`;
}

function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
