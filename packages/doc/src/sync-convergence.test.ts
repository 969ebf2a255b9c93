import { schema } from '@allmende/doc-model';
import { splitBlock } from 'prosemirror-commands';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { wrapInList } from 'prosemirror-schema-list';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { afterEach, describe, expect, it } from 'vitest';
import { prosemirrorToYXmlFragment, redoCommand, undoCommand, yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { isBlankDoc, keepEmptyDocumentUnwritten } from './empty-document.js';
import { fillEmptyContainersPlugin } from './fill-empty-plugin.js';
import { incrementalSyncPlugin } from './sync-binding.js';
import { HeadlessView, seededRandom } from './sync.test-support.js';
import { undoPlugin } from './undo-plugin.js';

// Remote updates reach an editor at every moment of its life: before and at its first sync, into blocks it has
// not drawn yet, several blocks (added, changed, deleted) in one update, in the block its user is typing in, and
// around undo and redo. Whatever the order, each editor must show exactly what its Y.Doc holds, and all must end
// up the same. (A remote edit lost this way once showed in the demo's two-user e2e test.)

const { doc: docType, paragraph, bullet_list: bulletList } = schema.nodes;
const p = (text: string): ProseMirrorNode => paragraph!.create(null, text ? schema.text(text) : null);

const views: HeadlessView[] = [];
afterEach(() => {
  for (const view of views.splice(0)) view.destroy();
});

/** An editor bound to `ydoc` with the plugins the element uses for the sync, fill and undo. */
function editorOf(ydoc: Y.Doc): HeadlessView {
  const view = new HeadlessView(
    EditorState.create({ schema, plugins: [incrementalSyncPlugin(ydoc.getXmlFragment('content')), undoPlugin(), fillEmptyContainersPlugin()] }),
  );
  keepEmptyDocumentUnwritten(view as unknown as EditorView);
  views.push(view);
  return view;
}

function contentOf(ydoc: Y.Doc): ProseMirrorNode {
  return yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment('content'), schema);
}

/** Whether the editor shows what its Y.Doc holds (an empty Y.Doc shows as the one blank paragraph). */
function expectInStep(view: HeadlessView, ydoc: Y.Doc, what: string): void {
  if (ydoc.getXmlFragment('content').length === 0) {
    expect(isBlankDoc(view.state.doc), `${what}: blank`).toBe(true);
    return;
  }
  expect(view.state.doc.toString(), what).toBe(contentOf(ydoc).toString());
  view.state.doc.check();
}

/** Clients whose updates travel through queues, delivered when the test says, one by one or merged into one. */
class Network {
  readonly queues = new Map<Y.Doc, Uint8Array[]>();

  constructor(readonly docs: Y.Doc[]) {
    for (const doc of docs) this.queues.set(doc, []);
    for (const from of docs) {
      from.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === 'network') return;
        for (const to of docs) if (to !== from) this.queues.get(to)!.push(update);
      });
    }
  }

  /** Delivers to `to` the first `count` updates waiting for it, merged into one update when `merged`. */
  deliver(to: Y.Doc, count = Infinity, merged = false): void {
    const queue = this.queues.get(to)!;
    const updates = queue.splice(0, Math.min(count, queue.length));
    if (updates.length === 0) return;
    if (merged) Y.applyUpdate(to, Y.mergeUpdates(updates), 'network');
    else for (const update of updates) Y.applyUpdate(to, update, 'network');
  }

  deliverAll(): void {
    while ([...this.queues.values()].some((queue) => queue.length > 0)) for (const doc of this.docs) this.deliver(doc, Infinity, true);
  }
}

const run = (view: HeadlessView, command: Command): boolean => command(view.state, (tr) => view.dispatch(tr), view as unknown as EditorView);

/** Every position inside a textblock of `doc`. */
function textPositions(doc: ProseMirrorNode): number[] {
  const positions: number[] = [];
  doc.descendants((node, at) => {
    if (node.isTextblock) for (let offset = 0; offset <= node.content.size; offset++) positions.push(at + 1 + offset);
    return !node.isTextblock;
  });
  return positions;
}

