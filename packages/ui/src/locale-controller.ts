import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatDate, formatNumber } from './format.js';
import { languageOf, resolveLocale } from './locale.js';
import type { Language } from './locale.js';
import type { MessageBundle, MessageCatalog, Translate } from './messages.js';

/** Something that wants to hear when a `lang` attribute in its document changes. */
interface LangWatcher {
  langChanged(): void;
}

/**
 * One observer per document for every element in it: `lang` changes are
 * rare, and one observer with an attribute filter costs next to nothing.
 */
const watchers = new WeakMap<Document, { observer: MutationObserver; watchers: Set<LangWatcher> }>();

function watch(document: Document, watcher: LangWatcher): void {
  let entry = watchers.get(document);
  if (!entry) {
    const set = new Set<LangWatcher>();
    const observer = new MutationObserver(() => {
      for (const each of [...set]) each.langChanged();
    });
    // The subtree catches a `lang` set on any ancestor in the page, not only on <html>.
    observer.observe(document, { attributes: true, attributeFilter: ['lang'], subtree: true });
    entry = { observer, watchers: set };
    watchers.set(document, entry);
  }
  entry.watchers.add(watcher);
}

function unwatch(document: Document, watcher: LangWatcher): void {
  const entry = watchers.get(document);
  if (!entry) return;
  entry.watchers.delete(watcher);
  if (entry.watchers.size === 0) {
    entry.observer.disconnect();
    watchers.delete(document);
  }
}

/** Options of {@link LocaleController}. */
export interface LocaleControllerOptions {
  /** Called after the locale changed (the host is asked to update as well), for parts Lit does not render. */
  readonly onChange?: (locale: string) => void;
}

/**
 * A Lit reactive controller that gives an element its locale: the `lang` of
 * the element or its closest ancestor (through shadow roots), else of the
 * document (see {@link resolveLocale}). It looks again when the element is
 * connected and whenever a `lang` attribute in the page changes, and then
 * asks the host to update, so labels switch language without a reload.
 *
 * ```ts
 * private readonly i18n = new LocaleController(this);
 * render() {
 *   const t = this.i18n.translate(messages);
 *   return html`<button>${t('bold')}</button>`;
 * }
 * ```
 *
 * A `lang` change inside another element's shadow root is not observed; it
 * is picked up the next time the element is connected.
 */
export class LocaleController implements ReactiveController, LangWatcher {
  private readonly host: ReactiveControllerHost & Element;
  private readonly options: LocaleControllerOptions;
  private current: string;
  private observedDocument: Document | null = null;

  constructor(host: ReactiveControllerHost & Element, options: LocaleControllerOptions = {}) {
    this.host = host;
    this.options = options;
    this.current = resolveLocale(host);
    host.addController(this);
  }

  /** The language tag in effect, as written in the page (`de-CH`), or `'en'` when there is none. */
  get locale(): string {
    return this.current;
  }

  /** The language of the messages: `'de'` or `'en'` (the fallback). */
  get language(): Language {
    return languageOf(this.current);
  }

  /** The translate function of `bundle` for the current language. */
  translate<C extends MessageCatalog>(bundle: MessageBundle<C>): Translate<C> {
    return bundle.translator(this.current);
  }

  /** Formats a number for the current locale; see the standalone {@link formatNumber}. */
  formatNumber(value: number | bigint, options?: Intl.NumberFormatOptions): string {
    return formatNumber(value, this.current, options);
  }

  /** Formats a date for the current locale; see the standalone {@link formatDate}. */
  formatDate(date: Date | number, options?: Intl.DateTimeFormatOptions): string {
    return formatDate(date, this.current, options);
  }

  /** @internal Registers for `lang` changes in the element's document and reads the locale again. */
  hostConnected(): void {
    this.observedDocument = this.host.ownerDocument;
    watch(this.observedDocument, this);
    this.langChanged();
  }

  /** @internal */
  hostDisconnected(): void {
    if (this.observedDocument) unwatch(this.observedDocument, this);
    this.observedDocument = null;
  }

  /** @internal Reads the locale again and updates the host when it changed. */
  langChanged(): void {
    const next = resolveLocale(this.host);
    if (next === this.current) return;
    this.current = next;
    this.host.requestUpdate();
    this.options.onChange?.(next);
  }
}
