import type { DecorationAttrs } from 'prosemirror-view';
import { presenceColor } from '@allmende/ui';

/** The fields of another user's awareness state that cursors show. */
interface RemoteUser {
  name?: unknown;
  color?: unknown;
}

const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
const MAX_NAME_LENGTH = 64;

/**
 * The name to show for a remote user. Awareness states come from other
 * clients and are untrusted, so only strings are shown, and only as text.
 */
function displayName(user: RemoteUser, clientId: number): string {
  const name = typeof user.name === 'string' ? user.name.trim() : '';
  return name ? name.slice(0, MAX_NAME_LENGTH) : `User ${clientId}`;
}

/**
 * The colour to draw a remote user in. Anything but `#rrggbb` is replaced by
 * a palette colour: the value ends up in a style attribute, and a crafted
 * string there could load remote resources or restyle the page.
 */
function displayColor(user: RemoteUser, clientId: number): string {
  return typeof user.color === 'string' && HEX_COLOR.test(user.color)
    ? user.color
    : presenceColor(displayName(user, clientId));
}

/**
 * Builds the caret of a remote user with their name above it, for
 * y-prosemirror's `yCursorPlugin`. Same structure and class names as
 * y-prosemirror's default (`span.ProseMirror-yjs-cursor > div`), but the
 * colour is validated and the widget is hidden from assistive technology,
 * which would otherwise read other people's names in the middle of the text.
 */
export function buildRemoteCursor(user: RemoteUser, clientId: number): HTMLElement {
  const color = displayColor(user, clientId);
  const cursor = document.createElement('span');
  cursor.className = 'ProseMirror-yjs-cursor';
  cursor.setAttribute('aria-hidden', 'true');
  cursor.style.borderColor = color;
  const label = document.createElement('div');
  label.style.backgroundColor = color;
  label.textContent = displayName(user, clientId);
  // Word joiners keep the caret from wrapping away from the text around it.
  cursor.append('\u2060', label, '\u2060');
  return cursor;
}

/** Builds the highlight of a remote user's selection, for `yCursorPlugin`. */
export function buildRemoteSelection(user: RemoteUser, clientId: number): DecorationAttrs {
  return {
    class: 'ProseMirror-yjs-selection',
    style: `background-color: ${displayColor(user, clientId)}33`,
  };
}
