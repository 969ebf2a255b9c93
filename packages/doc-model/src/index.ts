export { schema } from './schema.js';
export {
  toggleBold,
  toggleItalic,
  setParagraph,
  setHeading,
  toggleBulletList,
  toggleOrderedList,
  indentListItem,
  outdentListItem,
} from './commands.js';
export { buildKeymap } from './keymap.js';
export { buildInputRules } from './input-rules.js';
export { isMarkActive, activeBlock } from './selection-state.js';
export type { ActiveBlock } from './selection-state.js';
