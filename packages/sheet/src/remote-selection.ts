import { presenceColor } from '@allmende/ui';

/** What this element publishes in awareness under `sheet`: positions by row and column ids, never indexes. */
export interface SheetPresence {
  readonly sheet: string;
  readonly active: { readonly r: string; readonly c: string };
  readonly anchor: { readonly r: string; readonly c: string };
  readonly focus: { readonly r: string; readonly c: string };
}

/** A remote user's selection as read from their (untrusted) awareness state. */
export interface RemoteSelection extends SheetPresence {
  readonly clientId: number;
  readonly name: string;
  readonly color: string;
}

const HEX = /^#[0-9a-fA-F]{6}$/;
const ID = /^[A-Za-z0-9_.:-]{1,64}$/;

function idPair(v: unknown): { r: string; c: string } | null {
  if (typeof v !== 'object' || v === null) return null;
  const { r, c } = v as { r?: unknown; c?: unknown };
  return typeof r === 'string' && typeof c === 'string' && ID.test(r) && ID.test(c) ? { r, c } : null;
}

/**
 * Reads another client's awareness state: null unless it carries a
 * well-formed `sheet` field. Names are cut to 64 characters and colours that
 * are not `#rrggbb` replaced, since they end up in the page.
 */
export function readRemoteSelection(clientId: number, state: unknown, anonymous: string): RemoteSelection | null {
  if (typeof state !== 'object' || state === null) return null;
  const s = (state as { sheet?: unknown }).sheet;
  if (typeof s !== 'object' || s === null) return null;
  const raw = s as { sheet?: unknown; active?: unknown; anchor?: unknown; focus?: unknown };
  const active = idPair(raw.active);
  const anchor = idPair(raw.anchor) ?? active;
  const focus = idPair(raw.focus) ?? active;
  if (typeof raw.sheet !== 'string' || !ID.test(raw.sheet) || !active || !anchor || !focus) return null;
  const user = (state as { user?: unknown }).user;
  const u = typeof user === 'object' && user !== null ? (user as { name?: unknown; color?: unknown }) : {};
  const name = typeof u.name === 'string' && u.name.trim() ? u.name.trim().slice(0, 64) : anonymous;
  const color = typeof u.color === 'string' && HEX.test(u.color) ? u.color : presenceColor(name);
  return { clientId, sheet: raw.sheet, active, anchor, focus, name, color };
}
