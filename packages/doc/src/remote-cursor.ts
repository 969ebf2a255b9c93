import type { DecorationAttrs } from 'prosemirror-view';
import { displayColor, displayName } from './remote-user.js';
import type { RemoteUser } from './remote-user.js';

/** The cursor and selection builders for y-prosemirror's `yCursorPlugin`. */
export interface RemoteCursorBuilders {
  readonly cursorBuilder: (user: RemoteUser, clientId: number) => HTMLElement;
  readonly selectionBuilder: (user: RemoteUser, clientId: number) => DecorationAttrs;
}

/**
 * Builds the carets of remote users with their names above them, and the
 * highlights of their selections, for y-prosemirror's `yCursorPlugin`. Same
 * structure and class names as y-prosemirror's default
 * (`span.ProseMirror-yjs-cursor > div`), but names and colours are
 * validated, a user without a name is called `anonymous()` (in the page's
 * language), and the caret is hidden from assistive technology, which would
 * otherwise read other people's names in the middle of the text.
 */
export function remoteCursorBuilders(anonymous: () => string): RemoteCursorBuilders {
  return {
    cursorBuilder(user, clientId) {
      const name = displayName(user, `${anonymous()} ${clientId % 1000}`);
      const color = displayColor(user, name);
      const cursor = document.createElement('span');
      cursor.className = 'ProseMirror-yjs-cursor';
      cursor.setAttribute('aria-hidden', 'true');
      cursor.style.borderColor = color;
      const label = document.createElement('div');
      label.style.backgroundColor = color;
      label.textContent = name;
      // Word joiners keep the caret from wrapping away from the text around it.
      cursor.append('\u2060', label, '\u2060');
      return cursor;
    },
    selectionBuilder(user, clientId) {
      const name = displayName(user, `${anonymous()} ${clientId % 1000}`);
      return {
        class: 'ProseMirror-yjs-selection',
        style: `background-color: ${displayColor(user, name)}33`,
      };
    },
  };
}
