import * as prng from 'lib0/prng';
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { Slice } from 'prosemirror-model';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, Plugin, TextSelection } from 'prosemirror-state';
import type { Command, Selection, Transaction } from 'prosemirror-state';
import { CellSelection, fixTables, TableMap } from 'prosemirror-tables';
import { Mapping } from 'prosemirror-transform';
import { describe, expect, it } from 'vitest';
import { initProseMirrorDoc, updateYFragment, yXmlFragmentToProseMirrorRootNode, ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import {
  addTableColumnAfter,
  addTableColumnBefore,
  addTableRowAfter,
  addTableRowBefore,
  buildKeymap,
  decreaseIndent,
  deleteTable,
  deleteTableColumn,
  deleteTableRow,
  fillEmptyContainers,
  htmlToDoc,
  increaseIndent,
  insertHardBreak,
  insertHorizontalRule,
  insertImage,
  insertPageBreak,
  insertTable,
  mergeTableCells,
  removeLink,
  schema,
  setAlignment,
  setCodeBlockLanguage,
  setHeading,
  setHighlight,
  setLink,
  setParagraph,
  setTextColor,
  splitTableCell,
  toggleBlockquote,
  toggleBold,
  toggleBulletList,
  toggleCode,
  toggleCodeBlock,
  toggleItalic,
  toggleOrderedList,
  toggleSubscript,
  toggleSuperscript,
  toggleTableHeaderColumn,
  toggleTableHeaderRow,
  toggleTaskChecked,
  toggleTaskList,
  toggleUnderline,
} from './index.js';

// Several replicas edit one document the way <allmende-doc> does, without a
// view: each holds an EditorState, runs this package's commands (and the
// keymap's Enter, Backspace, Delete, Tab) on random selections, and writes
// every new state into its Y.XmlFragment with y-prosemirror's
// `updateYFragment`, as ySyncPlugin's view update does. Remote updates are
// read back as ySyncPlugin does after a remote Yjs transaction: rebuild the
// nodes from the Y XML with `schema.node` (`initProseMirrorDoc`), then
// replace the document's content with `tr.replace`. Updates travel over
// per-link queues and are delivered in random order; replicas go offline
// (and keep editing), links are cut, and both come back with a state-vector
// exchange (y-websocket's sync steps 1 and 2).
//
// y-prosemirror deletes, for everyone, any element whose children do not fit
// the schema, and any text whose marks it cannot build. The editor would not
// notice, so every read-back compares the element structure and text of the
// Y XML with the ProseMirror document it produced, and every local write
// compares them the other way round: anything that did not make it across
// is reported, with the seed and step. So is every document that fails
// `node.check()`: y-prosemirror does not check mark sets, so a combination
// the schema forbids would spread to every client.
//
// Not asserted, because no schema can prevent it: y-prosemirror turns a
// change of node type (paragraph to code block) and wrapping (list,
// blockquote) into deleting the element and inserting a new one, so
// text another user types into that block at the same moment goes with the
// deleted element; and when a block is split, text typed at the same moment
// into the part that moves stays in the first half. Both converge, and the
// README describes them. Headings are paragraphs with a level, so changing
// between body text and heading levels is an attribute change and keeps
// concurrent typing (concurrent-block-style.test.ts).
//
// CONVERGENCE_SEEDS=200 runs seeds 1 to 200 instead of the fixed ones (about
// half a second each), for a longer search after changing the schema.

const soakSeeds = Number(process.env['CONVERGENCE_SEEDS'] ?? 0);
const SEEDS = soakSeeds > 0 ? Array.from({ length: soakSeeds }, (_, index) => index + 1) : [1, 2, 7, 42, 99, 2026];
const REPLICAS = 5;
const STEPS = 450;

/** The origin of updates applied from another replica; only these make a replica re-read its fragment. */
const REMOTE = Symbol('remote');

type BindingMeta = Parameters<typeof updateYFragment>[3];

/** Tells whether a transaction carries remote content, as y-prosemirror marks it. */
function isRemoteSync(tr: Transaction): boolean {
  return (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
}

// What <allmende-doc>'s plugins add to local edits (packages/doc:
// table-plugins.ts and fill-empty-plugin.ts; a model cannot import the
// element): prosemirror-tables' `fixTables` and filling emptied containers,
// both skipped for remote changes. Only the repair part of `tableEditing`:
// its selection normalisation (prosemirror-tables 1.8.5) throws "Position
// NaN" for a node selection of a table without cells, which concurrent
// column deletes produce and Backspace after such a table selects.

function localTableRepairs(): Plugin {
  return new Plugin({
    appendTransaction: (transactions, oldState, state) =>
      transactions.some(isRemoteSync) ? null : (fixTables(state, oldState) ?? null),
  });
}

function localFillEmpty(): Plugin {
  return new Plugin({
    appendTransaction(transactions, _oldState, state) {
      if (transactions.some(isRemoteSync)) return null;
      const maps = transactions.flatMap((tr) => tr.mapping.maps);
      const mapping = new Mapping(maps);
      let from = Number.POSITIVE_INFINITY;
      let to = Number.NEGATIVE_INFINITY;
      maps.forEach((map, index) => {
        const later = mapping.slice(index + 1);
        map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
          from = Math.min(from, later.map(newStart, -1));
          to = Math.max(to, later.map(newEnd, 1));
        });
      });
      if (from > to) return null;
      const tr = state.tr;
      fillEmptyContainers(tr, { from, to });
      return tr.docChanged ? tr : null;
    },
  });
}

