export { AllmendeSheet } from './allmende-sheet.js';
export type { AllmendeSheetStatus } from './allmende-sheet.js';
export { sheetMessages } from './sheet-messages.js';
