export { AllmendeDoc } from './allmende-doc.js';
export type { AllmendeDocStatus } from './allmende-doc.js';
export { AllmendeChangeEvent } from '@allmende/ui';
