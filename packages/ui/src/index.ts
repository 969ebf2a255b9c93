export { theme } from './theme.js';
export { AllmendeElement } from './allmende-element.js';
export { AllmendeToolbar } from './toolbar.js';
export { presenceColor, PRESENCE_PALETTE } from './presence.js';
