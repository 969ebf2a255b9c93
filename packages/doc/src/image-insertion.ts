import { checkImageDataUrl, IMAGE_MIME_TYPES, insertImage, MAX_IMAGE_BYTES, sanitizeHTML } from '@allmende/doc-model';
import { html } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import { NodeSelection, TextSelection } from 'prosemirror-state';
import type { EditorProps } from 'prosemirror-view';
import type { EditorHost } from './editor-host.js';

/** Reads a file as a `data:` URL. */
function readAsDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('FileReader failed'));
    reader.readAsDataURL(file);
  });
}

/** The image files among a list of files (by their declared type). */
function imageFiles(files: FileList | null | undefined): File[] {
  return Array.from(files ?? []).filter((file) => file.type.startsWith('image/'));
}

/** An image that was read and checked, waiting for its alternative text. */
interface PendingImage {
  readonly src: string;
  readonly name: string;
}

/**
 * Images in `<allmende-doc>`: the file picker of the toolbar, pasted and
 * dropped image files, and the alternative-text dialog every inserted image
 * goes through (also used to edit the text of a selected image).
 *
 * Files are checked before anything is inserted: types other than PNG,
 * JPEG, GIF and WebP, and files over the model's `MAX_IMAGE_BYTES`, are
 * refused with a message in the element's alert area, and nothing is
 * inserted. Pasted HTML goes through the model's `sanitizeHTML`, and the
 * user is told when images were left out of it.
 */
export class ImageInsertion implements ReactiveController {
  private queue: PendingImage[] = [];
  /** The image whose alternative text the dialog asks for, or the selected image being edited. */
  private pending: PendingImage | null = null;
  private editingPos: number | null = null;
  private alt = '';
  private open = false;

  constructor(private readonly host: EditorHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.queue = [];
    this.pending = null;
    this.open = false;
  }

  /** Opens the file picker; with an image selected, opens its alternative text instead. */
  pick(): void {
    const view = this.host.view;
    if (!view || !this.host.editable) return;
    const selection = view.state.selection;
    if (selection instanceof NodeSelection && selection.node.type.name === 'image') {
      this.pending = null;
      this.editingPos = selection.from;
      this.alt = String(selection.node.attrs['alt'] ?? '');
      this.open = true;
      this.host.requestUpdate();
      return;
    }
    this.host.renderRoot.querySelector<HTMLInputElement>('input[type="file"][data-role="image-picker"]')?.click();
  }

  /**
   * Editor props for pasting and dropping image files and for sanitizing
   * pasted HTML. They only run while the text is editable (prosemirror-view
   * skips them otherwise).
   */
  readonly editorProps: EditorProps = {
    transformPastedHTML: (html: string) => {
      let removed = 0;
      const clean = sanitizeHTML(html, {
        onImageRemoved: () => {
          removed++;
        },
      });
      if (removed > 0) this.host.notify(this.host.t('pastedImagesRemoved', removed, this.formatBytes(MAX_IMAGE_BYTES)));
      return clean;
    },
    handlePaste: (_view, event) => {
      const data = event.clipboardData;
      // With HTML on the clipboard (a web page, Word), the HTML has the images and the text around them.
      if (!data || data.types.includes('text/html')) return false;
      const files = imageFiles(data.files);
      if (files.length === 0) return false;
      void this.insertFiles(files);
      return true;
    },
    handleDrop: (view, event, _slice, moved) => {
      const files = moved ? [] : Array.from(event.dataTransfer?.files ?? []);
      if (files.length === 0) return false;
      event.preventDefault();
      const target = view.posAtCoords({ left: event.clientX, top: event.clientY });
      if (target) view.dispatch(view.state.tr.setSelection(TextSelection.near(view.state.doc.resolve(target.pos))));
      void this.insertFiles(files);
      return true;
    },
  };

