import * as prng from 'lib0/prng';
import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { Slice } from 'prosemirror-model';
import type { Node as ProseMirrorNode } from 'prosemirror-model';
import { EditorState, TextSelection } from 'prosemirror-state';
import type { Command, Transaction } from 'prosemirror-state';
import { describe, expect, it } from 'vitest';
import { initProseMirrorDoc, updateYFragment, ySyncPluginKey } from 'y-prosemirror';
import * as Y from 'yjs';
import { htmlToDoc } from '../sanitize-html.js';
import { schema } from '../schema.js';
import { CommentThreads } from './comment-threads.js';
import { setSuggestMode, suggestBackspace, suggestModePlugin } from './suggest-mode.js';
import { acceptAllSuggestions, acceptSuggestion, listSuggestions, rejectAllSuggestions, rejectSuggestion } from './suggestions.js';

// The seeded convergence test of convergence.test.ts, for the review
// workflow: replicas edit one document through y-prosemirror (local states
// written with updateYFragment, remote changes read back as ySyncPlugin
// does), some in suggest mode, while they add comments, reply, resolve, and
// accept and reject each other's suggestions. Updates are delivered in
// random order, replicas go offline and come back. At the end every replica
// must hold the same document and, for every comment, either the same text
// range or the same orphaned state; no comment is ever lost. A comment made
// on a whole typed word must still cover that word if the word survived.

const SEEDS = [1, 5, 17, 42, 2026];
const REPLICAS = 4;
const STEPS = 350;
const REMOTE = Symbol('remote');

type BindingMeta = Parameters<typeof updateYFragment>[3];

class Replica {
  readonly ydoc = new Y.Doc();
  readonly fragment: Y.XmlFragment;
  readonly comments: CommentThreads;
  state: EditorState;
  online = true;
  typed = 0;
  private ids = 0;
  private meta: BindingMeta = { mapping: new Map(), isOMark: new Map() };
  private remoteChange = false;

  constructor(readonly id: number) {
    this.ydoc.clientID = id + 1;
    this.fragment = this.ydoc.getXmlFragment('content');
    const user = { id: `u${id}`, name: `User ${id}`, color: `#00000${id}` };
    this.comments = new CommentThreads(this.ydoc, { user, schema, now: () => 0, newId: () => `c${id}-${++this.ids}` });
    this.state = EditorState.create({
      schema,
      plugins: [suggestModePlugin({ user: () => user, now: () => 0, newId: () => `s${id}-${++this.ids}` })],
    });
    this.fragment.observeDeep((_events, transaction) => {
      if (transaction.origin === REMOTE) this.remoteChange = true;
    });
  }

  run(command: Command): boolean {
    const dispatched: Transaction[] = [];
    command(this.state, (tr) => dispatched.push(tr));
    for (const tr of dispatched) {
      this.state = this.state.apply(tr);
      this.ydoc.transact(() => updateYFragment(this.ydoc, this.fragment, this.state.doc, this.meta), ySyncPluginKey);
    }
    return dispatched.some((tr) => tr.docChanged);
  }

  select(from: number, to = from): void {
    this.state = this.state.apply(this.state.tr.setSelection(TextSelection.between(this.state.doc.resolve(from), this.state.doc.resolve(to))));
  }

  receive(update: Uint8Array): void {
    Y.applyUpdate(this.ydoc, update, REMOTE);
    if (!this.remoteChange) return;
    this.remoteChange = false;
    const { doc, meta } = initProseMirrorDoc(this.fragment, schema);
    const tr = this.state.tr
      .replace(0, this.state.doc.content.size, new Slice(doc.content, 0, 0))
      .setMeta(ySyncPluginKey, { isChangeOrigin: true })
      .setMeta('addToHistory', false);
    this.state = this.state.apply(tr);
    this.meta = meta;
  }
}

class Network {
  private readonly queues: Uint8Array[][][];

