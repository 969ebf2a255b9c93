// Bench page for the floor: a bare `contenteditable` with a heading and three short paragraphs, no
// ProseMirror, no script on input. Typing into it measures what the browser's own editing and frame
// cadence cost on this machine with the same keystroke timing as the editors (bench-api.ts).
// `?relay=…&document=…`: also joins the document on the relay with a stock y-websocket client and
// applies every update and presence change others send to a Y.Doc (nothing of it is rendered), so a
// typing phase can run while the remote typists' traffic arrives. The editable shows after the sync.
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { TARGET_MARKER } from '../../shared.js';
import { installBenchApiFor, type BenchEditable } from './bench-api.js';

const WORDS = 'the committee reviewed the draft budget and agreed to publish the minutes of the meeting before the end of the week';

function paragraph(text: string): HTMLParagraphElement {
  const element = document.createElement('p');
  element.textContent = text;
  return element;
}

const root = document.querySelector<HTMLElement>('#editor')!;
const heading = document.createElement('h1');
heading.textContent = 'Floor: a bare contenteditable';
root.append(heading, paragraph(WORDS), paragraph(`${TARGET_MARKER} ${WORDS}`), paragraph(WORDS));

const editable: BenchEditable = {
  root,
  contentShown: () => !root.hidden,
  target() {
    const found = [...root.querySelectorAll('p')].find((p) => p.textContent?.startsWith(TARGET_MARKER));
    if (!found) throw new Error('the target paragraph is not in the editable');
    return found;
  },
  placeCaret() {
    const text = editable.target().lastChild!;
    const selection = getSelection()!;
    root.focus();
    selection.collapse(text, text.textContent!.length);
    editable.target().scrollIntoView({ block: 'center' });
  },
  paragraphText(prefix) {
    return [...root.querySelectorAll('p')].find((p) => p.textContent?.startsWith(prefix))?.textContent ?? null;
  },
};
installBenchApiFor(() => editable);

const params = new URLSearchParams(location.search);
const relay = params.get('relay');
const name = params.get('document');
if (relay && name) {
  const provider = new WebsocketProvider(relay, name, new Y.Doc(), { disableBc: true });
  provider.awareness.setLocalStateField('user', { name: 'Floor bench user', color: '#555555' });
  const onSync = (synced: boolean): void => {
    if (!synced) return;
    provider.off('sync', onSync);
    root.hidden = false;
  };
  provider.on('sync', onSync);
} else {
  root.hidden = false;
}
