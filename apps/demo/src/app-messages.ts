import { defineMessages } from '@allmende/ui';
import type { Translate } from '@allmende/ui';
import type { WorkspaceErrorCode } from './workspace-error.js';

/** Every text the demo app shows, in English and German. */
export const appMessages = defineMessages(
  {
    skipLink: 'Skip to content',
    brand: 'Allmende',
    startPage: 'Start page',
    breadcrumb: 'Breadcrumb',
    files: 'Files',
    lead: 'Documents, spreadsheets and calendars you edit together. Everything stays on this server.',
    search: 'Search by name',
    sortBy: 'Sort by',
    sortModified: 'Last change',
    sortName: 'Name',
    newDoc: 'New document',
    newSheet: 'New sheet',
    newCalendar: 'New calendar',
    untitledDoc: 'Untitled document',
    untitledSheet: 'Untitled sheet',
    untitledCalendar: 'Untitled calendar',
    kindDoc: 'Document',
    kindSheet: 'Spreadsheet',
    kindCalendar: 'Calendar',
    noFiles: 'No files yet. Create one, or drop a file here.',
    noMatches: (query: string) => `No file matches “${query}”.`,
    fileCount: (count: number) => (count === 1 ? 'One file' : `${count} files`),
    modifiedBy: (when: string, who: string) => (who ? `${when} by ${who}` : when),
    justNow: 'just now',
    rename: 'Rename',
    renameFile: (title: string) => `Rename “${title}”`,
    delete: 'Delete',
    deleteFile: (title: string) => `Delete “${title}”`,
    deleteQuestion: (title: string) => `Delete “${title}”? It disappears from the list for everyone in this workspace.`,
    cancel: 'Cancel',
    save: 'Save',
    title: 'Title',
    actionsFor: (title: string) => `Actions for “${title}”`,
    exportAs: (format: string) => `Export as ${format}`,
    importFile: 'Import a file…',
    importHint: 'or drop an .odt, .docx, .md, .ods, .xlsx, .csv or .ics file anywhere on this page',
    dropHere: 'Drop the file to open it as a new file',
    importing: (name: string) => `Importing “${name}”…`,
    importUnsupported: (name: string) => `“${name}” cannot be opened here: use .odt, .docx, .md, .html, .ods, .xlsx, .csv or .ics.`,
    importFailed: (name: string, detail: string) => `“${name}” could not be imported, nothing was created. ${detail}`,
    importNoEvents: 'The calendar file holds no events.',
    exportFailed: (detail: string) => `The file could not be exported: ${detail}`,
    errorTitle: (code: WorkspaceErrorCode): string => {
      switch (code) {
        case 'empty-title':
          return 'Enter a title.';
        case 'title-too-long':
          return 'A title has at most 120 characters.';
        case 'title-control-characters':
          return 'A title must not contain line breaks, tabs or other control characters.';
        case 'deleted-file':
          return 'This file was deleted meanwhile.';
        case 'unknown-file':
          return 'This file is not in the workspace.';
        case 'file-exists':
          return 'A file with this id exists already.';
        case 'bad-kind':
          return 'Unknown kind of file.';
      }
    },
    yourName: 'Your name',
    yourColor: 'Your colour',
    profile: 'Your name and colour',
    language: 'Language',
    inThisFile: 'In this file',
    you: (name: string) => `${name} (you)`,
    anonymous: 'Anonymous',
    statusOnline: 'Online',
    statusConnecting: 'Connecting…',
    statusReconnecting: 'Reconnecting…',
    statusOffline: 'Offline: your edits are kept and will sync',
    statusError: 'Cannot sync this file',
    share: 'Share',
    shareTitle: (title: string) => `Share “${title}”`,
    shareIntro: 'Anyone with the link can open this file with the access you choose.',
    accessRead: 'Can read',
    accessComment: 'Can comment',
    accessWrite: 'Can edit',
    copyLink: 'Copy link',
    linkCopied: 'Link copied to the clipboard.',
    linkReady: 'Copy the link below:',
    shareLink: 'Sharing link',
    shareFailed: (detail: string) => `No link could be made: ${detail}`,
    close: 'Close',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is nothing at this address.',
    goHome: 'Go to the start page',
    badNameTitle: 'This file name cannot be used',
    badNameText: (name: string, error: string) => `“${name}” is not a valid file name: ${error}.`,
    readOnlyLink: 'You opened this file with a read-only link.',
  },
  {
    de: {
      skipLink: 'Zum Inhalt springen',
      brand: 'Allmende',
      startPage: 'Startseite',
      breadcrumb: 'Brotkrumennavigation',
      files: 'Dateien',
      lead: 'Dokumente, Tabellen und Kalender, die Sie gemeinsam bearbeiten. Alles bleibt auf diesem Server.',
      search: 'Nach Namen suchen',
      sortBy: 'Sortieren nach',
      sortModified: 'Letzte Änderung',
      sortName: 'Name',
      newDoc: 'Neues Dokument',
      newSheet: 'Neue Tabelle',
      newCalendar: 'Neuer Kalender',
      untitledDoc: 'Unbenanntes Dokument',
      untitledSheet: 'Unbenannte Tabelle',
      untitledCalendar: 'Unbenannter Kalender',
      kindDoc: 'Dokument',
      kindSheet: 'Tabelle',
      kindCalendar: 'Kalender',
      noFiles: 'Noch keine Dateien. Legen Sie eine an oder ziehen Sie eine Datei hierher.',
      noMatches: (query) => `Keine Datei passt zu „${query}“.`,
      fileCount: (count) => (count === 1 ? 'Eine Datei' : `${count} Dateien`),
      modifiedBy: (when, who) => (who ? `${when} von ${who}` : when),
      justNow: 'gerade eben',
      rename: 'Umbenennen',
      renameFile: (title) => `„${title}“ umbenennen`,
      delete: 'Löschen',
      deleteFile: (title) => `„${title}“ löschen`,
      deleteQuestion: (title) => `„${title}“ löschen? Die Datei verschwindet für alle in diesem Arbeitsbereich aus der Liste.`,
      cancel: 'Abbrechen',
      save: 'Speichern',
      title: 'Titel',
      actionsFor: (title) => `Aktionen für „${title}“`,
      exportAs: (format) => `Als ${format} exportieren`,
      importFile: 'Datei importieren…',
      importHint: 'oder ziehen Sie eine .odt-, .docx-, .md-, .ods-, .xlsx-, .csv- oder .ics-Datei auf diese Seite',
      dropHere: 'Datei loslassen, um sie als neue Datei zu öffnen',
      importing: (name) => `„${name}“ wird importiert…`,
      importUnsupported: (name) => `„${name}“ kann hier nicht geöffnet werden: Verwenden Sie .odt, .docx, .md, .html, .ods, .xlsx, .csv oder .ics.`,
      importFailed: (name, detail) => `„${name}“ konnte nicht importiert werden, es wurde nichts angelegt. ${detail}`,
      importNoEvents: 'Die Kalenderdatei enthält keine Termine.',
      exportFailed: (detail) => `Die Datei konnte nicht exportiert werden: ${detail}`,
      errorTitle: (code) => {
        switch (code) {
          case 'empty-title':
            return 'Geben Sie einen Titel ein.';
          case 'title-too-long':
            return 'Ein Titel hat höchstens 120 Zeichen.';
          case 'title-control-characters':
            return 'Ein Titel darf keine Zeilenumbrüche, Tabulatoren oder anderen Steuerzeichen enthalten.';
          case 'deleted-file':
            return 'Diese Datei wurde inzwischen gelöscht.';
          case 'unknown-file':
            return 'Diese Datei ist nicht im Arbeitsbereich.';
          case 'file-exists':
            return 'Eine Datei mit dieser Kennung gibt es schon.';
          case 'bad-kind':
            return 'Unbekannte Dateiart.';
        }
      },
      yourName: 'Ihr Name',
      yourColor: 'Ihre Farbe',
      profile: 'Ihr Name und Ihre Farbe',
      language: 'Sprache',
      inThisFile: 'In dieser Datei',
      you: (name) => `${name} (Sie)`,
      anonymous: 'Anonym',
      statusOnline: 'Online',
      statusConnecting: 'Verbinde…',
      statusReconnecting: 'Verbindung wird wiederhergestellt…',
      statusOffline: 'Offline: Ihre Änderungen bleiben erhalten und werden synchronisiert',
      statusError: 'Diese Datei kann nicht synchronisiert werden',
      share: 'Teilen',
      shareTitle: (title) => `„${title}“ teilen`,
      shareIntro: 'Wer den Link hat, kann diese Datei mit dem gewählten Zugriff öffnen.',
      accessRead: 'Darf lesen',
      accessComment: 'Darf kommentieren',
      accessWrite: 'Darf bearbeiten',
      copyLink: 'Link kopieren',
      linkCopied: 'Link in die Zwischenablage kopiert.',
      linkReady: 'Kopieren Sie den Link unten:',
      shareLink: 'Freigabelink',
      shareFailed: (detail) => `Es konnte kein Link erstellt werden: ${detail}`,
      close: 'Schließen',
      notFoundTitle: 'Seite nicht gefunden',
      notFoundText: 'Unter dieser Adresse gibt es nichts.',
      goHome: 'Zur Startseite',
      badNameTitle: 'Dieser Dateiname kann nicht verwendet werden',
      badNameText: (name, error) => `„${name}“ ist kein gültiger Dateiname: ${error}.`,
      readOnlyLink: 'Sie haben diese Datei mit einem Nur-Lesen-Link geöffnet.',
    },
  },
);

/** The translate function of the app. */
export type AppTranslate = Translate<typeof appMessages.english>;
