import { defineMessages, fileErrorReason } from '@allmende/ui';
import type { Translate } from '@allmende/ui';

/** The labels of the spreadsheet's Import… and Export… menus (`<allmende-sheet-file-menu>`), English and German. */
export const sheetFileMessages = defineMessages(
  {
    fileImport: 'Import…',
    fileExport: 'Export…',
    formatOds: 'OpenDocument spreadsheet (.ods)',
    formatXlsx: 'Excel workbook (.xlsx)',
    formatCsv: 'CSV, comma or semicolon separated (.csv)',
    formatTsv: 'TSV, tab separated (.tsv)',
    formatCsvSheet: (sheet: string) => `CSV of sheet “${sheet}” (.csv)`,
    importFileLabel: 'Choose a spreadsheet file to import',
    importTitle: (name: string) => `Import “${name}”`,
    importQuestion: 'Replace all sheets with the file’s sheets, or add them as new sheets? Everyone in the spreadsheet sees the change, and Undo takes it back.',
    importReplace: 'Replace all sheets',
    importAdd: 'Add as new sheets',
    cancel: 'Cancel',
    importDone: (name: string, sheets: number) => `“${name}” was imported (${sheets === 1 ? 'one sheet' : `${sheets} sheets`}).`,
    importFailed: (name: string, reason: string) => `“${name}” could not be imported: ${reason}`,
    importTooManyCells: (cells: string, limit: string) =>
      `it has ${cells} cells, more than the ${limit} one import can hold in this browser's memory. Split the file and import it in parts.`,
    exportFailed: (reason: string) => `The spreadsheet could not be exported: ${reason}`,
    untitled: 'Spreadsheet',
    /** Why a file could not be read (`FileImportError` codes, `unknown-format`, `unreadable`): the shared reasons of @allmende/ui, with advice for text files and which files this element imports. */
    fileError: (code: string, limit: string) => {
      if (code === 'bad-text') return 'the file is not UTF-8 text; save it as “CSV UTF-8” and try again.';
      if (code === 'unknown-format') return 'this type of file cannot be imported (use .ods, .xlsx, .csv or .tsv).';
      return fileErrorReason('en', code, limit);
    },
    importWarning: (code: string, count: number, detail: string) => {
      switch (code) {
        case 'formula-kept-as-text':
          return count === 1 ? `One formula could not be read and was kept as text (${detail}).` : `${count} formulas could not be read and were kept as text (first: ${detail}).`;
        case 'format-dropped':
          return count === 1 ? 'One number format could not be read; those cells use General.' : `${count} number formats could not be read; those cells use General.`;
        case 'name-dropped':
          return count === 1 ? `One named range was left out (${detail}).` : `${count} named ranges were left out (first: ${detail}).`;
        case 'sheet-renamed':
          return count === 1 ? `A sheet was renamed because the name was taken (${detail}).` : `${count} sheets were renamed because their names were taken (first: ${detail}).`;
        case 'unknown-content':
          return `Content that cannot be shown here was left out (${detail}).`;
        case 'rows-padded':
          return count === 1 ? 'One row has a different number of fields than the first.' : `${count} rows have a different number of fields than the first.`;
        default:
          return '';
      }
    },
  },
  {
    de: {
      fileImport: 'Importieren…',
      fileExport: 'Exportieren…',
      formatOds: 'OpenDocument-Tabelle (.ods)',
      formatXlsx: 'Excel-Arbeitsmappe (.xlsx)',
      formatCsv: 'CSV, mit Komma oder Semikolon getrennt (.csv)',
      formatTsv: 'TSV, mit Tabulator getrennt (.tsv)',
      formatCsvSheet: (sheet) => `CSV des Blatts „${sheet}“ (.csv)`,
      importFileLabel: 'Tabellendatei zum Importieren wählen',
      importTitle: (name) => `„${name}“ importieren`,
      importQuestion: 'Alle Blätter durch die Blätter der Datei ersetzen oder sie als neue Blätter hinzufügen? Alle in der Tabelle sehen die Änderung, Rückgängig nimmt sie zurück.',
      importReplace: 'Alle Blätter ersetzen',
      importAdd: 'Als neue Blätter hinzufügen',
      cancel: 'Abbrechen',
      importDone: (name, sheets) => `„${name}“ wurde importiert (${sheets === 1 ? 'ein Blatt' : `${sheets} Blätter`}).`,
      importFailed: (name, reason) => `„${name}“ konnte nicht importiert werden: ${reason}`,
      importTooManyCells: (cells, limit) =>
        `sie hat ${cells} Zellen, mehr als die ${limit}, die ein Import im Speicher dieses Browsers halten kann. Teilen Sie die Datei und importieren Sie sie in Teilen.`,
      exportFailed: (reason) => `Die Tabelle konnte nicht exportiert werden: ${reason}`,
      untitled: 'Tabelle',
      fileError: (code, limit) => {
        if (code === 'bad-text') return 'Die Datei ist kein UTF-8-Text; speichern Sie sie als „CSV UTF-8“ und versuchen Sie es erneut.';
        if (code === 'unknown-format') return 'Dieser Dateityp kann nicht importiert werden (möglich sind .ods, .xlsx, .csv und .tsv).';
        return fileErrorReason('de', code, limit);
      },
      importWarning: (code, count, detail) => {
        switch (code) {
          case 'formula-kept-as-text':
            return count === 1 ? `Eine Formel konnte nicht gelesen werden und blieb als Text erhalten (${detail}).` : `${count} Formeln konnten nicht gelesen werden und blieben als Text erhalten (erste: ${detail}).`;
          case 'format-dropped':
            return count === 1 ? 'Ein Zahlenformat konnte nicht gelesen werden; diese Zellen haben das Format Standard.' : `${count} Zahlenformate konnten nicht gelesen werden; diese Zellen haben das Format Standard.`;
          case 'name-dropped':
            return count === 1 ? `Ein benannter Bereich wurde weggelassen (${detail}).` : `${count} benannte Bereiche wurden weggelassen (erster: ${detail}).`;
          case 'sheet-renamed':
            return count === 1 ? `Ein Blatt wurde umbenannt, weil der Name vergeben war (${detail}).` : `${count} Blätter wurden umbenannt, weil ihre Namen vergeben waren (erstes: ${detail}).`;
          case 'unknown-content':
            return `Inhalte, die hier nicht dargestellt werden können, wurden weggelassen (${detail}).`;
          case 'rows-padded':
            return count === 1 ? 'Eine Zeile hat eine andere Anzahl Felder als die erste.' : `${count} Zeilen haben eine andere Anzahl Felder als die erste.`;
          default:
            return '';
        }
      },
    },
  },
);

/** The translate function of {@link sheetFileMessages}. */
export type SheetFileTranslate = Translate<typeof sheetFileMessages.english>;
