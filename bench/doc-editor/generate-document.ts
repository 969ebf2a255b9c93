import { countWords, schema } from '@allmende/doc-model';
import type { Mark, Node as ProseMirrorNode } from 'prosemirror-model';
import { TARGET_MARKER, TYPIST_MARKER } from './shared.js';
import { mulberry32 } from '../seeded-random.js';

/** A generated benchmark document and where in it the keystrokes go. */
export interface GeneratedDocument {
  doc: ProseMirrorNode;
  pages: number;
  words: number;
  /** Top-level block counts by node type, for the report. */
  blocks: Record<string, number>;
  /** Index among the top-level blocks of the paragraph the browser types into (starts with TARGET_MARKER). */
  targetIndex: number;
  /** Indexes among the top-level blocks of the remote typists' paragraphs (start with TYPIST_MARKER n). */
  typistIndexes: number[];
}

const WORDS = `the of and to in is that for it as was with be by on not he this are or his from at which but have an
they you were her she there been one all we their has would when if so no what can more about time people some
them other into only its could new than then two these may first any like now my such make over our even most
after also made many before must through back years where much your way down should because each just those how
too little state good very world still own see work long here both between life being under never day same
another know while last might us great old year off come since against go came right used take three council
report budget meeting minutes committee district planning school water road housing library office public
service citizens agenda proposal decision motion approved review contract tender procurement record archive
measures section paragraph annex figure table schedule draft final revised summary appendix notes`.split(/\s+/);

/**
 * Generates a long report: per page a heading, five or six paragraphs with bold, italic and
 * linked words, a bullet or numbered list, every fourth page a table, and a page break; every tenth
 * page opens a chapter (heading 1). About 500 words a page. Deterministic for a given seed.
 * The target paragraph sits on `targetPage` (by default the middle page); the remote typists' paragraphs one just below it (on
 * screen) and the others spread through the document.
 */
export function generateDocument(options: { pages?: number; seed?: number; targetPage?: number } = {}): GeneratedDocument {
  const pages = options.pages ?? 200;
  const next = mulberry32(options.seed ?? 42);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = (): string => WORDS[Math.floor(next() * WORDS.length)]!;
  const phrase = (count: number): string => Array.from({ length: count }, pick).join(' ');
  const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

  const bold = schema.marks.bold.create();
  const italic = schema.marks.italic.create();
  const text = (value: string, marks: readonly Mark[] = []): ProseMirrorNode => schema.text(value, marks);
  const paragraph = (content: ProseMirrorNode[]): ProseMirrorNode => schema.nodes.paragraph.create(null, content);

  /** A paragraph of `count` words in sentences, with a few formatted runs. */
  const prose = (count: number, prefix?: string): ProseMirrorNode => {
    const content: ProseMirrorNode[] = prefix ? [text(`${prefix} `)] : [];
    let written = 0;
    while (written < count) {
      const length = Math.min(count - written, int(6, 16));
      const roll = next();
      const sentence = `${capitalised(phrase(length))}. `;
      if (roll < 0.12) {
        content.push(text(sentence, [bold]));
      } else if (roll < 0.22) {
        content.push(text(sentence, [italic]));
      } else if (roll < 0.27) {
        const link = schema.marks.link.create({ href: `https://example.org/${pick()}` });
        content.push(text(`${capitalised(pick())} `, [link]), text(`${phrase(length - 1)}. `));
      } else {
        content.push(text(sentence));
      }
      written += length;
    }
    // No trailing space: the typing goes at the end, after a full stop.
    const last = content[content.length - 1]!;
    content[content.length - 1] = last.type.schema.text(last.text!.trimEnd(), last.marks);
    return paragraph(content);
  };

  const list = (ordered: boolean): ProseMirrorNode => {
    const items = Array.from({ length: int(3, 5) }, () =>
      schema.nodes.list_item.create(null, paragraph([text(`${capitalised(phrase(int(8, 16)))}.`)])),
    );
    return ordered ? schema.nodes.ordered_list.create(null, items) : schema.nodes.bullet_list.create(null, items);
  };

  const table = (): ProseMirrorNode => {
    const cell = (type: 'table_cell' | 'table_header', words: number): ProseMirrorNode =>
      schema.nodes[type].create(null, paragraph([text(capitalised(phrase(words)))]));
    const header = schema.nodes.table_row.create(null, [0, 1, 2].map(() => cell('table_header', 2)));
    const rows = Array.from({ length: 4 }, () => schema.nodes.table_row.create(null, [0, 1, 2].map(() => cell('table_cell', int(2, 5)))));
    return schema.nodes.table.create(null, [header, ...rows]);
  };

  const blocks: ProseMirrorNode[] = [];
  const middle = options.targetPage ?? Math.floor(pages / 2);
  // Typist 1 writes just below the target (both on screen); the others far away in both directions.
  const typistPages = new Map([[middle, 1], [Math.floor(pages * 0.1), 2], [Math.floor(pages * 0.35), 3], [Math.floor(pages * 0.85), 4]]);
  let targetIndex = -1;
  const typistIndexes: number[] = [];
  for (let page = 1; page <= pages; page++) {
    if (page % 10 === 1) {
      blocks.push(schema.nodes.paragraph.create({ level: 1 }, text(`Chapter ${Math.ceil(page / 10)}: ${capitalised(phrase(4))}`)));
    }
    blocks.push(schema.nodes.paragraph.create({ level: 2 }, text(`${page}. ${capitalised(phrase(int(3, 6)))}`)));
    const paragraphs = int(5, 6);
    for (let index = 0; index < paragraphs; index++) {
      if (page === middle && index === 1) {
        targetIndex = blocks.length;
        blocks.push(prose(int(60, 90), TARGET_MARKER));
      } else if (typistPages.has(page) && index === (page === middle ? 2 : 1)) {
        typistIndexes[typistPages.get(page)! - 1] = blocks.length;
        blocks.push(prose(int(60, 90), `${TYPIST_MARKER} ${typistPages.get(page)}.`));
      } else {
        blocks.push(prose(int(60, 95)));
      }
      if (index === 2) blocks.push(list(page % 2 === 0));
      if (index === 3 && page % 4 === 0) {
        blocks.push(schema.nodes.paragraph.create({ level: 3 }, text(capitalised(phrase(int(2, 5))))));
        blocks.push(table());
      }
    }
    if (page < pages) blocks.push(schema.nodes.page_break.create());
  }

  const doc = schema.nodes.doc.create(null, blocks);
  doc.check();
  const counts: Record<string, number> = {};
  doc.forEach((node) => {
    counts[node.type.name] = (counts[node.type.name] ?? 0) + 1;
  });
  return { doc, pages, words: countWords(doc), blocks: counts, targetIndex, typistIndexes };
}
