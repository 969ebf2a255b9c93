import { countCharacters, countWords, schema } from '@allmende/doc-model';
import { describe, expect, it } from 'vitest';
import { countByBlock } from './document-counts.js';

const { doc, paragraph, bullet_list: bulletList, list_item: listItem } = schema.nodes;
const p = (text: string) => paragraph!.create(null, text ? schema.text(text) : null);

describe('countByBlock', () => {
  it('gives the counts of the whole document, also after an edit that reuses the other blocks', () => {
    const before = doc!.create(null, [p('Straße und Bäume'), bulletList!.create(null, [listItem!.create(null, p('z. B. drei'))]), p(''), p('E-Mail — 3,5')]);
    expect(countByBlock(before)).toEqual({ words: countWords(before), characters: countCharacters(before) });
    const edited = before.copy(before.content.replaceChild(0, p('Straße und viele Bäume')));
    expect(edited.child(1)).toBe(before.child(1));
    expect(countByBlock(edited)).toEqual({ words: countWords(edited), characters: countCharacters(edited) });
    expect(countByBlock(edited).words).toBe(countByBlock(before).words + 1);
  });

  it('counts an empty document as nothing', () => {
    expect(countByBlock(doc!.create(null, [p('')]))).toEqual({ words: 0, characters: 0 });
  });
});
