/**
 * Offers `text` as an iCalendar file download named after `name` (characters a
 * file name cannot hold become `_`). The link is added to `root` for the click,
 * so it works inside a shadow root, and its object URL is released afterwards.
 */
export function downloadCalendarFile(root: HTMLElement | DocumentFragment, ownerDocument: Document, text: string, name: string): void {
  const blob = new Blob([text], { type: 'text/calendar;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = ownerDocument.createElement('a');
  a.href = url;
  a.download = `${name.replace(/[^\p{L}\p{N}._ -]+/gu, '_').trim() || 'calendar'}.ics`;
  a.style.display = 'none';
  root.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
