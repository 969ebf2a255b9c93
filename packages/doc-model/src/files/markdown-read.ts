import MarkdownIt from 'markdown-it';
import type { MarkdownIt as MarkdownParser, Token } from 'markdown-it';
import { FileImportError, WarningCollector } from './file-error.js';
import type { ImportResult } from './file-error.js';
import { collapsibleSpaces, KEPT_SPACE, parseFileHTML, SPACES_ATTRIBUTE } from './file-html.js';
import { finishDoc } from './import-builder.js';
import { limitsOf } from './limits.js';
import type { ImportOptions } from './limits.js';

const TASK_MARKER = /^\[([ xX])\](?:[ \t]+|$)/;

/** Marks bullet lists whose items all start with `[ ]` or `[x]` as task lists (GFM task list items). */
function taskLists(tokens: Token[]): void {
  for (let index = 0; index < tokens.length; index++) {
    const list = tokens[index]!;
    if (list.type !== 'bullet_list_open') continue;
    const items: { item: Token; inline: Token | null }[] = [];
    for (let inner = index + 1; inner < tokens.length; inner++) {
      const token = tokens[inner]!;
      if (token.type === 'bullet_list_close' && token.level === list.level) break;
      if (token.type === 'list_item_open' && token.level === list.level + 1) {
        const paragraph = tokens[inner + 1];
        const inline = paragraph?.type === 'paragraph_open' ? (tokens[inner + 2] ?? null) : null;
        items.push({ item: token, inline: inline?.type === 'inline' ? inline : null });
      }
    }
    if (items.length === 0 || !items.every(({ inline }) => inline && TASK_MARKER.test(inline.content))) continue;
    list.attrSet('data-type', 'task_list');
    for (const { item, inline } of items) {
      const match = TASK_MARKER.exec(inline!.content)!;
      item.attrSet('data-type', 'task_item');
      item.attrSet('data-checked', match[1] === ' ' ? 'false' : 'true');
      inline!.content = inline!.content.slice(match[0].length);
      const first = inline!.children?.[0];
      if (first?.type === 'text') first.content = first.content.replace(TASK_MARKER, '');
    }
  }
}

/**
 * Marks the spaces of each paragraph that HTML would collapse (see
 * file-html.ts) with a stand-in, so the renderer writes them as kept
 * spaces: CommonMark keeps runs of spaces in text, the HTML it renders to
 * does not.
 */
function markCollapsibleSpaces(tokens: Token[]): void {
  for (const block of tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const items: { char: string; token: Token | null; index: number }[] = [];
    for (const token of block.children) {
      if (token.type === 'text' || token.type === 'code_inline') {
        [...token.content].forEach((char, index) => items.push({ char, token, index }));
      } else if (token.type === 'softbreak') items.push({ char: ' ', token: null, index: 0 });
      else if (token.type === 'hardbreak' || (token.type === 'html_inline' && /^<br\b/i.test(token.content))) items.push({ char: '\n', token: null, index: 0 });
      else if (token.type === 'image' || (token.type === 'html_inline' && /^<img\b/i.test(token.content))) items.push({ char: '\ufffc', token: null, index: 0 });
    }
    const kept = collapsibleSpaces(items.map((item) => item.char));
    const changed = new Map<Token, string[]>();
    items.forEach((item, position) => {
      if (!kept[position] || !item.token) return;
      let chars = changed.get(item.token);
      if (!chars) changed.set(item.token, (chars = [...item.token.content]));
      chars[item.index] = KEPT_SPACE;
    });
    for (const [token, chars] of changed) token.content = chars.join('');
  }
}

function createParser(): MarkdownParser {
  // Raw HTML is allowed because the result goes through the paste sanitizer, which keeps only what the schema holds.
  const md = new MarkdownIt('default', { html: true, linkify: false, breaks: false });
  md.core.ruler.push('allmende_tasks_and_code', (state) => {
    taskLists(state.tokens);
    for (const token of state.tokens) {
      if (token.type === 'fence' || token.type === 'code_block') token.content = token.content.replace(/\n$/, '');
    }
    markCollapsibleSpaces(state.tokens);
  });
  const escape = md.utils.escapeHtml;
  const withSpaces = (text: string): string =>
    escape(text).replace(new RegExp(`${KEPT_SPACE}+`, 'g'), (run) => `<span ${SPACES_ATTRIBUTE}>${'&#160;'.repeat(run.length)}</span>`);
  md.renderer.rules.text = (tokens, index) => withSpaces(tokens[index]!.content);
  md.renderer.rules.code_inline = (tokens, index) => `<code>${withSpaces(tokens[index]!.content)}</code>`;
  // A GFM column alignment becomes the alignment of the paragraph in each cell.
  for (const tag of ['td', 'th'] as const) {
    md.renderer.rules[`${tag}_open`] = (tokens, index) => {
      const align = /text-align:\s*(left|center|right)/.exec(String(tokens[index]!.attrGet('style') ?? ''))?.[1];
      return align && align !== 'left' ? `<${tag}><p style="text-align: ${align}">` : `<${tag}><p>`;
    };
    md.renderer.rules[`${tag}_close`] = () => `</p></${tag}>\n`;
  }
  return md;
}

let parser: MarkdownParser | null = null;

/**
 * Reads Markdown (CommonMark with GFM tables, strikethrough and task
 * lists) into a document. Raw HTML in the text (as {@link toMarkdown}
 * writes for underline, colours, aligned paragraphs and complex tables) is
 * kept exactly as far as pasting it would keep it: it passes the same
 * sanitizer. A GFM column alignment becomes the alignment of the
 * paragraphs in that column. Images the sanitizer drops are reported as
 * `images-dropped`. Throws a {@link FileImportError} (`too-large`) for
 * text over the size cap.
 */
export function fromMarkdown(text: string, options?: ImportOptions): ImportResult {
  if (typeof text !== 'string') throw new TypeError(`fromMarkdown: expected a string, got ${typeof text}.`);
  const limits = limitsOf(options);
  if (text.length > limits.maxFileBytes) {
    throw new FileImportError('too-large', `The text has ${text.length} characters; the limit is ${limits.maxFileBytes}.`);
  }
  parser ??= createParser();
  const warnings = new WarningCollector();
  const html = parser.render(text.replace(new RegExp(KEPT_SPACE, 'g'), ''));
  const blocks = parseFileHTML(html, () => warnings.add('images-dropped'));
  return { doc: finishDoc(blocks), warnings: warnings.list(), comments: [] };
}
