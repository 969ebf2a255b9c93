import { connect } from '@allmende/core';
import type { Session } from '@allmende/core';
import type { Language } from '@allmende/ui';
import { appMessages } from './app-messages.js';
import type { AppTranslate } from './app-messages.js';
import { loadDisplayName, saveDisplayName } from './identity.js';
import { loadColor, loadLanguage, localeFor, saveColor, saveLanguage } from './preferences.js';
import { DEFAULT_WORKSPACE, Workspace, workspaceDocumentName } from './workspace.js';
import { createSamples } from './workspace-samples.js';

/**
 * What every page of the app shares: who the user is (name, colour,
 * language, remembered in this browser), the relay, and the workspace with
 * its file list, kept in a session of its own. Pages read it and call
 * {@link requestRender} after a change; the app re-renders on every change
 * of the workspace too.
 */
export class AppContext {
  /** The relay serves this app, so it is reached on the same host. */
  readonly relay = `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}`;
  readonly workspace: Workspace;
  readonly workspaceSession: Session;
  name: string;
  color: string;
  language: Language;
  /** Whether the workspace list has synced with the relay once. */
  workspaceSynced = false;
  /** Content to write into a file when its page opens it: imported files, by id. */
  readonly pendingContent = new Map<string, Uint8Array>();
  #render: () => void = () => {};
  /** Shows another page of the app (set by the router). */
  navigate: (path: string) => void = (path) => location.assign(path);

  constructor() {
    this.name = loadDisplayName();
    this.color = loadColor(this.name);
    this.language = loadLanguage(browserLanguages());
    document.documentElement.lang = this.locale;
    this.workspaceSession = connect({ relay: this.relay, document: workspaceDocumentName(DEFAULT_WORKSPACE), user: { name: this.name, color: this.color } });
    this.workspace = new Workspace(this.workspaceSession.doc);
    this.workspace.observe(() => this.requestRender());
    // The samples are created only once the list is known to be empty on the relay, not just in this browser.
    void this.workspaceSession.whenSynced.then(() => {
      this.workspaceSynced = true;
      createSamples(this.workspace, this.language, this.name);
    });
  }

  /** The language tag of the page and the elements: the language, with the browser's region when it has one for it. */
  get locale(): string {
    return localeFor(this.language, browserLanguages());
  }

  /** The translate function for the current language. */
  get t(): AppTranslate {
    return appMessages.translator(this.language);
  }

  /** Sets what {@link requestRender} calls. */
  onRender(render: () => void): void {
    this.#render = render;
  }

  /** Renders the current page again. */
  requestRender(): void {
    this.#render();
  }

  /** Changes the display name (blank is ignored); the colour follows the name unless one was picked. */
  setName(name: string): void {
    this.name = saveDisplayName(name);
    this.color = loadColor(this.name);
    this.workspaceSession.setUser({ name: this.name, color: this.color });
    this.requestRender();
  }

  /** Changes the colour, if it is `#rrggbb`. */
  setColor(color: string): void {
    if (!saveColor(color)) return;
    this.color = color.toLowerCase();
    this.workspaceSession.setUser({ name: this.name, color: this.color });
    this.requestRender();
  }

  /** Switches the language of the app and the elements. */
  setLanguage(language: Language): void {
    this.language = language;
    saveLanguage(language);
    document.documentElement.lang = this.locale;
    this.requestRender();
  }
}

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}
