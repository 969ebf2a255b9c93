import { css } from 'lit';

/**
 * The print layout of `<allmende-doc>`: only the text, black on white, on
 * A4 pages with margins (the page size and margins come from
 * {@link PRINT_PAGE_RULE}, which must live in the page's own stylesheet),
 * without the toolbar, footer, messages, find highlights, or other people's
 * cursors; page breaks start a new page, headings stay with the text after
 * them, and table rows and images are not split across pages. The
 * browser's "Save as PDF" then gives a clean PDF.
 */
export const printStyles = css`
  @media print {
    :host {
      display: block !important;
      height: auto !important;
      min-height: 0 !important;
      max-height: none !important;
      overflow: visible !important;
      border: 0 !important;
      border-radius: 0 !important;
      background: #ffffff !important;
      color: #000000 !important;
    }
    .chrome,
    [part='notice'],
    .find-bar,
    [part='footer'],
    allmende-dialog,
    input[type='file'] {
      display: none !important;
    }
    .scroller {
      overflow: visible !important;
      height: auto !important;
    }
    .ProseMirror {
      min-height: 0 !important;
      padding: 0 !important;
      color: #000000;
      font-size: 11pt;
      line-height: 1.45;
      outline: none !important;
    }
    .ProseMirror.is-empty::before {
      content: none;
    }
    .ProseMirror a {
      color: inherit;
    }
    .ProseMirror h1,
    .ProseMirror h2,
    .ProseMirror h3,
    .ProseMirror h4,
    .ProseMirror h5,
    .ProseMirror h6 {
      break-after: avoid;
      break-inside: avoid;
    }
    .ProseMirror p,
    .ProseMirror li {
      orphans: 3;
      widows: 3;
    }
    .ProseMirror tr,
    .ProseMirror img,
    .ProseMirror pre,
    .ProseMirror blockquote {
      break-inside: avoid;
    }
    .ProseMirror th,
    .ProseMirror td {
      border-color: #000000;
    }
    .ProseMirror th,
    .ProseMirror pre,
    .ProseMirror code {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    .ProseMirror mark {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    .ProseMirror .tableWrapper {
      overflow: visible;
    }
    .ProseMirror .page-break {
      height: 0;
      margin: 0;
      border: 0;
      break-after: page;
    }
    .ProseMirror .page-break::after {
      content: none;
    }
    .ProseMirror-yjs-cursor,
    .ProseMirror .column-resize-handle,
    .ProseMirror-separator {
      display: none !important;
    }
    .ProseMirror-yjs-selection,
    .ProseMirror .inactive-selection,
    .ProseMirror .find-match,
    .ProseMirror .selectedCell::after {
      background: none !important;
      box-shadow: none !important;
      color: inherit !important;
    }
    .ProseMirror-selectednode {
      outline: none !important;
    }
  }
`;

/**
 * The page box for printing: A4, 25 mm margins (20 mm on the right). `@page`
 * rules only apply from the document's own style sheets (browsers ignore
 * them inside shadow roots), so the element adds this one to its document
 * while it is connected; see {@link adoptPrintPageRule}.
 */
export const PRINT_PAGE_RULE = '@page { size: A4; margin: 25mm 20mm 25mm 25mm; }';

const pageRules = new WeakMap<Document, { style: HTMLStyleElement; users: number }>();

/**
 * Adds {@link PRINT_PAGE_RULE} to a document as the first `<style>` in its
 * `<head>` (marked `data-allmende-print`), so any `@page` rule of the page
 * itself comes later and wins. Counted per document: the rule is removed
 * when the last element that asked for it calls the returned function.
 */
export function adoptPrintPageRule(document: Document): () => void {
  let entry = pageRules.get(document);
  if (!entry) {
    const style = document.createElement('style');
    style.dataset['allmendePrint'] = '';
    style.textContent = PRINT_PAGE_RULE;
    (document.head ?? document.documentElement).prepend(style);
    entry = { style, users: 0 };
    pageRules.set(document, entry);
  }
  entry.users++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const current = pageRules.get(document);
    if (!current) return;
    current.users--;
    if (current.users === 0) {
      current.style.remove();
      pageRules.delete(document);
    }
  };
}
