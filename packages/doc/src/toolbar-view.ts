import {
  setAlignment,
  setHeading,
  setParagraph,
  toggleBlockquote,
  toggleBold,
  toggleBulletList,
  toggleCode,
  toggleCodeBlock,
  toggleItalic,
  toggleOrderedList,
  toggleStrikethrough,
  toggleSubscript,
  toggleSuperscript,
  toggleTaskList,
  toggleUnderline,
  decreaseIndent,
  increaseIndent,
  insertHorizontalRule,
  insertPageBreak,
} from '@allmende/doc-model';
import type { Alignment } from '@allmende/doc-model';
import { html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import type { Command } from 'prosemirror-state';
import { redoCommand, undoCommand } from 'y-prosemirror';
import { colorMenuItems } from './color-menus.js';
import type { EditorHost } from './editor-host.js';
import type { FormatState } from './format-state.js';
import * as icons from './icons.js';
import { renderMenuButton } from './menu-button.js';
import { isMac } from './platform.js';
import { tableMenuItems } from './table-menu.js';

/** Spells a ProseMirror key name the way the platform shows shortcuts. */
export function shortcut(keys: string): string {
  return isMac
    ? keys.replace('Mod-', '⌘').replace('Ctrl-', '⌃').replace('Alt-', '⌥').replace('Shift-', '⇧')
    : keys.replace('Mod-', 'Ctrl+').replace('Ctrl-', 'Ctrl+').replace('Alt-', 'Alt+').replace('Shift-', 'Shift+');
}

/** What toolbar buttons open rather than run as a command. */
export interface ToolbarActions {
  openLink(): void;
  openTable(): void;
  pickImage(): void;
  openFind(): void;
  /** The Import and Export menu buttons (see file-menu.ts), drawn as the toolbar's last group. */
  renderFileMenus(): TemplateResult;
  /** The Comment, Suggest and review panel buttons (see review-panel.ts), drawn before the file menus. */
  renderReviewControls?(): TemplateResult;
  /** Whether the review buttons work although the text is read-only (the `comment` role). */
  canReview?(): boolean;
}

type MenuId = 'text-color' | 'highlight' | 'align' | 'table';

const ALIGN_ICONS: Record<Alignment, TemplateResult> = {
  left: icons.alignLeftIcon,
  center: icons.alignCenterIcon,
  right: icons.alignRightIcon,
  justify: icons.alignJustifyIcon,
};

/** The block-type choices of the style select, as `<option>` values. */
function blockValue(format: FormatState): string {
  const { type, level } = format.block;
  // Headings are paragraphs with a level (1–6); level 0 is body text, null a mix of levels.
  if (type === 'paragraph' && level !== null) return level === 0 ? 'paragraph' : `heading-${level}`;
  if (type === 'code_block') return 'code_block';
  return '';
}

function blockCommand(value: string): Command | null {
  if (value === 'paragraph') return setParagraph;
  if (value === 'code_block') return toggleCodeBlock();
  const level = /^heading-([1-6])$/.exec(value)?.[1];
  return level ? setHeading(Number(level)) : null;
}

/**
 * The formatting toolbar of `<allmende-doc>` (`part="toolbar"`), an
 * `<allmende-toolbar>` (one Tab stop, arrow keys between controls): undo and
 * redo; the paragraph style; bold, italic, underline, strikethrough,
 * superscript, subscript and inline code; text colour and highlight menus;
 * link; bulleted, numbered and check lists; indentation; an alignment menu;
 * quote, horizontal line and page break; table (and a table menu inside
 * tables); image; find and replace; the Import and Export menus (file-menu.ts).
 * Toggles say `aria-pressed`; controls that
 * cannot act say `aria-disabled` and stay reachable, as the ARIA toolbar
 * pattern advises. A control used with the mouse returns focus to the text;
 * keyboard users stay in the toolbar (Escape goes back to the text).
 */
export class DocToolbar implements ReactiveController {
  private openMenu: MenuId | null = null;

  constructor(
    private readonly host: EditorHost,
    private readonly actions: ToolbarActions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.openMenu = null;
  }

  /** Moves focus into the toolbar (Alt-F10); returns whether there was a control to focus. */
  focus(): boolean {
    const toolbar = this.host.renderRoot.querySelector('allmende-toolbar');
    const target = toolbar?.items.find((item) => item.tabIndex === 0) ?? toolbar?.items[0];
    target?.focus();
    return target !== undefined;
  }

  /** The toolbar for a selection state, for the element's template. */
  render(format: FormatState): TemplateResult {
    const t = this.host.t;
    const readOnly = !this.host.editable;
    const { marks, block } = format;
    const noMarks = readOnly || !format.canFormat;
    const button = (
      label: string,
      keys: string | null,
      pressed: boolean | null,
      action: Command | { readonly open: () => void },
      content: TemplateResult,
      unavailable = readOnly,
    ) => this.renderButton(label, keys, pressed, action, content, unavailable);
    const menu = (id: MenuId) => ({
      id: `menu-${id}`,
      open: this.openMenu === id,
      setOpen: (open: boolean) => {
        this.openMenu = open ? id : null;
        this.host.requestUpdate();
      },
      focusEditor: () => this.host.focusEditor(),
    });
    const run = (command: Command) => {
      this.host.run(command);
    };
    const align = block.align ?? 'left';
    return html`<allmende-toolbar
      part="toolbar"
      label=${t('toolbarLabel')}
      aria-disabled=${readOnly && !this.actions.canReview?.() ? 'true' : nothing}
      @mousedown=${this.onMouseDown}
      @keydown=${this.onKeyDown}
    >
      <span class="group">
        ${button(t('undo'), 'Mod-Z', null, undoCommand, icons.undoIcon, readOnly || !format.canUndo)}
        ${button(t('redo'), isMac ? 'Mod-Shift-Z' : 'Mod-Y', null, redoCommand, icons.redoIcon, readOnly || !format.canRedo)}
      </span>
      <span class="group">
        <select
          class="block-type"
          aria-label=${t('blockType')}
          title=${t('blockType')}
          ?disabled=${readOnly}
          @pointerdown=${() => {
            this.selectByPointer = true;
          }}
          @keydown=${() => {
            this.selectByPointer = false;
          }}
          @change=${this.onBlockChange}
        >
          ${blockValue(format) === '' ? html`<option value="" selected disabled hidden>${t('blockMixed')}</option>` : nothing}
          ${[
            ['paragraph', t('paragraph')],
            ...[1, 2, 3, 4, 5, 6].map((level) => [`heading-${level}`, t('heading', level)]),
            ['code_block', t('codeBlock')],
          ].map(([value, label]) => html`<option value=${value!} ?selected=${blockValue(format) === value}>${label}</option>`)}
        </select>
      </span>
      <span class="group">
        ${button(t('bold'), 'Mod-B', marks.bold, toggleBold, icons.boldIcon, noMarks)}
        ${button(t('italic'), 'Mod-I', marks.italic, toggleItalic, icons.italicIcon, noMarks)}
        ${button(t('underline'), 'Mod-U', marks.underline, toggleUnderline, icons.underlineIcon, noMarks)}
        ${button(t('strikethrough'), 'Mod-Shift-X', marks.strikethrough, toggleStrikethrough, icons.strikethroughIcon, noMarks)}
        ${button(t('superscript'), 'Mod-.', marks.superscript, toggleSuperscript, icons.superscriptIcon, noMarks)}
        ${button(t('subscript'), 'Mod-,', marks.subscript, toggleSubscript, icons.subscriptIcon, noMarks)}
        ${button(t('inlineCode'), 'Mod-E', marks.code, toggleCode, icons.codeIcon, noMarks)}
      </span>
      <span class="group">
        ${renderMenuButton({
          ...menu('text-color'),
          label: t('textColor'),
          content: icons.textColorIcon,
          unavailable: noMarks,
          style: `--swatch: ${marks.textColor ?? 'currentColor'}`,
          items: colorMenuItems('text', marks.textColor, t, run),
        })}
        ${renderMenuButton({
          ...menu('highlight'),
          label: t('highlight'),
          content: icons.highlightIcon,
          unavailable: noMarks,
          style: `--swatch: ${marks.highlight ?? 'transparent'}`,
          items: colorMenuItems('highlight', marks.highlight, t, run),
        })}
        ${button(t('link'), 'Mod-K', marks.link !== null, { open: () => this.actions.openLink() }, icons.linkIcon, noMarks)}
      </span>
      <span class="group">
        ${button(t('bulletList'), 'Mod-Shift-8', block.list === 'bullet_list', toggleBulletList, icons.bulletListIcon)}
        ${button(t('orderedList'), 'Mod-Shift-7', block.list === 'ordered_list', toggleOrderedList, icons.orderedListIcon)}
        ${button(t('taskList'), 'Mod-Shift-9', block.list === 'task_list', toggleTaskList, icons.taskListIcon)}
        ${button(t('outdent'), 'Mod-[', null, decreaseIndent, icons.outdentIcon, readOnly || !format.canOutdent)}
        ${button(t('indent'), 'Mod-]', null, increaseIndent, icons.indentIcon, readOnly || !format.canIndent)}
        ${renderMenuButton({
          ...menu('align'),
          label: t('alignment'),
          content: ALIGN_ICONS[align],
          unavailable: readOnly || block.align === null,
          items: (
            [
              ['left', t('alignLeft'), 'Mod-Shift-L'],
              ['center', t('alignCenter'), 'Mod-Shift-E'],
              ['right', t('alignRight'), 'Mod-Shift-R'],
              ['justify', t('alignJustify'), 'Mod-Shift-J'],
            ] as const
          ).map(([value, label]) => ({
            label,
            icon: ALIGN_ICONS[value],
            checked: block.align === value,
            run: () => run(setAlignment(value === 'left' ? null : value)),
          })),
        })}
      </span>
      <span class="group">
        ${button(t('blockquote'), 'Mod-Shift-B', block.blockquote, toggleBlockquote, icons.blockquoteIcon)}
        ${button(t('horizontalRule'), null, null, insertHorizontalRule, icons.horizontalRuleIcon)}
        ${button(t('pageBreak'), 'Mod-Enter', null, insertPageBreak, icons.pageBreakIcon, readOnly || !format.canPageBreak)}
        ${button(t('insertTable'), null, null, { open: () => this.actions.openTable() }, icons.tableIcon, readOnly || !format.canInsertTable)}
        ${block.inTable
          ? renderMenuButton({
              ...menu('table'),
              label: t('table'),
              content: html`<span class="text-label">${t('table')}</span>`,
              unavailable: readOnly,
              align: 'end',
              keyboardReturn: 'editor',
              items: tableMenuItems(format, t, run),
            })
          : nothing}
        ${button(format.imageAlt !== null ? t('editImageTitle') : t('image'), null, null, { open: () => this.actions.pickImage() }, icons.imageIcon)}
      </span>
      <span class="group">
        ${button(t('find'), 'Mod-F', null, { open: () => this.actions.openFind() }, icons.findIcon, false)}
      </span>
      ${this.actions.renderReviewControls?.() ?? nothing}
      <span class="group">${this.actions.renderFileMenus()}</span>
    </allmende-toolbar>`;
  }

  /**
   * A toolbar button. `pressed` is null for actions that are not toggles.
   * Unavailable buttons say `aria-disabled` instead of turning `disabled`, so
   * they stay in the toolbar's arrow-key order.
   */
  private renderButton(
    label: string,
    keys: string | null,
    pressed: boolean | null,
    action: Command | { readonly open: () => void },
    content: TemplateResult,
    unavailable: boolean,
  ): TemplateResult {
    return html`<button
      type="button"
      aria-label=${label}
      title=${keys ? `${label} (${shortcut(keys)})` : label}
      aria-pressed=${pressed === null ? nothing : String(pressed)}
      aria-disabled=${unavailable ? 'true' : nothing}
      @click=${(event: MouseEvent) => this.activate(action, event, unavailable)}
    >
      ${content}
    </button>`;
  }

  private activate(action: Command | { readonly open: () => void }, event: MouseEvent, unavailable: boolean): void {
    if (unavailable) return;
    if (typeof action !== 'function') {
      action.open();
      return;
    }
    this.host.run(action);
    // A mouse click returns to the text; keyboard users (detail 0) stay in the toolbar.
    if (event.detail > 0) this.host.focusEditor();
  }

  private readonly onBlockChange = (event: Event): void => {
    const select = event.target as HTMLSelectElement;
    const command = blockCommand(select.value);
    if (command) this.host.run(command);
    // Keyboard users change the select with arrow keys and stay on it; after a pointer choice, back to the text.
    if (this.selectByPointer) this.host.focusEditor();
  };

  /** Whether the style select was last used with a pointer rather than the keyboard. */
  private selectByPointer = false;

  /** Keeps the text selection when a toolbar button is clicked with the mouse. */
  private readonly onMouseDown = (event: MouseEvent): void => {
    if ((event.target as Element | null)?.closest('button')) event.preventDefault();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      this.host.focusEditor();
    }
  };
}
