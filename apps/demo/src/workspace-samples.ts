import { SAMPLE_FILES } from './sample-files.js';
import type { Workspace } from './workspace.js';

/**
 * Creates the welcome document, the sample sheet and the sample calendar in
 * a workspace that has never held a file, titled in `language`; does nothing
 * in any other workspace. Call it once the workspace has synced with the
 * relay. Two first visitors doing it at once end with each sample once: the
 * ids are fixed, so their entries merge into one (see `Workspace`), and the
 * content is written when the file is opened, from the entry's `seed`.
 * Returns the number of files created.
 */
export function createSamples(workspace: Workspace, language: 'en' | 'de', by: string, now = Date.now()): number {
  if (!workspace.isPristine) return 0;
  workspace.doc.transact(() => {
    SAMPLE_FILES.forEach((sample, index) => {
      // A second apart, so "last change" lists the welcome document first.
      workspace.create({ id: sample.id, kind: sample.kind, title: sample.title[language], by, seed: language, now: now - index * 1000 });
    });
  });
  return SAMPLE_FILES.length;
}