describe('remote updates at the first sync', () => {
  it('an update that arrives after the editor drew its stored copy (as the offline cache loads first) is shown', () => {
    // Ada typed into a new document; Ben opened it from the relay and typed at its end.
    const ada = new Y.Doc();
    const ben = new Y.Doc();
    prosemirrorToYXmlFragment(docType!.create(null, [p('Agenda for Monday')]), ada.getXmlFragment('content'));
    Y.applyUpdate(ben, Y.encodeStateAsUpdate(ada));
    const benView = editorOf(ben);
    benView.dispatch(benView.state.tr.insertText(' and Tuesday', benView.state.doc.content.size - 1));
    // Ada opens it again: a fresh Y.Doc, the stored copy first, then the relay's sync.
    const again = new Y.Doc();
    const adaView = editorOf(again);
    Y.applyUpdate(again, Y.encodeStateAsUpdate(ada), 'cache');
    expectInStep(adaView, again, 'after the stored copy');
    // Her cursor in the paragraph, as after a click.
    adaView.dispatch(adaView.state.tr.setSelection(TextSelection.create(adaView.state.doc, 4)));
    Y.applyUpdate(again, Y.encodeStateAsUpdate(ben, Y.encodeStateVector(again)), 'network');
    expect(adaView.state.doc.textContent).toBe('Agenda for Monday and Tuesday');
    expectInStep(adaView, again, 'after the sync');
    // And the next remote keystroke lands too.
    const text = (ben.getXmlFragment('content').get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(text.length, '!');
    Y.applyUpdate(again, Y.encodeStateAsUpdate(ben, Y.encodeStateVector(again)), 'network');
    expect(adaView.state.doc.textContent).toBe('Agenda for Monday and Tuesday!');
  });

  it('an editor made on an empty Y.Doc shows content, then edits inside it, then new blocks, in any split', () => {
    for (const split of [1, 2, 3]) {
      const source = new Y.Doc();
      const fragment = source.getXmlFragment('content');
      const updates: Uint8Array[] = [];
      source.on('update', (update: Uint8Array) => updates.push(update));
      prosemirrorToYXmlFragment(docType!.create(null, [p('one'), p('two')]), fragment);
      ((fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(3, ' and more');
      const added = new Y.XmlElement('paragraph');
      added.insert(0, [new Y.XmlText('three')]);
      fragment.insert(2, [added]);
      ((fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText).delete(0, 1);
      const target = new Y.Doc();
      const view = editorOf(target);
      // The first `split` updates merged (as one sync reply), the rest one by one.
      Y.applyUpdate(target, Y.mergeUpdates(updates.slice(0, split)), 'network');
      expectInStep(view, target, `split ${split}, first part`);
      for (const update of updates.slice(split)) {
        Y.applyUpdate(target, update, 'network');
        expectInStep(view, target, `split ${split}`);
      }
      expect(view.state.doc.textBetween(0, view.state.doc.content.size, '|')).toBe('ne|two and more|three');
    }
  });

  it('a remote edit into a block created in the same update, and into a block added before, are both shown', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const network = new Network([a, b]);
    const aView = editorOf(a);
    const bView = editorOf(b);
    aView.dispatch(aView.state.tr.insertText('first', 1));
    network.deliverAll();
    // A adds a block and types into it; B gets both in one update while its cursor sits in the first block.
    bView.dispatch(bView.state.tr.setSelection(TextSelection.create(bView.state.doc, 3)));
    aView.dispatch(aView.state.tr.setSelection(TextSelection.create(aView.state.doc, aView.state.doc.content.size - 1)));
    run(aView, splitBlock);
    for (const char of 'second') aView.dispatch(aView.state.tr.insertText(char));
    network.deliver(b, Infinity, true);
    expect(bView.state.doc.textBetween(0, bView.state.doc.content.size, '|')).toBe('first|second');
    // Now one keystroke at a time into the new block, with B typing in the first.
    for (const char of ' block') {
      aView.dispatch(aView.state.tr.insertText(char));
      bView.dispatch(bView.state.tr.insertText('x'));
      network.deliver(b, 1);
      expectInStep(bView, b, 'B while both type');
    }
    network.deliverAll();
    expectInStep(aView, a, 'A at the end');
    expect(aView.state.doc.toString()).toBe(bView.state.doc.toString());
    expect(bView.state.doc.child(1).textContent).toBe('second block');
  });

  it('whole blocks deleted together with an edit in another block, in one update', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    prosemirrorToYXmlFragment(docType!.create(null, [p('one'), p('two'), p('three'), p('four')]), a.getXmlFragment('content'));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const network = new Network([a, b]);
    const aView = editorOf(a);
    const bView = editorOf(b);
    // B's cursor in "three"; A deletes "two" and "three" and types into "four".
    bView.dispatch(bView.state.tr.setSelection(TextSelection.create(bView.state.doc, 12)));
    const doc = aView.state.doc;
    const twoStart = doc.child(0).nodeSize;
    aView.dispatch(aView.state.tr.delete(twoStart, twoStart + doc.child(1).nodeSize + doc.child(2).nodeSize));
    aView.dispatch(aView.state.tr.insertText('!', aView.state.doc.content.size - 1));
    network.deliver(b, Infinity, true);
    expect(bView.state.doc.textBetween(0, bView.state.doc.content.size, '|')).toBe('one|four!');
    expectInStep(bView, b, 'B');
    // B's next keystroke goes where its cursor went, and reaches A.
    bView.dispatch(bView.state.tr.insertText('?'));
    network.deliverAll();
    expectInStep(aView, a, 'A');
    expect(aView.state.doc.toString()).toBe(bView.state.doc.toString());
  });
});

describe('random runs of several editors with delayed, merged and reordered delivery', () => {
  const words = ['alpha', 'beta', ' ', 'x', 'Tuesday'];
  for (const seed of [3, 7, 11, 19, 42, 101, 2026, 4711]) {
    it(`every editor shows its Y.Doc after each step and all converge (seed ${seed})`, () => {
      const random = seededRandom(seed);
      const int = (max: number): number => Math.floor(random() * max);
      const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
      prosemirrorToYXmlFragment(docType!.create(null, [p('Agenda for Monday'), p('two'), p('three')]), docs[0]!.getXmlFragment('content'));
      const network = new Network(docs);
      // The first editor starts with the content; the others get it through the network (the third editor is made
      // late), so their first sync may come after they typed, merged with later updates or in pieces.
      for (const doc of docs.slice(1)) network.queues.get(doc)!.push(Y.encodeStateAsUpdate(docs[0]!));
      const editors: Array<HeadlessView | null> = [editorOf(docs[0]!), editorOf(docs[1]!), null];
      for (let round = 0; round < 250; round++) {
        if (round === 40) editors[2] = editorOf(docs[2]!);
        const who = int(3);
        const view = editors[who];
        const roll = random();
        if (view === null || roll < 0.25) {
          network.deliver(docs[who]!, 1 + int(4), random() < 0.5);
        } else {
          const doc = view.state.doc;
          const positions = textPositions(doc);
          const at = positions[int(positions.length)] ?? 1;
          if (roll < 0.55) {
            view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, at)).insertText(words[int(words.length)]!));
          } else if (roll < 0.63) {
            view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, at)));
            run(view, splitBlock);
          } else if (roll < 0.71) {
            // A range that may cross blocks (joining them) or hold whole blocks.
            const to = positions[int(positions.length)] ?? at;
            view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, Math.min(at, to), Math.max(at, to))).deleteSelection());
          } else if (roll < 0.76 && doc.childCount > 1) {
            let start = 0;
            const index = int(doc.childCount);
            for (let i = 0; i < index; i++) start += doc.child(i).nodeSize;
            view.dispatch(view.state.tr.delete(start, start + doc.child(index).nodeSize));
          } else if (roll < 0.8) {
            view.dispatch(view.state.tr.setSelection(TextSelection.create(doc, at)));
            run(view, wrapInList(bulletList!));
          } else if (roll < 0.9) {
            run(view, undoCommand);
          } else {
            run(view, redoCommand);
          }
        }
        editors.forEach((editor, index) => {
          if (editor) expectInStep(editor, docs[index]!, `round ${round}, editor ${index}`);
        });
      }
      network.deliverAll();
      editors.forEach((editor, index) => expectInStep(editor!, docs[index]!, `editor ${index} at the end`));
      expect(editors[1]!.state.doc.toString()).toBe(editors[0]!.state.doc.toString());
      expect(editors[2]!.state.doc.toString()).toBe(editors[0]!.state.doc.toString());
    });
  }
});
