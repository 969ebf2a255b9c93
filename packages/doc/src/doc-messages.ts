import { defineMessages, fileErrorReason } from '@allmende/ui';

const plural = (count: number, one: string, other: string): string => (count === 1 ? one : other);

/** The English texts of `<allmende-doc>`; their keys are the message ids. */
const en = {
  // Editor
  documentLabel: 'Document',
  placeholder: 'Start writing…',
  pageBreakLabel: 'Page break',

  // Toolbar
  toolbarLabel: 'Formatting',
  blockType: 'Paragraph style',
  blockMixed: 'Several styles',
  paragraph: 'Normal text',
  heading: (level: number) => `Heading ${level}`,
  codeBlock: 'Code block',
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  strikethrough: 'Strikethrough',
  superscript: 'Superscript',
  subscript: 'Subscript',
  inlineCode: 'Inline code',
  textColor: 'Text colour',
  highlight: 'Highlight colour',
  automaticColor: 'Automatic',
  noHighlight: 'No highlight',
  link: 'Link',
  bulletList: 'Bulleted list',
  orderedList: 'Numbered list',
  taskList: 'Checklist',
  indent: 'Increase indent',
  outdent: 'Decrease indent',
  alignment: 'Alignment',
  alignLeft: 'Align left',
  alignCenter: 'Center',
  alignRight: 'Align right',
  alignJustify: 'Justify',
  blockquote: 'Quote',
  horizontalRule: 'Horizontal line',
  pageBreak: 'Page break',
  insertTable: 'Insert table',
  image: 'Insert image',
  undo: 'Undo',
  redo: 'Redo',
  find: 'Find and replace',

  // Colours
  colorBlack: 'Black',
  colorGray: 'Grey',
  colorRed: 'Red',
  colorOrange: 'Orange',
  colorGreen: 'Green',
  colorTeal: 'Teal',
  colorBlue: 'Blue',
  colorPurple: 'Purple',
  colorPink: 'Pink',
  colorYellow: 'Yellow',
  colorLightGreen: 'Light green',
  colorLightBlue: 'Light blue',
  colorLightPink: 'Light pink',
  colorLightOrange: 'Light orange',
  colorLightGray: 'Light grey',

  // Table menu
  table: 'Table',
  addRowBefore: 'Insert row above',
  addRowAfter: 'Insert row below',
  addColumnBefore: 'Insert column left',
  addColumnAfter: 'Insert column right',
  deleteRow: 'Delete row',
  deleteColumn: 'Delete column',
  mergeCells: 'Merge cells',
  splitCell: 'Split cell',
  headerRow: 'Toggle header row',
  headerColumn: 'Toggle header column',
  deleteTable: 'Delete table',

  // Dialogs
  cancel: 'Cancel',
  close: 'Close',
  insert: 'Insert',
  apply: 'Apply',
  insertLinkTitle: 'Insert link',
  editLinkTitle: 'Edit link',
  linkAddress: 'Address',
  linkHint: 'A web address such as example.org, or an e-mail address.',
  linkInvalid: 'This cannot be linked: only web addresses (http, https) and e-mail addresses are allowed.',
  removeLink: 'Remove link',
  insertTableTitle: 'Insert table',
  tableRows: 'Rows',
  tableColumns: 'Columns',
  tableWithHeader: 'First row is a header row',
  tableSizeInvalid: (max: number) => `Enter a number from 1 to ${max}.`,
  imageTitle: 'Describe the image',
  editImageTitle: 'Image description',
  altText: 'Alternative text',
  altHint: 'Read aloud by screen readers. Leave it empty only for a purely decorative image.',
  imageFileLabel: 'Image file',

  // Images
  imageTooLarge: (name: string, size: string, max: string) =>
    `“${name}” was not inserted: it is ${size}, and images can be at most ${max}. Make the image smaller and try again.`,
  imageUnsupported: (name: string) =>
    `“${name}” was not inserted: only PNG, JPEG, GIF and WebP images are supported.`,
  imageUnreadable: (name: string) => `“${name}” could not be read.`,
  imageNotHere: 'An image cannot be inserted here.',
  pastedImagesRemoved: (count: number, max: string) =>
    `${plural(count, 'One image was', `${count} images were`)} left out of the pasted content: images must be PNG, JPEG, GIF or WebP files of at most ${max}.`,
  dismiss: 'Dismiss',

  // Tasks
  taskDone: 'Done',

  // Find and replace
  findRegion: 'Find and replace',
  findLabel: 'Find',
  replaceLabel: 'Replace with',
  matchCase: 'Match case',
  wholeWord: 'Whole words',
  previousMatch: 'Previous match',
  nextMatch: 'Next match',
  replace: 'Replace',
  replaceAll: 'Replace all',
  closeFind: 'Close find and replace',
  matchPosition: (current: string, total: string) => `${current} of ${total}`,
  matchCount: (count: number, shown: string) => `${shown} ${plural(count, 'match', 'matches')}`,
  noMatches: 'No matches',
  replacedCount: (count: number, shown: string) => `Replaced ${shown} ${plural(count, 'match', 'matches')}.`,

  // Footer
  countsLabel: 'Counts',
  words: (count: number, shown: string) => `${shown} ${plural(count, 'word', 'words')}`,
  characters: (count: number, shown: string) => `${shown} ${plural(count, 'character', 'characters')}`,

  // Presence
  presenceLabel: 'People in this document',
  you: (name: string) => `${name} (you)`,
  anonymous: 'Anonymous',

  // Review: comments and suggestions
  comment: 'Comment',
  addComment: 'Add a comment',
  commentNeedsSelection: 'Select some text to comment on.',
  suggestMode: 'Suggest changes',
  reviewPanel: 'Comments and suggestions',
  showReviewPanel: 'Show comments and suggestions',
  hideReviewPanel: 'Hide comments and suggestions',
  commentsHeading: 'Comments',
  noComments: 'No comments yet. Select text and choose Comment.',
  newCommentLabel: 'Your comment',
  commentPlaceholder: 'Comment or mention someone with @',
  replyPlaceholder: 'Reply or mention someone with @',
  replyLabel: (name: string) => `Reply to ${name}`,
  post: 'Comment',
  postReply: 'Reply',
  save: 'Save',
  edit: 'Edit',
  delete: 'Delete',
  resolve: 'Resolve',
  reopen: 'Reopen',
  stateOpen: 'Open',
  stateResolved: 'Resolved',
  stateOrphaned: 'Text deleted',
  resolvedBy: (name: string) => `Resolved by ${name}`,
  edited: 'edited',
  deletedComment: 'Comment deleted',
  quoteLabel: (text: string) => `On: “${text}”`,
  orphanedHeading: 'Comments on deleted text',
  resolvedHeading: (count: number) => plural(count, 'One resolved comment', `${count} resolved comments`),
  threadLabel: (name: string, state: string) => `Comment by ${name}, ${state}`,
  replies: (count: number) => plural(count, '1 reply', `${count} replies`),
  mentionPeople: 'People to mention',
  commentFailed: (reason: string) => `The comment could not be saved: ${reason}`,
  justNow: 'just now',
  suggestionsHeading: 'Suggestions',
  noSuggestions: 'No suggestions.',
  suggestionInsert: (text: string) => `Add “${text}”`,
  suggestionDelete: (text: string) => `Delete “${text}”`,
  suggestionReplace: (removed: string, added: string) => `Replace “${removed}” with “${added}”`,
  suggestionFormat: (text: string, added: readonly string[], removed: readonly string[]) => {
    const names: Record<string, string> = { bold: 'bold', italic: 'italic', underline: 'underline', strikethrough: 'strikethrough', superscript: 'superscript', subscript: 'subscript', text_color: 'text colour', highlight: 'highlight', code: 'code', link: 'link' };
    const changes = [...added.map((name) => names[name] ?? name), ...removed.map((name) => `not ${names[name] ?? name}`)];
    return `Format “${text}”: ${changes.join(', ') || 'as before'}`;
  },
  accept: 'Accept',
  reject: 'Reject',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  suggestionLabel: (name: string) => `Suggestion by ${name}`,

  // Access and connection
  accessNone: 'No access',
  accessRead: 'Read only',
  accessComment: 'Comments only',
  readOnly: 'Read only',
  connecting: 'Connecting…',
  connected: 'Connected',
  offline: 'Offline – changes are kept on this device',
  notConnected: (reason: string) => `Not connected: ${reason}`,
  noDocumentName: 'no document name is set',
  noRelay: 'no relay is set',
  badSettings: 'the connection settings are not valid',
  closedByRelay: (code: number) => {
    switch (code) {
      case 4400:
        return 'the relay refused this document';
      case 4401:
        return 'you are not signed in, or your sign-in is not valid';
      case 4403:
        return 'you have no access to this document';
      case 4413:
        return 'the document has reached its size limit';
      case 4422:
      case 4429:
      case 4431:
        return 'the relay refused too many changes at once';
      case 4498:
        return 'your sign-in has expired';
      default:
        return `the relay closed the connection (${code})`;
    }
  },

  // Import and export
  fileImport: 'Import',
  fileExport: 'Export',
  formatOdt: 'OpenDocument text (.odt)…',
  formatDocx: 'Word document (.docx)…',
  formatMarkdown: 'Markdown (.md)…',
  formatHtml: 'Web page (.html)…',
  formatPdf: 'PDF (print)…',
  importFileLabel: 'File to import',
  importTitle: (name: string) => `Import “${name}”`,
  importQuestion: 'Replace the whole document with the file’s content, or insert it at the cursor? Everyone in the document sees the change, and Undo takes it back.',
  importReplace: 'Replace document',
  importInsert: 'Insert at cursor',
  importFailed: (name: string, reason: string) => `“${name}” could not be imported: ${reason}`,
  importDone: (name: string) => `“${name}” was imported.`,
  importDoneWithWarnings: (name: string, details: string) => `“${name}” was imported. ${details}`,
  exportFailed: (reason: string) => `The document could not be exported: ${reason}`,
  exportCommentsDropped: (count: number) =>
    count === 1 ? 'This format has no comments: one comment was left out of the file.' : `This format has no comments: ${count} comments were left out of the file.`,
  exportWarning: (code: string, count: number) => {
    switch (code) {
      case 'nested-quotes-merged':
        return count === 1 ? 'A quote inside a quote became part of the outer quote.' : `${count} quotes inside quotes became part of the outer quotes.`;
      case 'quote-blocks-moved':
        return count === 1
          ? 'A heading, list, table or code block inside a quote was placed outside the quote (this format keeps quotes as a paragraph style).'
          : `${count} headings, lists, tables or code blocks inside quotes were placed outside the quotes (this format keeps quotes as a paragraph style).`;
      case 'list-blocks-moved':
        return count === 1
          ? 'A table, code block, quote or heading inside a list item ends the list in this format; the list continues after it.'
          : `${count} tables, code blocks, quotes or headings inside list items end their lists in this format; the lists continue after them.`;
      case 'format-suggestions-applied':
        return count === 1
          ? 'A suggested formatting change was written as if accepted (this format cannot keep the formatting before it; DOCX can).'
          : `${count} suggested formatting changes were written as if accepted (this format cannot keep the formatting before them; DOCX can).`;
      default:
        return count === 1 ? 'One part of the document could not be written as it is.' : `${count} parts of the document could not be written as they are.`;
    }
  },
  exportDoneWithWarnings: (name: string, details: string) => `“${name}” was exported. ${details}`,
  pdfHint: 'To save a PDF, choose “Save as PDF” as the printer in the print dialog.',
  untitled: 'Document',
  /** Why a file could not be read (`FileImportError` codes, `unknown-format`, `unreadable`): the shared reasons of @allmende/ui, and which files this element imports. */
  fileError: (code: string, limit: string) =>
    code === 'unknown-format' ? 'this type of file cannot be imported (use .odt, .docx, .md or .html).' : fileErrorReason('en', code, limit),
  importWarning: (code: string, count: number) => {
    switch (code) {
      case 'comments-dropped':
        return count === 1 ? 'One comment was left out.' : `${count} comments were left out.`;
      case 'deletions-dropped':
        return count === 1 ? 'One tracked deletion was applied.' : `${count} tracked deletions were applied.`;
      case 'insertions-accepted':
        return count === 1 ? 'One tracked insertion was accepted.' : `${count} tracked insertions were accepted.`;
      case 'comment-range-unclosed':
        return count === 1 ? 'One comment had no end; it now covers the rest of its paragraph.' : `${count} comments had no end; each now covers the rest of its paragraph.`;
      case 'format-changes-accepted':
        return count === 1 ? 'One tracked formatting change was accepted.' : `${count} tracked formatting changes were accepted.`;
      case 'tracked-change-missing':
        return count === 1 ? 'One tracked change was missing from the file; its text was kept as ordinary text.' : `${count} tracked changes were missing from the file; their text was kept as ordinary text.`;
      case 'tracked-change-unclosed':
        return count === 1 ? 'One tracked insertion had no end; it now runs to the end of the document.' : `${count} tracked insertions had no end; they now run to the end of the document.`;
      case 'images-dropped':
        return count === 1 ? 'One image was left out (unsupported type or too large).' : `${count} images were left out (unsupported type or too large).`;
      default:
        return count === 1 ? 'One unknown element was imported as plain text.' : `${count} unknown elements were imported as plain text.`;
    }
  },
};