  /**
   * Checks and reads image files, then asks for the alternative text of
   * each one that can be stored and inserts it at the selection. Files that
   * cannot be stored are reported in the alert area.
   */
  async insertFiles(files: readonly File[]): Promise<void> {
    const t = this.host.t;
    for (const file of files) {
      const name = file.name || t('image');
      if (!IMAGE_MIME_TYPES.includes(file.type)) {
        this.host.notify(t('imageUnsupported', name));
        continue;
      }
      // Refuse big files before reading them into memory.
      if (file.size > MAX_IMAGE_BYTES) {
        this.host.notify(t('imageTooLarge', name, this.formatBytes(file.size), this.formatBytes(MAX_IMAGE_BYTES)));
        continue;
      }
      let src: string;
      try {
        src = await readAsDataUrl(file);
      } catch {
        this.host.notify(t('imageUnreadable', name));
        continue;
      }
      const check = checkImageDataUrl(src);
      if (!check.ok) {
        this.host.notify(
          check.reason === 'too-large'
            ? t('imageTooLarge', name, this.formatBytes(check.bytes ?? file.size), this.formatBytes(MAX_IMAGE_BYTES))
            : t('imageUnsupported', name),
        );
        continue;
      }
      this.queue.push({ src, name });
    }
    this.next();
  }

  /** The dialog and the hidden file input, for the element's template. */
  render(): TemplateResult {
    const t = this.host.t;
    return html`<input
        type="file"
        data-role="image-picker"
        accept=${IMAGE_MIME_TYPES.join(',')}
        multiple
        hidden
        aria-label=${t('imageFileLabel')}
        @change=${this.onPicked}
      />
      <allmende-dialog
        label=${this.editingPos !== null ? t('editImageTitle') : t('imageTitle')}
        ?open=${this.open}
        @allmende-dialog-close=${this.onClosed}
      >
        <form novalidate @submit=${this.onSubmit}>
          ${this.pending ? html`<img class="dialog-preview" src=${this.pending.src} alt="" />` : null}
          <label class="field">
            <span>${t('altText')}</span>
            <textarea
              name="alt"
              rows="3"
              autofocus
              aria-describedby="alt-hint"
              .value=${this.alt}
              @input=${(event: InputEvent) => {
                this.alt = (event.target as HTMLTextAreaElement).value;
              }}
              @keydown=${this.onAltKeyDown}
            ></textarea>
          </label>
          <p id="alt-hint" class="hint">${t('altHint')}</p>
          <div class="actions">
            <span class="spacer"></span>
            <button type="button" @click=${this.onCancel}>${t('cancel')}</button>
            <button type="submit" class="primary">${this.editingPos !== null ? t('apply') : t('insert')}</button>
          </div>
        </form>
      </allmende-dialog>`;
  }

  private formatBytes(bytes: number): string {
    const megabytes = bytes / (1024 * 1024);
    return megabytes >= 1
      ? this.host.i18n.formatNumber(megabytes, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 })
      : this.host.i18n.formatNumber(Math.max(1, Math.round(bytes / 1024)), { style: 'unit', unit: 'kilobyte' });
  }

  /** Asks for the alternative text of the next image in the queue. */
  private next(): void {
    if (this.open) return;
    const pending = this.queue.shift();
    if (!pending) return;
    this.pending = pending;
    this.editingPos = null;
    this.alt = '';
    this.open = true;
    this.host.requestUpdate();
  }

  private finish(): void {
    this.open = false;
    this.pending = null;
    this.editingPos = null;
    this.host.requestUpdate();
    if (this.queue.length > 0) {
      // Let the dialog close before it opens for the next image.
      void this.host.updateComplete.then(() => this.next());
    } else {
      this.host.focusEditor();
    }
  }

  private readonly onPicked = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    // Picking the same file again must fire `change` again.
    input.value = '';
    void this.insertFiles(files);
  };

  /** Enter inserts, as in a single-line field; Shift+Enter starts a new line. */
  private readonly onAltKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      (event.target as HTMLTextAreaElement).form?.requestSubmit();
    }
  };

  private readonly onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const view = this.host.view;
    const alt = this.alt.trim();
    if (view && this.editingPos !== null) {
      const pos = this.editingPos;
      this.host.run((state, dispatch) => {
        const node = state.doc.nodeAt(pos);
        if (!node || node.type.name !== 'image') return false;
        dispatch?.(state.tr.setNodeAttribute(pos, 'alt', alt || null));
        return true;
      });
    } else if (view && this.pending) {
      if (!this.host.run(insertImage({ src: this.pending.src, alt: alt || null }))) {
        this.host.notify(this.host.t('imageNotHere'));
      }
    }
    this.finish();
  };

  private readonly onCancel = (): void => {
    this.finish();
  };

  private readonly onClosed = (): void => {
    this.finish();
  };
}