/** Element names and text of a Y XML tree, in the same notation as {@link pmShape}. */
function yShape(type: Y.XmlFragment | Y.XmlElement | Y.XmlText): string {
  if (type instanceof Y.XmlText) {
    return (type.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '\ufffc')).join('');
  }
  const inner = type
    .toArray()
    .map((child) => yShape(child as Y.XmlElement | Y.XmlText))
    .join('');
  return type instanceof Y.XmlElement ? `<${type.nodeName}>${inner}</${type.nodeName}>` : inner;
}

/** Node names and text of a ProseMirror node's content. */
function pmShape(node: ProseMirrorNode): string {
  let inner = '';
  node.forEach((child) => {
    inner += child.isText ? (child.text ?? '') : `<${child.type.name}>${pmShape(child)}</${child.type.name}>`;
  });
  return inner;
}

/** What a root fragment shows in the editor: `tr.replace` fits an empty root to one paragraph. */
const shown = (yXml: string): string => (yXml === '' ? '<paragraph></paragraph>' : yXml);

/** Where two shapes first differ, with some context, for a readable failure. */
function difference(expected: string, actual: string): string {
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  const from = Math.max(0, at - 60);
  return `Y: …${expected.slice(from, at + 100)}… PM: …${actual.slice(from, at + 100)}…`;
}

