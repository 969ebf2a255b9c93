import '@allmende/calendar';
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { DocPageProps } from './doc-page.js';

/** A calendar: its name as the heading and the collaborative calendar, in the week view. */
export function calendarPage(props: DocPageProps): TemplateResult {
  return html`
    <main id="main" class="doc-page calendar-page" style="width: min(100% - 2rem, 90rem); margin-top: 1rem">
      <h1 tabindex="-1" class="doc-title" style="margin-bottom: 0.5rem">${props.docName}</h1>
      <allmende-calendar
        relay=${props.relay}
        document=${props.docName}
        user-name=${props.displayName}
        user-color=${props.color}
        token=${props.token || nothing}
        style="--allmende-calendar-height: max(32rem, calc(100vh - 9rem))"
      ></allmende-calendar>
    </main>
  `;
}
