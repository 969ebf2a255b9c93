import { FALLBACK_LANGUAGE, LANGUAGES, languageOf } from './locale.js';
import type { Language } from './locale.js';

/**
 * One translatable message: plain text, or a function of its arguments for
 * text with numbers or names in it (`(count: number, shown: string) => …`),
 * which can also choose between singular and plural.
 */
export type Message = string | ((...args: never[]) => string);

/** The messages of one element in one language, keyed by message id. */
export type MessageCatalog = { readonly [key: string]: Message };

/** The arguments a message takes: none for plain text, the function's parameters otherwise. */
export type MessageArgs<M> = M extends (...args: infer A) => string ? A : [];

/**
 * Looks up a message by id in the current language and fills in its
 * arguments. The ids and argument types are checked against the English
 * catalog at compile time.
 */
export type Translate<C extends MessageCatalog> = <K extends keyof C & string>(key: K, ...args: MessageArgs<C[K]>) => string;

/** The translations of an English catalog: for each other language, any subset of its messages. */
export type Translations<C extends MessageCatalog> = {
  readonly [L in Exclude<Language, 'en'>]: { readonly [K in keyof C]?: C[K] };
};

/**
 * The messages of one element in every language: the English catalog, which
 * defines the ids and is the fallback for any message a translation lacks,
 * and the translations. Create one with {@link defineMessages}.
 */
export class MessageBundle<C extends MessageCatalog> {
  /** The English catalog. */
  readonly english: C;
  /** The translations, by language. */
  readonly translations: Translations<C>;
  private readonly translators = new Map<Language, Translate<C>>();

  constructor(english: C, translations: Translations<C>) {
    if (typeof english !== 'object' || english === null) {
      throw new TypeError('MessageBundle: the English catalog must be an object of messages.');
    }
    this.english = english;
    this.translations = translations;
  }

  /**
   * The translate function for a language tag (`de`, `de-AT`, `en-GB`, or
   * anything else, which gets English). Messages missing from a translation
   * are taken from English.
   */
  translator(locale: string): Translate<C> {
    const language = languageOf(locale);
    let translate = this.translators.get(language);
    if (!translate) {
      const catalog = language === FALLBACK_LANGUAGE ? {} : (this.translations[language as Exclude<Language, 'en'>] ?? {});
      const english = this.english;
      translate = ((key: string, ...args: unknown[]): string => {
        const message = (catalog as MessageCatalog)[key] ?? english[key];
        if (message === undefined) throw new RangeError(`No message "${key}" in the catalog; add it to the English messages.`);
        return typeof message === 'function' ? (message as (...a: unknown[]) => string)(...args) : message;
      }) as Translate<C>;
      this.translators.set(language, translate);
    }
    return translate;
  }

  /** The ids of English messages that `language` has no translation for, so a test can insist on none. */
  missing(language: Language): string[] {
    if (language === FALLBACK_LANGUAGE) return [];
    const catalog = this.translations[language as Exclude<Language, 'en'>] ?? {};
    return Object.keys(this.english).filter((key) => !(key in catalog));
  }
}

/**
 * Defines the messages of an element: the English catalog (its keys are the
 * message ids, and its types those of every translation) and the
 * translations into the other {@link LANGUAGES}.
 *
 * ```ts
 * const messages = defineMessages(
 *   { bold: 'Bold', words: (count: number, shown: string) => `${shown} ${count === 1 ? 'word' : 'words'}` },
 *   { de: { bold: 'Fett', words: (count, shown) => `${shown} ${count === 1 ? 'Wort' : 'Wörter'}` } },
 * );
 * messages.translator('de')('words', 3, '3'); // "3 Wörter"
 * ```
 */
export function defineMessages<C extends MessageCatalog>(english: C, translations: Translations<C>): MessageBundle<C> {
  for (const language of LANGUAGES) {
    if (language !== FALLBACK_LANGUAGE && typeof translations[language as Exclude<Language, 'en'>] !== 'object') {
      throw new TypeError(`defineMessages: the translations lack the language "${language}".`);
    }
  }
  return new MessageBundle(english, translations);
}