function checkError(doc: ProseMirrorNode): string | null {
  try {
    doc.check();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** One user: a Y.Doc and the editor state bound to its fragment. */
class Replica {
  readonly ydoc = new Y.Doc();
  readonly fragment: Y.XmlFragment;
  state = EditorState.create({ schema, plugins: [localTableRepairs(), localFillEmpty()] });
  online = true;
  /** How many words this user typed. */
  typed = 0;
  private meta: BindingMeta = { mapping: new Map(), isOMark: new Map() };
  private remoteChange = false;

  constructor(
    readonly id: number,
    private readonly report: (problem: string) => void,
  ) {
    // Fixed client ids make the order of concurrent inserts, and so the run, reproducible.
    this.ydoc.clientID = id + 1;
    this.fragment = this.ydoc.getXmlFragment('content');
    this.fragment.observeDeep((_events, transaction) => {
      if (transaction.origin === REMOTE) this.remoteChange = true;
    });
  }

  /** Puts the selection somewhere, as a click would. */
  select(selection: Selection): void {
    this.update(this.state.tr.setSelection(selection));
  }

  /** Runs a command on the current state; tells whether it changed the document. */
  run(command: Command): boolean {
    const dispatched: Transaction[] = [];
    command(this.state, (tr) => dispatched.push(tr));
    dispatched.forEach((tr) => this.update(tr));
    return dispatched.some((tr) => tr.docChanged);
  }

  /** Applies updates from another replica and re-reads the fragment if they changed it. */
  receive(update: Uint8Array): void {
    Y.applyUpdate(this.ydoc, update, REMOTE);
    if (this.remoteChange) this.readBack();
  }

  /** A local transaction, then the write into the Y.Doc that ySyncPlugin's view update does. */
  private update(tr: Transaction): void {
    this.state = this.state.apply(tr);
    this.ydoc.transact(() => updateYFragment(this.ydoc, this.fragment, this.state.doc, this.meta), ySyncPluginKey);
    const invalid = checkError(this.state.doc);
    if (invalid) this.report(`replica ${this.id}: a local edit made an invalid document: ${invalid}`);
    const written = shown(yShape(this.fragment));
    const local = pmShape(this.state.doc);
    if (written !== local) this.report(`replica ${this.id}: updateYFragment did not write the document: ${difference(local, written)}`);
  }

  /** What ySyncPlugin does after a remote Yjs transaction. */
  private readBack(): void {
    this.remoteChange = false;
    const expected = yShape(this.fragment);
    const { doc, meta } = initProseMirrorDoc(this.fragment, schema);
    const tr = this.state.tr
      .replace(0, this.state.doc.content.size, new Slice(doc.content, 0, 0))
      .setMeta(ySyncPluginKey, { isChangeOrigin: true })
      .setMeta('addToHistory', false);
    this.state = this.state.apply(tr);
    this.meta = meta;
    const actual = pmShape(this.state.doc);
    if (actual !== shown(expected)) {
      this.report(`replica ${this.id}: y-prosemirror dropped content on reading remote changes: ${difference(shown(expected), actual)}`);
    }
    const invalid = checkError(this.state.doc);
    if (invalid) this.report(`replica ${this.id}: remote changes made an invalid document: ${invalid}`);
  }
}

/** A full mesh of links between replicas, each a queue of updates delivered in random order. */
class Network {
  private readonly queues: Uint8Array[][][];
  private readonly cut: boolean[][];
  /** Counts updates replicas produced themselves (edits, and y-prosemirror's repairs on reading). */
  localUpdates = 0;

  constructor(
    readonly replicas: Replica[],
    private readonly gen: prng.PRNG,
  ) {
    this.queues = replicas.map(() => replicas.map(() => []));
    this.cut = replicas.map(() => replicas.map(() => false));
    for (const replica of replicas) {
      replica.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE) return;
        this.localUpdates++;
        for (const to of replicas) {
          if (to !== replica && this.connected(replica, to)) this.queue(replica, to).push(update);
        }
      });
    }
  }

  connected(a: Replica, b: Replica): boolean {
    return a.online && b.online && !this.cut[a.id]![b.id];
  }

  pending(): number {
    return this.queues.flat().reduce((sum, queue) => sum + queue.length, 0);
  }

  /** Delivers one queued update, chosen at random from a random link. */
  deliverOne(): void {
    const links = this.replicas.flatMap((from) =>
      this.replicas.filter((to) => this.queue(from, to).length > 0).map((to) => [from, to] as const),
    );
    if (links.length === 0) return;
    const [from, to] = prng.oneOf(this.gen, links);
    const queue = this.queue(from, to);
    const [update] = queue.splice(prng.int32(this.gen, 0, queue.length - 1), 1);
    to.receive(update!);
  }

  disconnect(replica: Replica): void {
    replica.online = false;
    for (const other of this.replicas) this.drop(replica, other);
  }

  reconnect(replica: Replica): void {
    replica.online = true;
    for (const other of this.replicas) if (other !== replica && this.connected(replica, other)) this.sync(replica, other);
  }

  cutLink(a: Replica, b: Replica): void {
    this.cut[a.id]![b.id] = this.cut[b.id]![a.id] = true;
    this.drop(a, b);
  }

  healLink(a: Replica, b: Replica): void {
    this.cut[a.id]![b.id] = this.cut[b.id]![a.id] = false;
    if (this.connected(a, b)) this.sync(a, b);
  }

  /** Brings everyone online and exchanges state until no replica has anything left to send. */
  settle(): void {
    for (const a of this.replicas) for (const b of this.replicas) if (a !== b) this.cut[a.id]![b.id] = false;
    for (const replica of this.replicas) replica.online = true;
    for (let round = 0; round < 10; round++) {
      const before = this.localUpdates;
      for (const a of this.replicas) for (const b of this.replicas) if (a.id < b.id) this.sync(a, b);
      while (this.pending() > 0) this.deliverOne();
      if (this.localUpdates === before) return;
    }
    throw new Error('the replicas kept producing updates after 10 rounds of syncing');
  }

  /** y-websocket's sync steps 1 and 2: each side sends what the other's state vector lacks, queued like any update. */
  private sync(a: Replica, b: Replica): void {
    this.queue(a, b).push(Y.encodeStateAsUpdate(a.ydoc, Y.encodeStateVector(b.ydoc)));
    this.queue(b, a).push(Y.encodeStateAsUpdate(b.ydoc, Y.encodeStateVector(a.ydoc)));
  }

  private drop(a: Replica, b: Replica): void {
    this.queue(a, b).length = 0;
    this.queue(b, a).length = 0;
  }

  private queue(from: Replica, to: Replica): Uint8Array[] {
    return this.queues[from.id]![to.id]!;
  }
}

