/** Whether the page runs on a Mac, iPhone or iPad: shortcuts use Cmd there and are spelled with its symbols. */
export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
