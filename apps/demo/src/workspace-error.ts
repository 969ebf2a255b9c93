/** What was wrong with a workspace request; the app turns the code into a sentence in the user's language. */
export type WorkspaceErrorCode =
  | 'empty-title'
  | 'title-too-long'
  | 'title-control-characters'
  | 'bad-kind'
  | 'unknown-file'
  | 'deleted-file'
  | 'file-exists';

/** A workspace request that was refused, with a code for translation and an English message. */
export class WorkspaceError extends RangeError {
  readonly code: WorkspaceErrorCode;

  constructor(code: WorkspaceErrorCode, message: string) {
    super(message);
    this.name = 'WorkspaceError';
    this.code = code;
  }
}
