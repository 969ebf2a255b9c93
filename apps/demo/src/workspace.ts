import * as Y from 'yjs';
import { checkTitle } from './file-title.js';
import { WorkspaceError } from './workspace-error.js';

/** The kinds of file a workspace holds, each opened by its own element. */
export type FileKind = 'doc' | 'sheet' | 'calendar';

/** Every kind, in the order the start page offers them. */
export const FILE_KINDS: readonly FileKind[] = ['doc', 'sheet', 'calendar'];

/** The relay document that holds the workspace with this id. */
export function workspaceDocumentName(workspaceId: string): string {
  return `workspace/${workspaceId}`;
}

/** The workspace every visitor of the demo shares. */
export const DEFAULT_WORKSPACE = 'default';

/** One file as the start page lists it. */
export interface FileEntry {
  /** The file's relay document name; never changes, so renaming never moves content. */
  readonly id: string;
  readonly kind: FileKind;
  /** The display name. */
  readonly title: string;
  /** When it was created, in ms since the epoch. */
  readonly created: number;
  /** When its content or title last changed, in ms since the epoch. */
  readonly modified: number;
  /** The display name of whoever changed it last. */
  readonly modifiedBy: string;
  /** For a sample file: the language of its sample content (see `sample-files.ts`). */
  readonly seed?: 'en' | 'de';
}

/** What {@link Workspace.create} needs. */
export interface NewFile {
  readonly kind: FileKind;
  readonly title: string;
  /** The display name of the creator. */
  readonly by: string;
  /** A fixed id (for files every client must agree on, such as the samples); random by default. */
  readonly id?: string;
  /** The time to record; now by default. */
  readonly now?: number;
  /** For a sample file: the language of its sample content. */
  readonly seed?: 'en' | 'de';
}

const FILES = 'files';
const ID_PATTERN = /^[a-z][a-z0-9-]{0,63}$/;

/**
 * The list of files of a workspace, kept in a Y.Doc so that it syncs through
 * the relay like any document. `Y.Map('files')` maps a file id to a `Y.Map`
 * of its fields (`kind`, `title`, `created`, `modified`, `modifiedBy`,
 * `deleted`), merged field by field: a rename and a content change made at
 * the same time both survive, and two renames converge on one title.
 *
 * Deleting leaves a tombstone (`deleted` set to the time) instead of removing
 * the entry: a rename racing a delete cannot bring the file back, a
 * deterministic id such as the welcome document's is never handed out again
 * (so the samples are not re-created after someone deleted them), and the
 * content, which stays on the relay, could be restored.
 */
export class Workspace {
  readonly doc: Y.Doc;
  readonly #files: Y.Map<Y.Map<unknown>>;

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.#files = doc.getMap(FILES);
  }

  /** The files that are not deleted, in no particular order. */
  list(): FileEntry[] {
    const entries: FileEntry[] = [];
    for (const [id, map] of this.#files) {
      const entry = readEntry(id, map);
      if (entry && map.get('deleted') === undefined) entries.push(entry);
    }
    return entries;
  }

  /** The file with `id`, or null when there is none or it was deleted. */
  get(id: string): FileEntry | null {
    const map = this.#files.get(id);
    return map && map.get('deleted') === undefined ? readEntry(id, map) : null;
  }

  /** Whether the workspace has never held a file (deleted ones count), so the samples may be created. */
  get isPristine(): boolean {
    return this.#files.size === 0;
  }

  /**
   * Adds a file and returns it. Throws a `WorkspaceError` for a bad title or
   * kind, and for an id that is taken (also by a deleted file).
   */
  create(file: NewFile): FileEntry {
    const title = checkTitle(file.title);
    if (!(['doc', 'sheet', 'calendar'] as const).includes(file.kind)) {
      throw new WorkspaceError('bad-kind', `A file is a doc, a sheet or a calendar, not ${JSON.stringify(file.kind)}.`);
    }
    const id = file.id ?? newFileId(file.kind);
    if (!ID_PATTERN.test(id)) throw new WorkspaceError('unknown-file', `A file id is lower-case letters, digits and "-", not ${JSON.stringify(id)}.`);
    if (this.#files.has(id)) throw new WorkspaceError('file-exists', `There is already a file with the id "${id}".`);
    const now = file.now ?? Date.now();
    const map = new Y.Map<unknown>();
    this.doc.transact(() => {
      this.#files.set(id, map);
      map.set('kind', file.kind);
      map.set('title', title);
      map.set('created', now);
      map.set('modified', now);
      map.set('modifiedBy', file.by);
      if (file.seed) map.set('seed', file.seed);
    });
    return readEntry(id, map)!;
  }

  /** Gives a file a new title. Throws a `WorkspaceError` for a bad title, or a file that is gone. */
  rename(id: string, title: string, by: string, now = Date.now()): FileEntry {
    const checked = checkTitle(title);
    const map = this.#live(id);
    this.doc.transact(() => {
      map.set('title', checked);
      map.set('modified', now);
      map.set('modifiedBy', by);
    });
    return readEntry(id, map)!;
  }

  /** Deletes a file (a tombstone; see the class comment). Throws a `WorkspaceError` for a file that is gone. */
  remove(id: string, by: string, now = Date.now()): void {
    const map = this.#live(id);
    this.doc.transact(() => {
      map.set('deleted', now);
      map.set('deletedBy', by);
    });
  }

  /**
   * Records that `by` changed a file's content at `now`. Returns false, and
   * changes nothing, for a file that is not in the workspace or was deleted
   * (a file opened by a link from elsewhere), or when a later change is
   * already recorded.
   */
  touch(id: string, by: string, now = Date.now()): boolean {
    const map = this.#files.get(id);
    if (!map || map.get('deleted') !== undefined) return false;
    const modified = map.get('modified');
    if (typeof modified === 'number' && modified >= now) return false;
    this.doc.transact(() => {
      map.set('modified', now);
      map.set('modifiedBy', by);
    });
    return true;
  }

  /** Calls `listener` after every change to the list, local or remote; returns a function that stops it. */
  observe(listener: () => void): () => void {
    const handler = (): void => listener();
    this.#files.observeDeep(handler);
    return () => this.#files.unobserveDeep(handler);
  }

  #live(id: string): Y.Map<unknown> {
    const map = this.#files.get(id);
    if (!map) throw new WorkspaceError('unknown-file', `There is no file "${id}" in this workspace.`);
    if (map.get('deleted') !== undefined) throw new WorkspaceError('deleted-file', `The file "${id}" was deleted.`);
    return map;
  }
}

/** A new random file id such as `doc-4k7q1x9m2b`: valid as a relay document name, and unguessable enough for a demo. */
export function newFileId(kind: FileKind): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let suffix = '';
  for (const byte of bytes) suffix += (byte % 36).toString(36);
  return `${kind}-${suffix}`;
}

/** Reads an entry; null for one whose fields another client wrote badly (it is skipped, not shown broken). */
function readEntry(id: string, map: Y.Map<unknown>): FileEntry | null {
  const kind = map.get('kind');
  const title = map.get('title');
  const created = map.get('created');
  const modified = map.get('modified');
  const modifiedBy = map.get('modifiedBy');
  const seed = map.get('seed');
  if (kind !== 'doc' && kind !== 'sheet' && kind !== 'calendar') return null;
  if (typeof title !== 'string' || typeof created !== 'number') return null;
  return {
    id,
    kind,
    title,
    created,
    modified: typeof modified === 'number' ? modified : created,
    modifiedBy: typeof modifiedBy === 'string' ? modifiedBy : '',
    ...(seed === 'en' || seed === 'de' ? { seed } : {}),
  };
}
