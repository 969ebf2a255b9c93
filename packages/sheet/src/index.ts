export { AllmendeSheet } from './allmende-sheet.js';
export type { AllmendeSheetStatus } from './allmende-sheet.js';
export { sheetMessages } from './sheet-messages.js';
export { AllmendeSheetFileMenu, SheetFileImportedEvent } from './sheet-file-menu.js';
export type { SheetFileImportedDetail } from './sheet-file-menu.js';
export { sheetFileMessages } from './sheet-file-messages.js';
