import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { FileImportError, WarningCollector } from './file-error.js';
import type { ImportResult } from './file-error.js';
import { fileFragmentToHTML, parseFileHTML } from './file-html.js';
import { finishDoc } from './import-builder.js';
import { limitsOf } from './limits.js';
import type { ImportOptions } from './limits.js';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Options of {@link toHTML}. */
export interface HTMLExportOptions {
  /** The document title (`<title>`); "Document" by default. */
  readonly title?: string;
  /** The language of the text (`<html lang>`); `de` by default. */
  readonly lang?: string;
}

/**
 * Writes a document as a standalone HTML page: the schema's own HTML (what
 * copying from the editor puts on the clipboard), with a small stylesheet
 * for tables, quotes, code and page breaks when printed. Text and
 * attributes are escaped. Needs no DOM.
 */
export function toHTML(doc: ProseMirrorNode, options: HTMLExportOptions = {}): string {
  const lang = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(options.lang ?? '') ? options.lang! : 'de';
  const style = [
    'body{font-family:"Liberation Serif",serif;max-width:48rem;margin:2rem auto;line-height:1.5}',
    'table{border-collapse:collapse}td,th{border:1px solid #888;padding:.25rem .5rem;vertical-align:top}',
    'blockquote{margin-left:1.5rem;padding-left:1rem;border-left:3px solid #ccc}',
    'pre{background:#f4f4f4;padding:.5rem}ul[data-type=task_list]{list-style:none}',
    'li[data-checked=true]::before{content:"\\2612  "}li[data-checked=false]::before{content:"\\2610  "}',
    '.page-break{break-after:page}@media screen{.page-break{border-top:1px dashed #aaa;margin:1rem 0}}',
    'ins.suggestion{color:#1a7f37}del.suggestion{color:#b42318}',
  ].join('');
  return (
    `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(options.title ?? 'Document')}</title>\n` +
    `<meta name="generator" content="Allmende">\n<style>${style}</style>\n</head>\n<body>\n${fileFragmentToHTML(doc.content)}\n</body>\n</html>\n`
  );
}

/**
 * Reads an HTML file into a document, sanitized exactly as pasted HTML is
 * (the same parser and parse rules: scripts, styles, event handlers,
 * unknown elements' markup and unsafe links and images are dropped, their
 * text kept). Images the sanitizer drops are reported as `images-dropped`.
 * Throws a {@link FileImportError} (`too-large`) for text over the size cap.
 */
export function fromHTML(text: string, options?: ImportOptions): ImportResult {
  if (typeof text !== 'string') throw new TypeError(`fromHTML: expected a string, got ${typeof text}.`);
  const limits = limitsOf(options);
  if (text.length > limits.maxFileBytes) {
    throw new FileImportError('too-large', `The text has ${text.length} characters; the limit is ${limits.maxFileBytes}.`);
  }
  const warnings = new WarningCollector();
  const blocks = parseFileHTML(text, () => warnings.add('images-dropped'));
  return { doc: finishDoc(blocks), warnings: warnings.list(), comments: [] };
}
