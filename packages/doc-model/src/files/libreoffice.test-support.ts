import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HtmlElement } from '../html-dom.js';
import { parseHTML } from '../html-parser.js';

/** The LibreOffice binary, from `SOFFICE` or the Debian path. */
export const SOFFICE = process.env['SOFFICE'] ?? '/usr/bin/soffice';

/** Fails with the package to install when LibreOffice is missing (never skips: the CI installs it). */
export function requireSoffice(): void {
  if (!existsSync(SOFFICE)) {
    throw new Error(
      `LibreOffice is not installed (${SOFFICE} is missing). These tests check exported files with a real office suite: ` +
        'install the Debian package libreoffice-writer-nogui (apt-get install libreoffice-writer-nogui), or set SOFFICE to the soffice binary.',
    );
  }
}

let profile: string | null = null;

/** Removes the private LibreOffice profile of this test run (call in `afterAll`). */
export function disposeLibreOffice(): void {
  if (profile) rmSync(profile, { recursive: true, force: true });
  profile = null;
}

/**
 * Converts a file with LibreOffice headless and returns the converted
 * bytes. Every test run uses a private profile of its own (so other runs
 * cannot lock or change it); calls run one at a time (execFileSync).
 */
export function convertWithLibreOffice(bytes: Uint8Array, inputName: string, target: string, outputExtension: string): Uint8Array {
  requireSoffice();
  profile ??= mkdtempSync(join(tmpdir(), 'allmende-lo-profile-'));
  const dir = mkdtempSync(join(tmpdir(), 'allmende-lo-'));
  try {
    const input = join(dir, inputName);
    writeFileSync(input, bytes);
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', target, '--outdir', join(dir, 'out'), input], {
      stdio: 'pipe',
      timeout: 120_000,
    });
    const output = join(dir, 'out', inputName.replace(/\.[^.]+$/, `.${outputExtension}`));
    if (!existsSync(output)) throw new Error(`LibreOffice wrote no ${outputExtension} for ${inputName}.`);
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
