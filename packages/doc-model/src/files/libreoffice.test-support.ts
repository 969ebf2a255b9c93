import { HtmlElement } from '../html-dom.js';
import { parseHTML } from '../html-parser.js';

// The format-neutral LibreOffice helpers live in @allmende/office-files (test support is not part of its build, hence the path).
export { convertWithLibreOffice, disposeLibreOffice, requireSoffice, SOFFICE } from '../../../office-files/src/libreoffice.test-support.js';

/** What the comparison looks at in LibreOffice's HTML: headings, list item texts, cell texts and spans, link targets. */
export interface HtmlStructure {
  readonly headings: string[];
  readonly listItems: string[];
  readonly cells: string[];
  readonly spans: string[];
  readonly links: string[];
}

const clean = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The text of an element without the text of nested lists. */
function ownText(element: HtmlElement): string {
  let text = '';
  for (const child of element.childNodes) {
    if (child instanceof HtmlElement) {
      if (child.localName === 'ul' || child.localName === 'ol') continue;
      text += ownText(child);
    } else text += child.textContent;
  }
  return text;
}

/** Reads the structure of an HTML page (with this package's DOM-free parser). */
export function htmlStructure(html: string): HtmlStructure {
  const root = parseHTML(html);
  const elements = root.descendantElements();
  return {
    headings: elements.filter((element) => /^h[1-6]$/.test(element.localName)).map((element) => clean(element.textContent)),
    listItems: elements.filter((element) => element.localName === 'li').map((element) => clean(ownText(element)).replace(/^[☐☒☑]\s*/u, '')),
    cells: elements.filter((element) => element.localName === 'td' || element.localName === 'th').map((element) => clean(element.textContent)),
    spans: elements
      .filter((element) => element.localName === 'td' || element.localName === 'th')
      .filter((element) => (element.getAttribute('colspan') ?? '1') !== '1' || (element.getAttribute('rowspan') ?? '1') !== '1')
      .map((element) => `${clean(element.textContent)}:${element.getAttribute('colspan') ?? '1'}x${element.getAttribute('rowspan') ?? '1'}`),
    links: elements.filter((element) => element.localName === 'a' && element.hasAttribute('href')).map((element) => element.getAttribute('href') ?? ''),
  };
}