/** The German texts of `<allmende-doc>`. */
const de: { [K in keyof typeof en]: (typeof en)[K] } = {
  documentLabel: 'Dokument',
  placeholder: 'Schreiben Sie los…',
  pageBreakLabel: 'Seitenumbruch',

  toolbarLabel: 'Formatierung',
  blockType: 'Absatzformat',
  blockMixed: 'Mehrere Formate',
  paragraph: 'Standardtext',
  heading: (level) => `Überschrift ${level}`,
  codeBlock: 'Codeblock',
  bold: 'Fett',
  italic: 'Kursiv',
  underline: 'Unterstrichen',
  strikethrough: 'Durchgestrichen',
  superscript: 'Hochgestellt',
  subscript: 'Tiefgestellt',
  inlineCode: 'Code im Text',
  textColor: 'Schriftfarbe',
  highlight: 'Hervorhebungsfarbe',
  automaticColor: 'Automatisch',
  noHighlight: 'Keine Hervorhebung',
  link: 'Link',
  bulletList: 'Aufzählung',
  orderedList: 'Nummerierung',
  taskList: 'Checkliste',
  indent: 'Einzug vergrößern',
  outdent: 'Einzug verkleinern',
  alignment: 'Ausrichtung',
  alignLeft: 'Linksbündig',
  alignCenter: 'Zentriert',
  alignRight: 'Rechtsbündig',
  alignJustify: 'Blocksatz',
  blockquote: 'Zitat',
  horizontalRule: 'Horizontale Linie',
  pageBreak: 'Seitenumbruch',
  insertTable: 'Tabelle einfügen',
  image: 'Bild einfügen',
  undo: 'Rückgängig',
  redo: 'Wiederholen',
  find: 'Suchen und ersetzen',

  colorBlack: 'Schwarz',
  colorGray: 'Grau',
  colorRed: 'Rot',
  colorOrange: 'Orange',
  colorGreen: 'Grün',
  colorTeal: 'Petrol',
  colorBlue: 'Blau',
  colorPurple: 'Lila',
  colorPink: 'Pink',
  colorYellow: 'Gelb',
  colorLightGreen: 'Hellgrün',
  colorLightBlue: 'Hellblau',
  colorLightPink: 'Rosa',
  colorLightOrange: 'Hellorange',
  colorLightGray: 'Hellgrau',

  table: 'Tabelle',
  addRowBefore: 'Zeile oberhalb einfügen',
  addRowAfter: 'Zeile unterhalb einfügen',
  addColumnBefore: 'Spalte links einfügen',
  addColumnAfter: 'Spalte rechts einfügen',
  deleteRow: 'Zeile löschen',
  deleteColumn: 'Spalte löschen',
  mergeCells: 'Zellen verbinden',
  splitCell: 'Zelle teilen',
  headerRow: 'Überschriftenzeile ein/aus',
  headerColumn: 'Überschriftenspalte ein/aus',
  deleteTable: 'Tabelle löschen',

  cancel: 'Abbrechen',
  close: 'Schließen',
  insert: 'Einfügen',
  apply: 'Übernehmen',
  insertLinkTitle: 'Link einfügen',
  editLinkTitle: 'Link bearbeiten',
  linkAddress: 'Adresse',
  linkHint: 'Eine Webadresse wie example.org oder eine E-Mail-Adresse.',
  linkInvalid: 'Das kann nicht verlinkt werden: Erlaubt sind nur Webadressen (http, https) und E-Mail-Adressen.',
  removeLink: 'Link entfernen',
  insertTableTitle: 'Tabelle einfügen',
  tableRows: 'Zeilen',
  tableColumns: 'Spalten',
  tableWithHeader: 'Erste Zeile ist Überschriftenzeile',
  tableSizeInvalid: (max) => `Geben Sie eine Zahl von 1 bis ${max} ein.`,
  imageTitle: 'Bild beschreiben',
  editImageTitle: 'Bildbeschreibung',
  altText: 'Alternativtext',
  altHint: 'Wird von Screenreadern vorgelesen. Nur bei rein dekorativen Bildern leer lassen.',
  imageFileLabel: 'Bilddatei',

  imageTooLarge: (name, size, max) =>
    `„${name}“ wurde nicht eingefügt: Das Bild ist ${size} groß, erlaubt sind höchstens ${max}. Verkleinern Sie das Bild und versuchen Sie es erneut.`,
  imageUnsupported: (name) =>
    `„${name}“ wurde nicht eingefügt: Unterstützt werden nur Bilder im Format PNG, JPEG, GIF und WebP.`,
  imageUnreadable: (name) => `„${name}“ konnte nicht gelesen werden.`,
  imageNotHere: 'An dieser Stelle kann kein Bild eingefügt werden.',
  pastedImagesRemoved: (count, max) =>
    `${plural(count, 'Ein Bild wurde', `${count} Bilder wurden`)} beim Einfügen weggelassen: Bilder müssen PNG-, JPEG-, GIF- oder WebP-Dateien mit höchstens ${max} sein.`,
  dismiss: 'Schließen',

  taskDone: 'Erledigt',

  findRegion: 'Suchen und ersetzen',
  findLabel: 'Suchen',
  replaceLabel: 'Ersetzen durch',
  matchCase: 'Groß-/Kleinschreibung',
  wholeWord: 'Ganze Wörter',
  previousMatch: 'Vorheriger Treffer',
  nextMatch: 'Nächster Treffer',
  replace: 'Ersetzen',
  replaceAll: 'Alle ersetzen',
  closeFind: 'Suchen und ersetzen schließen',
  matchPosition: (current, total) => `${current} von ${total}`,
  matchCount: (count, shown) => `${shown} ${plural(count, 'Treffer', 'Treffer')}`,
  noMatches: 'Keine Treffer',
  replacedCount: (count, shown) => `${shown} ${plural(count, 'Treffer', 'Treffer')} ersetzt.`,

  countsLabel: 'Zählung',
  words: (count, shown) => `${shown} ${plural(count, 'Wort', 'Wörter')}`,
  characters: (count, shown) => `${shown} ${plural(count, 'Zeichen', 'Zeichen')}`,

  presenceLabel: 'Personen in diesem Dokument',
  you: (name) => `${name} (Sie)`,
  anonymous: 'Anonym',

  // Überarbeiten: Kommentare und Vorschläge
  comment: 'Kommentieren',
  addComment: 'Kommentar hinzufügen',
  commentNeedsSelection: 'Markieren Sie Text, um ihn zu kommentieren.',
  suggestMode: 'Änderungen vorschlagen',
  reviewPanel: 'Kommentare und Vorschläge',
  showReviewPanel: 'Kommentare und Vorschläge anzeigen',
  hideReviewPanel: 'Kommentare und Vorschläge ausblenden',
  commentsHeading: 'Kommentare',
  noComments: 'Noch keine Kommentare. Markieren Sie Text und wählen Sie „Kommentieren“.',
  newCommentLabel: 'Ihr Kommentar',
  commentPlaceholder: 'Kommentieren oder mit @ jemanden erwähnen',
  replyPlaceholder: 'Antworten oder mit @ jemanden erwähnen',
  replyLabel: (name: string) => `${name} antworten`,
  post: 'Kommentieren',
  postReply: 'Antworten',
  save: 'Speichern',
  edit: 'Bearbeiten',
  delete: 'Löschen',
  resolve: 'Erledigt',
  reopen: 'Wieder öffnen',
  stateOpen: 'Offen',
  stateResolved: 'Erledigt',
  stateOrphaned: 'Text gelöscht',
  resolvedBy: (name: string) => `Erledigt von ${name}`,
  edited: 'bearbeitet',
  deletedComment: 'Kommentar gelöscht',
  quoteLabel: (text: string) => `Zu: „${text}“`,
  orphanedHeading: 'Kommentare zu gelöschtem Text',
  resolvedHeading: (count: number) => plural(count, 'Ein erledigter Kommentar', `${count} erledigte Kommentare`),
  threadLabel: (name: string, state: string) => `Kommentar von ${name}, ${state}`,
  replies: (count: number) => plural(count, '1 Antwort', `${count} Antworten`),
  mentionPeople: 'Personen zum Erwähnen',
  commentFailed: (reason: string) => `Der Kommentar konnte nicht gespeichert werden: ${reason}`,
  justNow: 'gerade eben',
  suggestionsHeading: 'Vorschläge',
  noSuggestions: 'Keine Vorschläge.',
  suggestionInsert: (text: string) => `„${text}“ einfügen`,
  suggestionDelete: (text: string) => `„${text}“ löschen`,
  suggestionReplace: (removed: string, added: string) => `„${removed}“ durch „${added}“ ersetzen`,
  suggestionFormat: (text: string, added: readonly string[], removed: readonly string[]) => {
    const names: Record<string, string> = { bold: 'fett', italic: 'kursiv', underline: 'unterstrichen', strikethrough: 'durchgestrichen', superscript: 'hochgestellt', subscript: 'tiefgestellt', text_color: 'Textfarbe', highlight: 'Hervorhebung', code: 'Code', link: 'Link' };
    const changes = [...added.map((name) => names[name] ?? name), ...removed.map((name) => `nicht ${names[name] ?? name}`)];
    return `„${text}“ formatieren: ${changes.join(', ') || 'wie zuvor'}`;
  },
  accept: 'Annehmen',
  reject: 'Ablehnen',
  acceptAll: 'Alle annehmen',
  rejectAll: 'Alle ablehnen',
  suggestionLabel: (name: string) => `Vorschlag von ${name}`,

  accessNone: 'Kein Zugriff',
  accessRead: 'Nur lesen',
  accessComment: 'Nur kommentieren',
  readOnly: 'Nur lesen',
  connecting: 'Verbinde…',
  connected: 'Verbunden',
  offline: 'Offline – Änderungen bleiben auf diesem Gerät',
  notConnected: (reason) => `Nicht verbunden: ${reason}`,
  noDocumentName: 'Es ist kein Dokumentname angegeben',
  noRelay: 'Es ist kein Relay angegeben',
  badSettings: 'Die Verbindungseinstellungen sind ungültig',
  closedByRelay: (code) => {
    switch (code) {
      case 4400:
        return 'Das Relay hat dieses Dokument abgelehnt';
      case 4401:
        return 'Sie sind nicht angemeldet, oder Ihre Anmeldung ist ungültig';
      case 4403:
        return 'Sie haben keinen Zugriff auf dieses Dokument';
      case 4413:
        return 'Das Dokument hat seine Größenbeschränkung erreicht';
      case 4422:
      case 4429:
      case 4431:
        return 'Das Relay hat zu viele Änderungen auf einmal abgelehnt';
      case 4498:
        return 'Ihre Anmeldung ist abgelaufen';
      default:
        return `Das Relay hat die Verbindung beendet (${code})`;
    }
  },

  fileImport: 'Importieren',
  fileExport: 'Exportieren',
  formatOdt: 'OpenDocument-Text (.odt)…',
  formatDocx: 'Word-Dokument (.docx)…',
  formatMarkdown: 'Markdown (.md)…',
  formatHtml: 'Webseite (.html)…',
  formatPdf: 'PDF (drucken)…',
  importFileLabel: 'Zu importierende Datei',
  importTitle: (name) => `„${name}“ importieren`,
  importQuestion: 'Das ganze Dokument durch den Inhalt der Datei ersetzen oder ihn an der Cursorposition einfügen? Alle im Dokument sehen die Änderung, und „Rückgängig“ nimmt sie zurück.',
  importReplace: 'Dokument ersetzen',
  importInsert: 'An der Cursorposition einfügen',
  importFailed: (name, reason) => `„${name}“ konnte nicht importiert werden: ${reason}`,
  importDone: (name) => `„${name}“ wurde importiert.`,
  importDoneWithWarnings: (name, details) => `„${name}“ wurde importiert. ${details}`,
  exportFailed: (reason) => `Das Dokument konnte nicht exportiert werden: ${reason}`,
  exportCommentsDropped: (count) =>
    count === 1 ? 'Dieses Format kennt keine Kommentare: ein Kommentar wurde nicht in die Datei übernommen.' : `Dieses Format kennt keine Kommentare: ${count} Kommentare wurden nicht in die Datei übernommen.`,
  exportWarning: (code, count) => {
    switch (code) {
      case 'nested-quotes-merged':
        return count === 1 ? 'Ein Zitat in einem Zitat wurde Teil des äußeren Zitats.' : `${count} Zitate in Zitaten wurden Teil der äußeren Zitate.`;
      case 'quote-blocks-moved':
        return count === 1
          ? 'Eine Überschrift, Liste, Tabelle oder ein Codeblock in einem Zitat steht nun außerhalb des Zitats (dieses Format kennt Zitate nur als Absatzvorlage).'
          : `${count} Überschriften, Listen, Tabellen oder Codeblöcke in Zitaten stehen nun außerhalb der Zitate (dieses Format kennt Zitate nur als Absatzvorlage).`;
      case 'list-blocks-moved':
        return count === 1
          ? 'Eine Tabelle, ein Codeblock, Zitat oder eine Überschrift in einem Listenpunkt beendet in diesem Format die Liste; sie geht danach weiter.'
          : `${count} Tabellen, Codeblöcke, Zitate oder Überschriften in Listenpunkten beenden in diesem Format ihre Listen; sie gehen danach weiter.`;
      case 'format-suggestions-applied':
        return count === 1
          ? 'Eine vorgeschlagene Formatierung wurde wie angenommen geschrieben (dieses Format kann die Formatierung davor nicht festhalten; DOCX kann es).'
          : `${count} vorgeschlagene Formatierungen wurden wie angenommen geschrieben (dieses Format kann die Formatierung davor nicht festhalten; DOCX kann es).`;
      default:
        return count === 1 ? 'Ein Teil des Dokuments konnte nicht unverändert geschrieben werden.' : `${count} Teile des Dokuments konnten nicht unverändert geschrieben werden.`;
    }
  },
  exportDoneWithWarnings: (name, details) => `„${name}“ wurde exportiert. ${details}`,
  pdfHint: 'Um ein PDF zu speichern, wählen Sie im Druckdialog „Als PDF speichern“ als Drucker.',
  untitled: 'Dokument',
  fileError: (code, limit) =>
    code === 'unknown-format' ? 'Dieser Dateityp kann nicht importiert werden (möglich sind .odt, .docx, .md und .html).' : fileErrorReason('de', code, limit),
  importWarning: (code, count) => {
    switch (code) {
      case 'comments-dropped':
        return count === 1 ? 'Ein Kommentar wurde weggelassen.' : `${count} Kommentare wurden weggelassen.`;
      case 'deletions-dropped':
        return count === 1 ? 'Eine nachverfolgte Löschung wurde übernommen.' : `${count} nachverfolgte Löschungen wurden übernommen.`;
      case 'insertions-accepted':
        return count === 1 ? 'Eine nachverfolgte Einfügung wurde angenommen.' : `${count} nachverfolgte Einfügungen wurden angenommen.`;
      case 'comment-range-unclosed':
        return count === 1 ? 'Ein Kommentar hatte kein Ende; er reicht jetzt bis zum Ende seines Absatzes.' : `${count} Kommentare hatten kein Ende; sie reichen jetzt bis zum Ende ihres Absatzes.`;
      case 'format-changes-accepted':
        return count === 1 ? 'Eine nachverfolgte Formatänderung wurde angenommen.' : `${count} nachverfolgte Formatänderungen wurden angenommen.`;
      case 'tracked-change-missing':
        return count === 1 ? 'Eine Änderung fehlte in der Datei; ihr Text wurde als normaler Text übernommen.' : `${count} Änderungen fehlten in der Datei; ihr Text wurde als normaler Text übernommen.`;
      case 'tracked-change-unclosed':
        return count === 1 ? 'Eine nachverfolgte Einfügung hatte kein Ende; sie reicht jetzt bis zum Dokumentende.' : `${count} nachverfolgte Einfügungen hatten kein Ende; sie reichen jetzt bis zum Dokumentende.`;
      case 'images-dropped':
        return count === 1 ? 'Ein Bild wurde weggelassen (Typ nicht unterstützt oder zu groß).' : `${count} Bilder wurden weggelassen (Typ nicht unterstützt oder zu groß).`;
      default:
        return count === 1 ? 'Ein unbekanntes Element wurde als einfacher Text übernommen.' : `${count} unbekannte Elemente wurden als einfacher Text übernommen.`;
    }
  },
};

/**
 * Every text `<allmende-doc>` shows or announces, in English and German.
 * The German catalog is typed to hold every message, so a message added in
 * English without its translation does not compile.
 */
export const docMessages = defineMessages(en, { de });

/** The translate function of `<allmende-doc>` for one language. */
export type DocTranslate = ReturnType<typeof docMessages.translator>;