const keys = buildKeymap(schema, { onLink: () => false });

/** What a key does in the editor: the model's binding, then ProseMirror's base keymap. */
function key(name: string): Command {
  return chainCommands(...[keys[name], baseKeymap[name]].filter((command): command is Command => command !== undefined));
}

/** The textblocks of a document with their positions; `inTable` filters by being inside a table cell. */
function textblocks(doc: ProseMirrorNode, inTable?: boolean): { node: ProseMirrorNode; pos: number }[] {
  const found: { node: ProseMirrorNode; pos: number }[] = [];
  const walk = (node: ProseMirrorNode, pos: number, insideTable: boolean) => {
    node.forEach((child, offset) => {
      const childPos = pos + offset;
      if (child.isTextblock) {
        if (inTable === undefined || inTable === insideTable) found.push({ node: child, pos: childPos });
      } else if (!child.isLeaf) {
        walk(child, childPos + 1, insideTable || child.type.name === 'table');
      }
    });
  };
  walk(doc, 0, false);
  return found;
}

/** A cursor position inside a random textblock: anywhere, at its start or at its end. */
function cursorIn(gen: prng.PRNG, doc: ProseMirrorNode, where: 'any' | 'start' | 'end' = 'any', inTable?: boolean): number | null {
  const blocks = textblocks(doc, inTable);
  if (blocks.length === 0) return null;
  const { node, pos } = prng.oneOf(gen, blocks);
  const offset = where === 'start' ? 0 : where === 'end' ? node.content.size : prng.int32(gen, 0, node.content.size);
  return pos + 1 + offset;
}

function selectCursor(gen: prng.PRNG, replica: Replica, where: 'any' | 'start' | 'end' = 'any', inTable?: boolean): boolean {
  const pos = cursorIn(gen, replica.state.doc, where, inTable);
  if (pos === null) return false;
  replica.select(TextSelection.create(replica.state.doc, pos));
  return true;
}

/** A text selection from a random position over up to 40 positions, often across block boundaries. */
function selectRange(gen: prng.PRNG, replica: Replica): boolean {
  const doc = replica.state.doc;
  const a = cursorIn(gen, doc);
  if (a === null) return false;
  const b = Math.min(doc.content.size, Math.max(0, a + prng.int32(gen, -40, 40)));
  replica.select(TextSelection.between(doc.resolve(a), doc.resolve(b)));
  return true;
}

/** A cell selection between two random cells of a random (well-formed) table. */
function selectCells(gen: prng.PRNG, replica: Replica): boolean {
  const doc = replica.state.doc;
  const tables: number[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'table' && node.childCount > 0) tables.push(pos);
    return node.type.name !== 'table';
  });
  if (tables.length === 0) return false;
  const tablePos = prng.oneOf(gen, tables);
  const map = TableMap.get(doc.nodeAt(tablePos)!);
  if (map.problems || map.map.length === 0) return false;
  const anchor = tablePos + 1 + prng.oneOf(gen, map.map);
  const head = tablePos + 1 + prng.oneOf(gen, map.map);
  replica.select(CellSelection.create(doc, anchor, head));
  return true;
}

/** Typed words are unique, so a failure names exactly which typing went missing. */
function typeText(replica: Replica): Command {
  const word = `w${replica.id}n${++replica.typed} `;
  return (state, dispatch) => {
    dispatch?.(state.tr.insertText(word));
    return true;
  };
}

