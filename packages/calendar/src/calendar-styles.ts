import { css } from 'lit';

/** Hour height of the week and day views, in pixels. */
export const HOUR_HEIGHT = 48;

/** Styles of `<allmende-calendar>`. */
export const calendarStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    height: var(--allmende-calendar-height, 44rem);
    min-height: 20rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    overflow: hidden;
    --_line: color-mix(in srgb, var(--_border) 70%, transparent);
    --_today: var(--_accent);
    --_now: #d93025;
  }
  button {
    font: inherit;
    color: inherit;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  header.top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_border);
  }
  .tb {
    min-height: 2.25rem;
    padding: 0 0.8rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_bg);
    cursor: pointer;
  }
  .tb:hover {
    background: var(--_hover);
  }
  .tb.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--allmende-accent-fg, #fff);
    font-weight: 600;
  }
  .icon {
    width: 2.25rem;
    height: 2.25rem;
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: transparent;
    font-size: 1.2rem;
    cursor: pointer;
  }
  .icon:hover {
    background: var(--_hover);
  }
  h2.period {
    margin: 0 0.5rem 0 0.25rem;
    font-size: 1.25rem;
    font-weight: 500;
    white-space: nowrap;
  }
  header.top input[type='date'] {
    width: 9.5rem;
  }
  header.top input[type='date'],
  header.top select {
    min-height: 2.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    padding: 0 0.4rem;
  }
  .grow {
    flex: 1;
  }
  .meta {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  [part='access'] {
    padding: 0.1rem 0.5rem;
    border-radius: 999px;
    background: var(--_hover);
    font-size: 0.85rem;
  }
  .body {
    display: flex;
    flex: 1;
    min-height: 0;
  }
  aside {
    width: 13rem;
    flex: none;
    padding: 0.75rem;
    border-right: 1px solid var(--_border);
    overflow: auto;
  }
  aside h3 {
    margin: 0 0 0.5rem;
    font-size: 0.9rem;
  }
  aside ul {
    list-style: none;
    margin: 0 0 0.75rem;
    padding: 0;
  }
  aside li {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2rem;
  }
  aside li label {
    display: flex;
    flex: 1;
    min-width: 0;
    align-items: center;
    gap: 0.5rem;
    cursor: pointer;
  }
  /* A long name ends in an ellipsis (the whole name is its tooltip and the checkbox's label). */
  aside li label span {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  aside input[type='checkbox'] {
    width: 1.1rem;
    height: 1.1rem;
    margin: 0;
    accent-color: var(--_cal);
  }
  aside .small {
    display: block;
    width: 100%;
    margin: 0.25rem 0;
    text-align: left;
    border-radius: var(--_radius);
  }
  aside .edit {
    width: 1.75rem;
    height: 1.75rem;
    font-size: 0.9rem;
  }
  main.view {
    position: relative;
    display: flex;
    flex-direction: column;
    flex: 1;
    min-width: 0;
    min-height: 0;
  }
  [role='gridcell']:focus-visible,
  [role='columnheader']:focus-visible,
  .ev:focus-visible,
  .more:focus-visible,
  .slot:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
    z-index: 5;
  }

  /* Month */
  .month {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
  }
  .month .dow {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    border-bottom: 1px solid var(--_line);
  }
  .month .dow span {
    padding: 0.35rem 0;
    text-align: center;
    font-size: 0.75rem;
    font-weight: 600;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .month .weeks {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
  }
  .month .week {
    display: grid;
    grid-template-columns: repeat(7, minmax(0, 1fr));
    flex: 1;
    min-height: 4.5rem;
    border-bottom: 1px solid var(--_line);
  }
  .month .cell {
    /* Sized by the grid alone (bars overflow into the next cells, so no paint containment). */
    contain: size layout style;
    position: relative;
    min-width: 0;
    border-right: 1px solid var(--_line);
    cursor: default;
  }
  .month .cell:last-child {
    border-right: 0;
  }
  .month .cell.other .daynum {
    color: var(--_muted);
  }
  .month .cell.weekend {
    background: color-mix(in srgb, var(--_hover) 45%, transparent);
  }
  .daynum {
    display: flex;
    justify-content: center;
    padding-top: 0.25rem;
    height: 1.5rem;
    font-size: 0.8rem;
  }
  .daynum span {
    display: inline-grid;
    place-items: center;
    min-width: 1.5rem;
    height: 1.5rem;
    border-radius: 999px;
  }
  .today .daynum span,
  .colhead.today .num {
    background: var(--_today);
    color: var(--allmende-accent-fg, #fff);
    font-weight: 600;
  }
  .ev {
    position: absolute;
    box-sizing: border-box;
    /* Each event's text is laid out on its own: hundreds of them in a view must not relayout each other. */
    contain: layout paint style;
    overflow: hidden;
    border-radius: 4px;
    font-size: 0.78rem;
    line-height: 1.25;
    white-space: nowrap;
    text-overflow: ellipsis;
    cursor: pointer;
    user-select: none;
    z-index: 2;
  }
  .ev.bar {
    height: 1.25rem;
    padding: 0 0.4rem;
    background: var(--_cal);
    color: #fff;
    font-weight: 500;
    line-height: 1.25rem;
  }
  .ev.bar.cont-before {
    border-top-left-radius: 0;
    border-bottom-left-radius: 0;
  }
  .ev.bar.cont-after {
    border-top-right-radius: 0;
    border-bottom-right-radius: 0;
  }
  .ev.dot {
    height: 1.25rem;
    padding: 0 0.3rem;
    line-height: 1.25rem;
    color: var(--_fg);
  }
  .ev.dot::before {
    content: '';
    display: inline-block;
    width: 0.5rem;
    height: 0.5rem;
    margin-right: 0.3rem;
    border-radius: 50%;
    background: var(--_cal);
    vertical-align: 0.05rem;
  }
  .ev.dot:hover {
    background: var(--_hover);
  }
  .ev .time:empty {
    display: none;
  }
  .ev .time {
    margin-right: 0.25rem;
    color: var(--_muted);
  }
  .ev.bar .time {
    color: inherit;
  }
  /* Drawing a new event across days selects days, not the text in them. */
  .view.editable .month .cell,
  .view.editable .alldaycell {
    user-select: none;
  }
  /* Touch drags move and resize events instead of scrolling the view. */
  .view.editable .ev {
    touch-action: none;
  }
  .ev.selected {
    box-shadow: 0 0 0 2px var(--_bg), 0 0 0 4px var(--_accent);
    z-index: 6;
  }
  .ev.grabbed {
    opacity: 0.85;
    box-shadow: 0 4px 12px rgb(0 0 0 / 0.3);
    z-index: 7;
  }
  .ev.remote {
    outline: 2px dashed var(--_remote);
    outline-offset: 1px;
  }
  .ev .who {
    position: absolute;
    right: 2px;
    top: 1px;
    padding: 0 0.25rem;
    border-radius: 3px;
    background: var(--_remote);
    color: #fff;
    font-size: 0.68rem;
    line-height: 1.1rem;
  }
  .more {
    position: absolute;
    left: 2px;
    right: 2px;
    height: 1.25rem;
    padding: 0 0.3rem;
    border: 0;
    border-radius: 4px;
    background: transparent;
    font-size: 0.78rem;
    font-weight: 600;
    text-align: left;
    cursor: pointer;
    z-index: 3;
  }
  .more:hover {
    background: var(--_hover);
  }

  /* Week and day */
  .tg {
    display: flex;
    flex-direction: column;
    flex: 1;
    min-height: 0;
  }
  .tg .stick {
    position: sticky;
    top: 0;
    z-index: 10;
    background: var(--_bg);
  }
  .tg .headrow,
  .tg .alldayrow {
    display: grid;
    grid-template-columns: 4rem repeat(var(--_days), minmax(0, 1fr));
    box-sizing: border-box;
    border-bottom: 1px solid var(--_line);
  }
  .tg .headrow {
    height: 4rem;
  }
  .colhead {
    display: flex;
    flex-direction: column;
    align-items: center;
    padding: 0.35rem 0 0.25rem;
    border-left: 1px solid var(--_line);
  }
  .colhead .wd {
    font-size: 0.72rem;
    font-weight: 600;
    text-transform: uppercase;
    color: var(--_muted);
  }
  .colhead.today .wd {
    color: var(--_today);
  }
  .colhead .num {
    display: grid;
    place-items: center;
    min-width: 2.3rem;
    height: 2.3rem;
    border-radius: 999px;
    font-size: 1.35rem;
  }
  .gutter {
    font-size: 0.7rem;
    color: var(--_muted);
    text-align: right;
    padding-right: 0.4rem;
    align-self: end;
  }
  .alldaycell {
    position: relative;
    min-height: 1.6rem;
    border-left: 1px solid var(--_line);
  }
  .tg .scroll {
    position: relative;
    flex: 1;
    overflow-y: auto;
    overflow-x: hidden;
  }
  .tg .slots {
    /* 24 hours high whatever the cells hold, so the 336 cells are laid out apart from the rest of the view. */
    contain: size layout style;
    height: calc(var(--_hour) * 24);
    display: grid;
    grid-template-columns: 4rem repeat(var(--_days), minmax(0, 1fr));
    /* The hour and half-hour lines are backgrounds of the grid, not borders of 336 cells (the day lines and weekend
       shading are the day columns' over it), so a page switch leaves the grid's paint alone. */
    --_half: color-mix(in srgb, var(--_line) 45%, transparent);
    background:
      linear-gradient(var(--_line) 0 1px, transparent 1px) 4rem 0 / calc(100% - 4rem) var(--_hour) repeat-y,
      linear-gradient(var(--_half) 0 1px, transparent 1px) 4rem calc(var(--_hour) / 2) / calc(100% - 4rem) var(--_hour) repeat-y;
  }
  .tg .slotrow {
    display: contents;
  }
  .hourlabel {
    position: relative;
    height: calc(var(--_hour) / 2);
    box-sizing: border-box;
  }
  .hourlabel span {
    position: absolute;
    top: -0.5rem;
    right: 0.4rem;
    font-size: 0.7rem;
    color: var(--_muted);
  }
  .slot {
    contain: strict;
    height: calc(var(--_hour) / 2);
  }
  .layer {
    position: absolute;
    z-index: 1;
    left: 4rem;
    right: 0;
    height: calc(var(--_hour) * 24);
    pointer-events: none;
  }
  .layer {
    contain: size layout style;
    /* Each layer is composited: showing the page rendered ahead (time-grid-layer.ts) is an opacity change. */
    will-change: opacity;
  }
  /* The page rendered ahead: laid out and painted while the browser is idle, shown by the next page switch.
     Transparent and under the slot grid (the pointer reaches the slots), rather than hidden: showing it changes no
     inherited property (visibility would restyle every box of both layers) and paints nothing again. */
  .layer.ahead {
    opacity: 0;
    z-index: -1;
  }
  .daycol {
    /* Sized by its position alone: the boxes in one day never make the other days or the slot grid relayout. */
    contain: size layout style;
    position: absolute;
    top: 0;
    bottom: 0;
    box-sizing: border-box;
    border-left: 1px solid var(--_line);
  }
  .daycol.weekend {
    background: color-mix(in srgb, var(--_hover) 45%, transparent);
  }
  .tg .ev.box {
    /* The inline style places a box by left and right in per cent (time-grid-view.ts); the margins are the gaps between boxes. */
    margin: 0 2px 0 1px;
    padding: 0.15rem 0.35rem;
    font-weight: 600;
    border: 1px solid var(--_bg);
    border-left: 4px solid var(--_cal);
    background: color-mix(in srgb, var(--_cal) 22%, var(--_bg));
    color: var(--_fg);
    /* The title, a line break, the start time (one text node, see time-grid-view.ts). */
    white-space: pre-line;
    pointer-events: auto;
  }
  /* Short and narrow boxes are one line: every wrapped line is layout work in each page switch. */
  .tg .ev.box.short,
  .tg .ev.box.narrow {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .tg .ev.box.short {
    padding: 0 0.35rem;
    font-size: 0.72rem;
  }
  /* Over the top 6 px of a box that starts on this day (set while the pointer hovers there): the top edge resizes. */
  .tg .ev.box.at-top {
    cursor: ns-resize;
  }
  .view.editable .tg .ev.box.grip:hover::before {
    content: '';
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    height: 6px;
    cursor: ns-resize;
  }
  .tg .ev.preview {
    border-style: dashed;
    opacity: 0.9;
  }
  .nowline {
    position: absolute;
    left: 0;
    right: 0;
    height: 2px;
    background: var(--_now);
    z-index: 8;
    pointer-events: none;
  }
  .nowline::before {
    content: '';
    position: absolute;
    left: -6px;
    top: -5px;
    width: 12px;
    height: 12px;
    border-radius: 50%;
    background: var(--_now);
  }

  /* Agenda and year */
  .agenda {
    flex: 1;
    overflow: auto;
    padding: 0.5rem 1rem;
  }
  .agenda ul.days {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .agenda li.day {
    display: grid;
    grid-template-columns: 9rem 1fr;
    gap: 0.75rem;
    padding: 0.5rem 0;
    border-bottom: 1px solid var(--_line);
  }
  .agenda .date {
    font-weight: 600;
  }
  .agenda li.day.today .date {
    color: var(--_today);
  }
  .agenda ul.items {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .agenda ul.items li {
    display: flex;
    gap: 0.75rem;
    align-items: baseline;
    padding: 0.2rem 0.35rem;
    border-radius: 4px;
    cursor: pointer;
  }
  .agenda ul.items li:hover,
  .agenda ul.items li:focus-visible {
    background: var(--_hover);
  }
  .agenda .swatch {
    flex: none;
    width: 0.6rem;
    height: 0.6rem;
    border-radius: 50%;
    background: var(--_cal);
  }
  .agenda .when {
    flex: none;
    width: 9rem;
    color: var(--_muted);
  }
  .empty {
    padding: 2rem;
    text-align: center;
    color: var(--_muted);
  }
  .year {
    flex: 1;
    overflow: auto;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 1rem 1.5rem;
    padding: 1rem;
  }
  .year h3 {
    margin: 0 0 0.35rem;
    font-size: 0.95rem;
  }
  .year table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.75rem;
    text-align: center;
  }
  .year th {
    font-weight: 600;
    color: var(--_muted);
  }
  .year td button {
    width: 1.8rem;
    height: 1.8rem;
    border: 0;
    border-radius: 50%;
    background: transparent;
    font-size: 0.75rem;
    cursor: pointer;
  }
  .year td button.busy {
    font-weight: 700;
    background: color-mix(in srgb, var(--_accent) 18%, transparent);
  }
  .year td button.today {
    background: var(--_today);
    color: var(--allmende-accent-fg, #fff);
  }
  .year td.other {
    visibility: hidden;
  }

  footer {
    display: flex;
    align-items: center;
    gap: 1rem;
    padding: 0.25rem 0.75rem;
    border-top: 1px solid var(--_border);
    font-size: 0.8rem;
    color: var(--_muted);
  }
  [part='notice'] {
    display: none;
  }
  [part='notice'].shown {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    padding: 0.4rem 0.75rem;
    background: #fff4e5;
    color: #5f3b00;
    border-bottom: 1px solid #f0c987;
  }
  .dialog-grid {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0 0.75rem;
  }
  .dialog-grid .wide {
    grid-column: 1 / -1;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    align-items: center;
    margin-bottom: 0.5rem;
  }
  .row input[type='date'],
  .row input[type='time'],
  .row input[type='number'],
  .row input[type='email'],
  .row input[type='text'],
  .row select,
  .field input[type='date'],
  .field input[type='time'],
  .field input[type='color'] {
    min-height: 2.25rem;
    padding: 0.2rem 0.4rem;
    border: 1px solid var(--_muted);
    border-radius: calc(var(--_radius) - 2px);
    background: var(--_bg);
    color: var(--_fg);
    font: inherit;
    font-weight: 400;
  }
  .days-picker {
    display: flex;
    gap: 0.25rem;
  }
  .days-picker label {
    position: relative;
    cursor: pointer;
  }
  .days-picker span {
    display: grid;
    place-items: center;
    width: 2.25rem;
    height: 2.25rem;
    box-sizing: border-box;
    border: 1px solid var(--_border);
    border-radius: 50%;
    font-size: 0.75rem;
  }
  .days-picker input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
  }
  .days-picker input:checked + span {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--allmende-accent-fg, #fff);
    font-weight: 700;
  }
  .days-picker input:focus-visible + span {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 0.75rem;
    padding: 0.5rem 0.75rem;
  }
  legend {
    font-size: 0.9rem;
    font-weight: 600;
  }
  .modes {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }
  .warnings {
    margin: 0.25rem 0 0.75rem;
    padding-left: 1.25rem;
    font-size: 0.85rem;
  }

  @media (max-width: 48rem) {
    aside {
      display: none;
    }
  }

  @media print {
    :host {
      height: auto;
      border: 0;
      overflow: visible;
    }
    header.top > :not(h2),
    aside,
    footer,
    [part='notice'] {
      display: none !important;
    }
    header.top {
      border: 0;
    }
    .body,
    main.view,
    .tg,
    .month,
    .month .weeks {
      display: block;
      overflow: visible;
    }
    .month .week {
      min-height: 6.5rem;
      break-inside: avoid;
    }
    .tg .scroll {
      overflow: visible;
    }
    .tg .stick {
      position: static;
    }
    .ev.bar {
      border: 1px solid #000;
      background: #fff !important;
      color: #000;
    }
    .tg .ev.box {
      background: #fff;
      border-color: #000;
      border-left-color: var(--_cal);
    }
    .nowline,
    .layer.ahead,
    .ev .who {
      display: none;
    }
    .ev,
    .ev.dot::before,
    .tg .slots {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
  }
`;
