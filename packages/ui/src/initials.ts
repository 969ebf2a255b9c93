/**
 * The initials shown for a name: the first letters of its first and last
 * words (`Ada Lovelace` → `AL`, `ada` → `A`, `Müller-Lüdenscheidt, Heinz`
 * → `MH`), in capitals. Letters made of
 * several code points (`É` written with a combining accent) stay whole.
 * An empty or blank name gives `?`.
 */
export function initials(name: string): string {
  const words = String(name)
    .split(/[\s,]+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+/u, ''))
    .filter((word) => word.length > 0);
  const first = (word: string | undefined): string => (word ? (/^\P{M}\p{M}*/u.exec(word)?.[0] ?? '') : '');
  if (words.length === 0) return '?';
  const letters = words.length === 1 ? first(words[0]) : first(words[0]) + first(words[words.length - 1]);
  return letters.toLocaleUpperCase();
}