const markCommands: Command[] = [
  toggleBold,
  toggleItalic,
  toggleUnderline,
  toggleSuperscript,
  toggleSubscript,
  toggleCode,
  setTextColor('#c00000'),
  setHighlight('#ffff00'),
  setHighlight(null),
  setLink('https://example.org/'),
  removeLink,
];
const blockCommands: Command[] = [
  setParagraph,
  setHeading(1),
  setHeading(2),
  setHeading(3),
  setHeading(6),
  key('Ctrl-Alt-0'),
  key('Ctrl-Alt-4'),
  setAlignment('center'),
  setAlignment('right'),
  setAlignment(null),
  increaseIndent,
  decreaseIndent,
];
const listCommands: Command[] = [toggleBulletList, toggleOrderedList, toggleTaskList, toggleTaskChecked, key('Tab'), key('Shift-Tab')];
const quoteAndCode: Command[] = [toggleBlockquote, toggleCodeBlock('js'), toggleCodeBlock(null), setCodeBlockLanguage('py')];
const inserts: Command[] = [
  insertHorizontalRule,
  insertPageBreak,
  insertImage({ src: 'https://example.org/picture.png', alt: 'picture' }),
  insertHardBreak,
  key('Enter'),
  key('Mod-Enter'),
];
const tableCommands: Command[] = [
  addTableRowBefore,
  addTableRowAfter,
  addTableColumnBefore,
  addTableColumnAfter,
  deleteTableRow,
  deleteTableColumn,
  splitTableCell,
  toggleTableHeaderRow,
  toggleTableHeaderColumn,
  key('Tab'),
];

type Edit = (gen: prng.PRNG, replica: Replica) => boolean;

/** The edits users make, with how often they make them. */
const edits: [name: string, weight: number, edit: Edit][] = [
  ['type', 24, (gen, r) => selectCursor(gen, r) && r.run(typeText(r))],
  ['type over a selection', 4, (gen, r) => selectRange(gen, r) && r.run(typeText(r))],
  ['delete a range', 8, (gen, r) => selectRange(gen, r) && r.run(key('Backspace'))],
  ['backspace at a block start', 6, (gen, r) => selectCursor(gen, r, 'start') && r.run(key('Backspace'))],
  ['delete at a block end', 4, (gen, r) => selectCursor(gen, r, 'end') && r.run(key('Delete'))],
  ['enter', 6, (gen, r) => selectCursor(gen, r) && r.run(key('Enter'))],
  ['mark', 8, (gen, r) => selectRange(gen, r) && r.run(prng.oneOf(gen, markCommands))],
  ['block type', 6, (gen, r) => selectRange(gen, r) && r.run(prng.oneOf(gen, blockCommands))],
  ['list', 9, (gen, r) => selectRange(gen, r) && r.run(prng.oneOf(gen, listCommands))],
  ['quote or code', 4, (gen, r) => selectRange(gen, r) && r.run(prng.oneOf(gen, quoteAndCode))],
  ['insert', 5, (gen, r) => selectCursor(gen, r) && r.run(prng.oneOf(gen, inserts))],
  [
    'insert a table',
    4,
    (gen, r) =>
      selectCursor(gen, r, 'any', false) &&
      r.run(insertTable(prng.int32(gen, 1, 3), prng.int32(gen, 1, 3), prng.bool(gen))),
  ],
  ['edit a table', 9, (gen, r) => selectCursor(gen, r, 'any', true) && r.run(prng.oneOf(gen, tableCommands))],
  ['merge cells', 5, (gen, r) => selectCells(gen, r) && r.run(mergeTableCells)],
  ['delete a table', 1, (gen, r) => selectCursor(gen, r, 'any', true) && r.run(deleteTable)],
];
const totalWeight = edits.reduce((sum, [, weight]) => sum + weight, 0);

/** Runs one random edit on a replica; returns its name when it changed the document. */
function editRandomly(gen: prng.PRNG, replica: Replica): string | null {
  let roll = prng.int32(gen, 0, totalWeight - 1);
  for (const [name, weight, edit] of edits) {
    roll -= weight;
    if (roll < 0) return edit(gen, replica) ? name : null;
  }
  return null;
}