  constructor(
    private readonly replicas: Replica[],
    private readonly gen: prng.PRNG,
  ) {
    this.queues = replicas.map(() => replicas.map(() => []));
    for (const from of replicas) {
      from.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === REMOTE) return;
        for (const to of replicas) if (to !== from && from.online && to.online) this.queues[from.id]![to.id]!.push(update);
      });
    }
  }

  deliverOne(): void {
    const links = this.replicas.flatMap((from) => this.replicas.filter((to) => this.queues[from.id]![to.id]!.length > 0).map((to) => [from, to] as const));
    if (links.length === 0) return;
    const [from, to] = prng.oneOf(this.gen, links);
    const queue = this.queues[from.id]![to.id]!;
    const [update] = queue.splice(prng.int32(this.gen, 0, queue.length - 1), 1);
    to.receive(update!);
  }

  setOnline(replica: Replica, online: boolean): void {
    replica.online = online;
    for (const other of this.replicas) {
      this.queues[replica.id]![other.id]!.length = 0;
      this.queues[other.id]![replica.id]!.length = 0;
      if (online && other !== replica && other.online) this.sync(replica, other);
    }
  }

  settle(): void {
    for (const replica of this.replicas) replica.online = true;
    for (let round = 0; round < 5; round++) {
      for (const a of this.replicas) for (const b of this.replicas) if (a.id < b.id) this.sync(a, b);
      while (this.queues.flat().some((queue) => queue.length > 0)) this.deliverOne();
    }
  }

  private sync(a: Replica, b: Replica): void {
    this.queues[a.id]![b.id]!.push(Y.encodeStateAsUpdate(a.ydoc, Y.encodeStateVector(b.ydoc)));
    this.queues[b.id]![a.id]!.push(Y.encodeStateAsUpdate(b.ydoc, Y.encodeStateVector(a.ydoc)));
  }
}

/** Positions inside textblocks, where a cursor can be. */
function textPositions(doc: ProseMirrorNode): number[] {
  const positions: number[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    for (let offset = 0; offset <= node.content.size; offset++) positions.push(pos + 1 + offset);
    return false;
  });
  return positions;
}

/** Where a whole typed word (unique in the run) is, if it is in the document once. */
function wordRange(doc: ProseMirrorNode, word: string): { from: number; to: number } | null {
  const found: { from: number; to: number }[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    for (let index = node.text!.indexOf(word); index >= 0; index = node.text!.indexOf(word, index + 1)) found.push({ from: pos + index, to: pos + index + word.length });
    return false;
  });
  return found.length === 1 ? found[0]! : null;
}

const backspace = chainCommands(suggestBackspace, baseKeymap['Backspace']!);

