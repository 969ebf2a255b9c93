// Bench page for a plain prosemirror-view: the same schema, keymaps, input rules and table editing
// as <allmende-doc>, with prosemirror-history for undo, and no Yjs, no collaboration. The document
// is fetched as ProseMirror JSON from the same server.
import { buildInputRules, buildKeymap, schema } from '@allmende/doc-model';
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { columnResizing, tableEditing } from 'prosemirror-tables';
import { EditorView } from 'prosemirror-view';
import 'prosemirror-view/style/prosemirror.css';
import 'prosemirror-tables/style/tables.css';
import { DOCUMENT_JSON } from '../../shared.js';
import { installBenchApi } from './bench-api.js';

// `?contain`: the reference run with <allmende-doc>'s layout containment of tables (see doc-editor.bench.ts).
if (new URLSearchParams(location.search).has('contain')) {
  const style = document.createElement('style');
  style.textContent = '.ProseMirror .tableWrapper { contain: layout; }';
  document.head.append(style);
}

let view: EditorView | null = null;
installBenchApi(() => view);

const response = await fetch(DOCUMENT_JSON);
const doc = ProseMirrorNode.fromJSON(schema, await response.json());
const state = EditorState.create({
  doc,
  plugins: [
    history(),
    columnResizing(),
    tableEditing(),
    keymap({ 'Mod-z': undo, 'Mod-y': redo, 'Mod-Shift-z': redo }),
    keymap(buildKeymap(schema)),
    buildInputRules(schema),
    keymap(baseKeymap),
  ],
});
view = new EditorView(document.querySelector('#editor')!, { state });
