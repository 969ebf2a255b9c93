import { RelayCloseCode } from '@allmende/protocol';

const names = new Map<number, string>(
  Object.entries(RelayCloseCode).map(([name, code]) => [code, name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)]),
);

/** The snake_case name of a relay close code (`4429` → `rate_limited`), for metric labels; `code_<n>` for others. */
export function closeCodeName(code: number): string {
  return names.get(code) ?? `code_${code}`;
}
