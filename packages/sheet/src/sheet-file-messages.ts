import { defineMessages } from '@allmende/ui';
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
    fileError: (code: string, limit: string) => {
      switch (code) {
        case 'too-large':
          return `the file is larger than ${limit}.`;
        case 'corrupt-archive':
          return 'the file is damaged or incomplete (it is not a readable zip archive).';
        case 'archive-limits':
          return 'the file would unpack into far too much data; it was not opened.';
        case 'missing-part':
          return 'a part the format requires is missing from the file.';
        case 'wrong-format':
          return 'the file is of a different type than its name says.';
        case 'bad-xml':
          return 'the file contains broken XML.';
        case 'forbidden-xml':
          return 'the file contains an XML document type declaration, which is refused for safety.';
        case 'bad-text':
          return 'the file is not UTF-8 text; save it as “CSV UTF-8” and try again.';
        case 'too-many-cells':
          return 'the file has more rows, columns or cells than a spreadsheet here can hold.';
        case 'unknown-format':
          return 'this type of file cannot be imported (use .ods, .xlsx, .csv or .tsv).';
        default:
          return 'the file cannot be read.';
      }
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
        switch (code) {
          case 'too-large':
            return `die Datei ist größer als ${limit}.`;
          case 'corrupt-archive':
            return 'die Datei ist beschädigt oder unvollständig (kein lesbares ZIP-Archiv).';
          case 'archive-limits':
            return 'die Datei würde zu einer viel zu großen Datenmenge entpackt; sie wurde nicht geöffnet.';
          case 'missing-part':
            return 'der Datei fehlt ein Teil, den das Format verlangt.';
          case 'wrong-format':
            return 'die Datei hat einen anderen Typ, als ihr Name sagt.';
          case 'bad-xml':
            return 'die Datei enthält fehlerhaftes XML.';
          case 'forbidden-xml':
            return 'die Datei enthält eine XML-Dokumenttypdeklaration; sie wird aus Sicherheitsgründen abgelehnt.';
          case 'bad-text':
            return 'die Datei ist kein UTF-8-Text; speichern Sie sie als „CSV UTF-8“ und versuchen Sie es erneut.';
          case 'too-many-cells':
            return 'die Datei hat mehr Zeilen, Spalten oder Zellen, als eine Tabelle hier fassen kann.';
          case 'unknown-format':
            return 'diese Art von Datei kann nicht importiert werden (verwenden Sie .ods, .xlsx, .csv oder .tsv).';
          default:
            return 'die Datei kann nicht gelesen werden.';
        }
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