const INITIAL = [
  '<h1>Protokoll</h1>',
  '<p>first paragraph</p><p>second <b>bold</b> paragraph</p>',
  '<ul><li><p>apple</p></li><li><p>pear</p><ul><li><p>nested</p></li></ul></li></ul>',
  '<ol><li><p>one</p></li><li><p>two</p></li></ol>',
  '<ul data-type="task_list"><li data-type="task_item" data-checked="true"><p>done</p></li><li data-type="task_item"><p>open</p></li></ul>',
  '<table><tr><th><p>h1</p></th><th><p>h2</p></th></tr><tr><td><p>c1</p></td><td><p>c2</p></td></tr></table>',
  '<blockquote><p>quoted</p><p>text</p></blockquote>',
  '<pre><code>let x = 1;</code></pre>',
  '<p>last</p>',
].join('');

/** Edits that every seed's run makes at least once, so a broken selection helper cannot hollow the test out. */
const EVERY_RUN = ['type', 'delete a range', 'enter', 'mark', 'block type', 'list', 'insert', 'insert a table', 'edit a table'];

describe('concurrent editing through y-prosemirror', () => {
  const appliedInAllRuns = new Map<string, number>();

  for (const seed of SEEDS) {
    it(`converges without dropping content: ${REPLICAS} replicas, random edits, delays, partitions (seed ${seed})`, () => {
      const gen = prng.create(seed);
      const problems: string[] = [];
      let step = -1;
      const replicas = Array.from(
        { length: REPLICAS },
        (_, id) => new Replica(id, (problem) => problems.length < 20 && problems.push(`seed ${seed}, step ${step}: ${problem}`)),
      );
      const network = new Network(replicas, gen);
      // The content is seeded into the Y.Doc once, by one user; the others load it.
      const first = replicas[0]!;
      first.run((state, dispatch) => {
        // A heading node as older versions wrote it, which the block commands convert.
        const legacy = schema.node('heading', { level: 2 }, [schema.text('old heading')]);
        dispatch?.(state.tr.replaceWith(0, state.doc.content.size, htmlToDoc(INITIAL).content.addToEnd(legacy)));
        return true;
      });
      network.settle();

      const applied = new Map<string, number>();
      for (step = 0; step < STEPS; step++) {
        const roll = prng.int32(gen, 0, 99);
        if (roll < 50) {
          const name = editRandomly(gen, prng.oneOf(gen, replicas));
          if (name) applied.set(name, (applied.get(name) ?? 0) + 1);
        } else if (roll < 88) {
          for (let count = prng.int32(gen, 1, 4); count > 0; count--) network.deliverOne();
        } else if (roll < 92) {
          network.disconnect(prng.oneOf(gen, replicas));
        } else if (roll < 96) {
          const offline = replicas.filter((replica) => !replica.online);
          if (offline.length > 0) network.reconnect(prng.oneOf(gen, offline));
        } else {
          const [a, b] = [prng.oneOf(gen, replicas), prng.oneOf(gen, replicas)];
          if (a !== b) {
            if (prng.bool(gen)) network.cutLink(a, b);
            else network.healLink(a, b);
          }
        }
      }
      network.settle();

      expect(problems).toEqual([]);
      for (const name of EVERY_RUN) expect(applied.get(name) ?? 0, `${name} never changed the document`).toBeGreaterThan(0);
      for (const [name, count] of applied) appliedInAllRuns.set(name, (appliedInAllRuns.get(name) ?? 0) + count);

      const stateVector = Y.encodeStateVector(first.ydoc);
      const snapshot = Y.encodeSnapshot(Y.snapshot(first.ydoc));
      const xml = first.fragment.toString();
      for (const replica of replicas) {
        expect(Y.encodeStateVector(replica.ydoc)).toEqual(stateVector);
        expect(Y.encodeSnapshot(Y.snapshot(replica.ydoc))).toEqual(snapshot);
        expect(replica.fragment.toString()).toBe(xml);
        expect(replica.state.doc.toJSON()).toEqual(first.state.doc.toJSON());
        expect(checkError(replica.state.doc)).toBeNull();
        // Everything in the Y XML reached the editor, and reading it afresh gives the same document.
        expect(pmShape(replica.state.doc)).toBe(shown(yShape(replica.fragment)));
        const reread = yXmlFragmentToProseMirrorRootNode(replica.fragment, schema);
        if (reread.childCount > 0) expect(reread.eq(replica.state.doc)).toBe(true);
      }
    });
  }

  it('makes every kind of edit across the seeds', () => {
    for (const [name] of edits) expect(appliedInAllRuns.get(name) ?? 0, `${name} never changed the document`).toBeGreaterThan(0);
  });
});
