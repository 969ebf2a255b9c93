import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { describe, expect, it } from 'vitest';
import { schema } from './schema.js';
import { countCharacters, countWords } from './text-counts.js';

type Child = ProseMirrorNode | string;
const kids = (children: Child[]) => children.map((c) => (typeof c === 'string' ? schema.text(c) : c));
const doc = (...c: Child[]) => schema.node('doc', null, kids(c));
const p = (...c: Child[]) => schema.node('paragraph', null, kids(c));
const bold = (text: string) => schema.text(text, [schema.marks.bold.create()]);

describe('countWords', () => {
  it('counts German words with umlauts and ß as one word each', () => {
    expect(countWords(doc(p('Die Straße führt über Bäume und Flüsse.')))).toBe(7);
  });

  it('counts hyphenated compounds, slashes and numbers as one word and lone dashes as none', () => {
    expect(countWords(doc(p('Die E-Mail-Adresse und/oder 3,5 % – fertig')))).toBe(5);
    expect(countWords(doc(p('Haus- und Gartenarbeit')))).toBe(3);
    expect(countWords(doc(p('z. B. Müller’s Hund')))).toBe(4);
  });

  it('does not split words at formatting, but at paragraphs, line breaks and images', () => {
    expect(countWords(doc(p('Wort', bold('teil'))))).toBe(1);
    expect(countWords(doc(p('eins'), p('zwei')))).toBe(2);
    expect(countWords(doc(p('eins', schema.node('hard_break'), 'zwei')))).toBe(2);
  });

  it('treats no-break and thin spaces as spaces and ignores soft hyphens', () => {
    expect(countWords(doc(p('10\u00a0km und\u202fso Silben\u00adtrennung')))).toBe(5);
  });

  it('counts each Chinese or Japanese character as a word, like Word', () => {
    expect(countWords(doc(p('我爱你 hello')))).toBe(4);
  });

  it('counts nothing in an empty document', () => {
    expect(countWords(doc(p()))).toBe(0);
  });

  it('counts words in lists, tables and code blocks', () => {
    const cell = schema.node('table_cell', null, [p('drei vier')]);
    const d = doc(
      schema.node('bullet_list', null, [schema.node('list_item', null, [p('eins zwei')])]),
      schema.node('table', null, [schema.node('table_row', null, [cell])]),
      schema.node('code_block', null, [schema.text('let x')]),
    );
    expect(countWords(d)).toBe(6);
  });
});

describe('countCharacters', () => {
  it('counts characters with and without spaces, not paragraph breaks', () => {
    const d = doc(p('ab c'), p('Straße'));
    expect(countCharacters(d)).toBe(10);
    expect(countCharacters(d, { spaces: false })).toBe(9);
  });

  it('counts an umlaut written with a combining mark and an emoji with skin tone as one character', () => {
    expect(countCharacters(doc(p('a\u0308')))).toBe(1);
    expect(countCharacters(doc(p('👍🏽 ok')))).toBe(4);
  });

  it('ignores soft hyphens and zero-width characters, and counts no-break spaces as spaces', () => {
    const d = doc(p('Sil\u00adbe\u200b 10\u00a0km'));
    expect(countCharacters(d)).toBe(11);
    expect(countCharacters(d, { spaces: false })).toBe(9);
  });
});
