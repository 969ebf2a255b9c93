import * as Y from 'yjs';
import { connectClient, type YjsClient } from './yjs-client.js';

const COLORS = ['#b91c1c', '#047857', '#7c3aed', '#b45309'];
const TEXT = ' and the council approved the revised budget for the district library after a long review of the draft';

/**
 * Other users typing into the document while the benchmark types: each a y-websocket client in
 * Node that appends characters to the end of its own paragraph (the paragraph's `Y.XmlText`, as
 * y-prosemirror writes typed text), one character per edit at a human rate, and publishes its
 * cursor in presence the way y-prosemirror's cursor plugin does, so the editor draws it.
 */
export class RemoteTypists {
  readonly #clients: YjsClient[] = [];
  readonly #timers: NodeJS.Timeout[] = [];
  #edits = 0;
  #running = false;

  private constructor(readonly paragraphIndexes: readonly number[], readonly intervalMs: readonly [number, number]) {}

  /** Connects one client per paragraph index and waits until all have synced. */
  static async connect(relayUrl: string, document: string, paragraphIndexes: readonly number[], intervalMs: [number, number] = [100, 200]): Promise<RemoteTypists> {
    const typists = new RemoteTypists(paragraphIndexes, intervalMs);
    for (const [n] of paragraphIndexes.entries()) {
      const client = await connectClient(relayUrl, document);
      client.provider.awareness.setLocalStateField('user', { name: `Typist ${n + 1}`, color: COLORS[n % COLORS.length] });
      typists.#clients.push(client);
    }
    return typists;
  }

  /** Edits made so far, by all typists together. */
  get edits(): number {
    return this.#edits;
  }

  /** Starts typing: each typist waits a random 100–200 ms (5–10 edits a second) between characters. */
  start(): void {
    this.#running = true;
    this.#clients.forEach((client, n) => {
      const text = this.#paragraphText(client, this.paragraphIndexes[n]!);
      let offset = n * 7;
      const step = (): void => {
        if (!this.#running) return;
        const char = TEXT[offset++ % TEXT.length]!;
        text.insert(text.length, char);
        const cursor = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
        client.provider.awareness.setLocalStateField('cursor', { anchor: cursor, head: cursor });
        this.#edits++;
        const [min, max] = this.intervalMs;
        this.#timers[n] = setTimeout(step, min + Math.random() * (max - min));
      };
      this.#timers[n] = setTimeout(step, Math.random() * this.intervalMs[1]);
    });
  }

  /** The plain text of each typist's paragraph as that typist sees it. */
  paragraphTexts(): string[] {
    return this.#clients.map((client, n) => {
      const paragraph = client.doc.getXmlFragment('content').get(this.paragraphIndexes[n]!) as Y.XmlElement;
      return paragraph.toArray().map((child) => (child instanceof Y.XmlText ? child.toDelta().map((op: { insert: unknown }) => op.insert).join('') : '')).join('');
    });
  }

  /** Stops typing; the clients stay connected. */
  stop(): void {
    this.#running = false;
    for (const timer of this.#timers) clearTimeout(timer);
  }

  /** Stops typing and disconnects every client. */
  destroy(): void {
    this.stop();
    for (const client of this.#clients) client.destroy();
  }

  #paragraphText(client: YjsClient, index: number): Y.XmlText {
    const paragraph = client.doc.getXmlFragment('content').get(index);
    if (!(paragraph instanceof Y.XmlElement) || paragraph.nodeName !== 'paragraph') {
      throw new Error(`block ${index} of the seeded document is not a paragraph`);
    }
    const text = paragraph.toArray().reverse().find((child) => child instanceof Y.XmlText);
    if (!(text instanceof Y.XmlText)) throw new Error(`paragraph ${index} holds no text`);
    return text;
  }
}