describe('review workflow under concurrent editing', () => {
  for (const seed of SEEDS) {
    it(`comments keep their text or are orphaned everywhere, suggestions converge (seed ${seed})`, () => {
      const gen = prng.create(seed);
      const replicas = Array.from({ length: REPLICAS }, (_, id) => new Replica(id));
      const network = new Network(replicas, gen);
      replicas[0]!.run((state, dispatch) => {
        dispatch?.(state.tr.replaceWith(0, state.doc.content.size, htmlToDoc('<p>Alpha beta gamma</p><ul><li><p>delta epsilon</p></li></ul><p>zeta eta theta</p>').content));
        return true;
      });
      network.settle();
      const comments = new Set<string>();
      /** Comments made on a whole typed word: thread id → the word. */
      const onWords = new Map<string, string>();
      const words: string[] = [];
      const counts = { comments: 0, accepted: 0, rejected: 0, suggested: 0, formats: 0 };

      for (let step = 0; step < STEPS; step++) {
        const replica = prng.oneOf(gen, replicas);
        const roll = prng.int32(gen, 0, 99);
        const positions = textPositions(replica.state.doc);
        if (roll < 8) {
          replica.run(setSuggestMode(prng.bool(gen)));
        } else if (roll < 30) {
          replica.select(prng.oneOf(gen, positions));
          const word = `w${replica.id}n${++replica.typed}`;
          words.push(word);
          if (replica.run((state, dispatch) => (dispatch?.(state.tr.insertText(`${word} `)), true)) && replica.state.doc.textContent.includes(word)) counts.suggested++;
        } else if (roll < 40) {
          const from = prng.oneOf(gen, positions);
          replica.select(from, Math.max(0, Math.min(replica.state.doc.content.size, from + prng.int32(gen, -8, 8))));
          replica.run(backspace);
        } else if (roll < 44) {
          replica.select(prng.oneOf(gen, positions));
          replica.run(baseKeymap['Enter']!);
        } else if (roll < 54) {
          const word = words.length > 0 && prng.bool(gen) ? prng.oneOf(gen, words.slice(-6)) : null;
          const range = word ? wordRange(replica.state.doc, word) : (() => {
            const from = prng.oneOf(gen, positions);
            return { from, to: from + prng.int32(gen, 1, 12) };
          })();
          if (range && range.to <= replica.state.doc.content.size) {
            try {
              const id = replica.comments.add(range, `comment ${step}`);
              comments.add(id);
              if (word) onWords.set(id, word);
              counts.comments++;
            } catch (error) {
              expect(error).toBeInstanceOf(RangeError);
            }
          }
        } else if (roll < 60) {
          const threads = replica.comments.list();
          if (threads.length > 0) {
            const thread = prng.oneOf(gen, threads);
            if (prng.bool(gen)) replica.comments.reply(thread.id, `reply ${step}`);
            else if (thread.resolved) replica.comments.reopen(thread.id);
            else replica.comments.resolve(thread.id);
          }
        } else if (roll < 68) {
          const suggestions = listSuggestions(replica.state.doc);
          if (suggestions.length > 0) {
            const { id } = prng.oneOf(gen, suggestions);
            const accept = prng.bool(gen);
            replica.run(accept ? acceptSuggestion(id) : rejectSuggestion(id));
            counts[accept ? 'accepted' : 'rejected']++;
          }
        } else if (roll < 70) {
          replica.run(prng.bool(gen) ? acceptAllSuggestions : rejectAllSuggestions);
        } else if (roll < 75) {
          // Bold or italic on or off over a few characters: in suggest mode a format suggestion.
          const from = prng.oneOf(gen, positions);
          replica.select(from, Math.min(replica.state.doc.content.size, from + prng.int32(gen, 1, 10)));
          const type = schema.marks[prng.bool(gen) ? 'bold' : 'italic']!;
          replica.run((state, dispatch) => {
            const { from: start, to: end } = state.selection;
            if (start === end) return false;
            dispatch?.(state.doc.rangeHasMark(start, end, type) ? state.tr.removeMark(start, end, type) : state.tr.addMark(start, end, type.create()));
            return true;
          });
          if (listSuggestions(replica.state.doc).some((suggestion) => suggestion.kind === 'format')) counts.formats++;
        } else if (roll < 90) {
          for (let count = prng.int32(gen, 1, 4); count > 0; count--) network.deliverOne();
        } else {
          network.setOnline(replica, !replica.online);
        }
      }
      network.settle();

      expect(counts.comments).toBeGreaterThan(5);
      expect(counts.accepted + counts.rejected).toBeGreaterThan(3);
      expect(counts.formats).toBeGreaterThan(0);
      const first = replicas[0]!;
      const expected = first.comments.list();
      expect(new Set(expected.map((thread) => thread.id))).toEqual(comments);
      const orphaned = expected.filter((thread) => thread.state === 'orphaned').length;
      expect(orphaned).toBeLessThan(expected.length);
      for (const replica of replicas) {
        expect(replica.fragment.toString()).toBe(first.fragment.toString());
        expect(replica.state.doc.toJSON()).toEqual(first.state.doc.toJSON());
        replica.state.doc.check();
        const threads = replica.comments.list();
        expect(threads.map(({ id, state, from, to, replies }) => ({ id, state, from, to, replies: replies.length }))).toEqual(
          expected.map(({ id, state, from, to, replies }) => ({ id, state, from, to, replies: replies.length })),
        );
        for (const thread of threads) {
          if (thread.state === 'orphaned') continue;
          expect(thread.from).toBeLessThan(thread.to!);
          const word = onWords.get(thread.id);
          if (word && wordRange(replica.state.doc, word)) {
            expect(replica.state.doc.textBetween(thread.from!, thread.to!, '\n')).toContain(word);
          }
        }
      }

      // Whatever is left can be settled by anyone, and everyone ends without suggestions.
      const last = prng.oneOf(gen, replicas);
      last.run(prng.bool(gen) ? acceptAllSuggestions : rejectAllSuggestions);
      network.settle();
      for (const replica of replicas) {
        expect(listSuggestions(replica.state.doc)).toEqual([]);
        expect(replica.state.doc.toJSON()).toEqual(first.state.doc.toJSON());
      }
    });
  }
});
