import { connect } from '@allmende/core';
import type { AppContext } from './app-context.js';
import { EXPORT_FORMATS, exportContent } from './file-transfer.js';
import type { FileEntry } from './workspace.js';

const SYNC_TIMEOUT_MS = 15_000;

/**
 * Exports a file from the start page: opens a session to its document,
 * waits until it has synced with the relay (or, offline, until the local
 * cache is read), writes the format and offers it as a download.
 */
export async function downloadExport(ctx: AppContext, file: FileEntry, formatId: string): Promise<void> {
  const format = EXPORT_FORMATS[file.kind].find((candidate) => candidate.id === formatId);
  if (!format) throw new RangeError(`A ${file.kind} does not export to "${formatId}".`);
  const session = connect({ relay: ctx.relay, document: file.id, user: { name: ctx.name, color: ctx.color } });
  try {
    await Promise.race([
      session.whenSynced,
      new Promise<void>((resolve, reject) => {
        setTimeout(() => (session.status === 'connected' ? resolve() : session.whenLoaded.then(resolve, reject)), SYNC_TIMEOUT_MS);
      }),
    ]);
    const bytes = exportContent(file.kind, session.doc, formatId, file.title, ctx.language);
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: format.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${file.title.replace(/[\\/:*?"<>|]/g, '_')}${format.extension}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } finally {
    session.destroy();
  }
}
