// A diagnostic for the doc-editor benchmark (not part of its report): the JS cost of the
// ProseMirror → Yjs direction for one keystroke in the 200-page document, in Node without a DOM:
// y-prosemirror 1.3.7's whole-document `updateYFragment` and `absolutePositionToRelativePosition`
// against @allmende/doc's block-wise writer and relative positions. Medians of many repetitions.
//
// Run: cd bench && npx tsx doc-editor/local-direction.ts
import { EditorState, TextSelection } from 'prosemirror-state';
import { absolutePositionToRelativePosition, initProseMirrorDoc, prosemirrorToYXmlFragment, updateYFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { schema } from '@allmende/doc-model';
import { noteDocumentInSync, writeDocument } from '../../packages/doc/src/local-sync.js';
import type { LocalSyncBinding } from '../../packages/doc/src/local-sync.js';
import { relativePosition } from '../../packages/doc/src/relative-position.js';
import { generateDocument } from './generate-document.js';

const REPEAT = 200;
const median = (values: number[]): number => values.sort((a, b) => a - b)[values.length >> 1]!;

function setup(): { binding: LocalSyncBinding; state: EditorState; caret: number } {
  const generated = generateDocument({ pages: 200 });
  const ydoc = new Y.Doc();
  const type = ydoc.getXmlFragment('content');
  prosemirrorToYXmlFragment(generated.doc, type);
  const { doc, mapping } = initProseMirrorDoc(type, schema);
  const binding: LocalSyncBinding = { type, doc: ydoc, mapping: mapping as LocalSyncBinding['mapping'], isOMark: new Map(), beforeTransactionSelection: null, prosemirrorView: null };
  noteDocumentInSync(binding, doc);
  let caret = 0;
  for (let index = 0; index <= generated.targetIndex; index++) caret += doc.child(index).nodeSize;
  caret -= 1; // the end of the target paragraph (page 100)
  return { binding, state: EditorState.create({ schema, doc, selection: TextSelection.create(doc, caret) }), caret };
}

function typeKeys(write: (binding: LocalSyncBinding, state: EditorState) => void): number {
  const setUp = setup();
  const { binding } = setUp;
  let { state } = setUp;
  const times: number[] = [];
  for (let n = 0; n < REPEAT; n++) {
    state = state.apply(state.tr.insertText('x'));
    const start = performance.now();
    binding.doc.transact(() => write(binding, state), 'bench');
    times.push(performance.now() - start);
  }
  return median(times);
}

const whole = typeKeys((binding, state) => updateYFragment(binding.doc, binding.type, state.doc, binding as never));
const blockwise = typeKeys((binding, state) => writeDocument(binding, state.doc));

const { binding, state, caret } = setup();
const positions = (convert: () => unknown): number => {
  const times: number[] = [];
  for (let n = 0; n < REPEAT; n++) {
    const start = performance.now();
    convert();
    times.push(performance.now() - start);
  }
  return median(times);
};
const theirs = positions(() => absolutePositionToRelativePosition(caret, binding.type, binding.mapping as never));
const ours = positions(() => relativePosition(caret, binding, state.doc));

process.stdout.write(`One keystroke at page 100 of 200, median of ${REPEAT}:
- write to Yjs: y-prosemirror updateYFragment ${whole.toFixed(3)} ms, block-wise writeDocument ${blockwise.toFixed(3)} ms (${(whole / blockwise).toFixed(1)}x)
- one relative position: y-prosemirror ${theirs.toFixed(3)} ms, ours ${ours.toFixed(3)} ms (${(theirs / ours).toFixed(1)}x); about ten per keystroke
`);
