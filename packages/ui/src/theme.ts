import { css } from 'lit';

/**
 * The theme shared by every Allmende element: design tokens as CSS custom
 * properties plus a few base rules (font, colours, focus ring, `[hidden]`,
 * and a `.visually-hidden` class for text only screen readers read).
 *
 * Hosts theme the elements by setting the public tokens anywhere above them,
 * for example on `:root`:
 *
 * | Token | Meaning | Default (light / dark) |
 * |---|---|---|
 * | `--allmende-font` | font stack | system UI fonts |
 * | `--allmende-fg` | text colour | `#1b1d21` / `#e8e9ec` |
 * | `--allmende-bg` | background of surfaces | `#ffffff` / `#1c1e22` |
 * | `--allmende-muted` | secondary text | `#5a5f69` / `#a3a8b3` |
 * | `--allmende-accent` | accent: pressed buttons, links | `#0b5cad` / `#7db4f0` |
 * | `--allmende-accent-fg` | text on the accent colour | `#ffffff` / `#0d1117` |
 * | `--allmende-border` | borders and dividers | `#c4c8cf` / `#4a4f59` |
 * | `--allmende-hover` | background of hovered controls | `#eef0f3` / `#2b2e34` |
 * | `--allmende-radius` | corner radius | `6px` |
 * | `--allmende-focus-ring` | outline of focused controls | `2px solid` accent |
 *
 * The dark defaults apply under `prefers-color-scheme: dark`. The defaults
 * meet WCAG 2.1 AA: text, muted text and accent have at least 4.5:1 against
 * the background (and the hover background), so the accent also works as a
 * focus ring. Borders are decorative dividers and deliberately lighter;
 * controls must not rely on them alone to be recognisable.
 *
 * Inside the elements the resolved values are read from private copies
 * (`--_fg`, `--_bg`, …) declared on each host. The public tokens are never set
 * by the elements themselves, so a value set on `:root` or any ancestor is
 * inherited and wins over the defaults.
 */
export const theme = css`
  :host {
    --_font: var(
      --allmende-font,
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Noto Sans',
      'Liberation Sans',
      Arial,
      sans-serif
    );
    --_fg: var(--allmende-fg, #1b1d21);
    --_bg: var(--allmende-bg, #ffffff);
    --_muted: var(--allmende-muted, #5a5f69);
    --_accent: var(--allmende-accent, #0b5cad);
    --_accent-fg: var(--allmende-accent-fg, #ffffff);
    --_border: var(--allmende-border, #c4c8cf);
    --_hover: var(--allmende-hover, #eef0f3);
    --_radius: var(--allmende-radius, 6px);
    --_focus-ring: var(--allmende-focus-ring, 2px solid var(--_accent));

    color-scheme: light dark;
    font-family: var(--_font);
    color: var(--_fg);
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_fg: var(--allmende-fg, #e8e9ec);
      --_bg: var(--allmende-bg, #1c1e22);
      --_muted: var(--allmende-muted, #a3a8b3);
      --_accent: var(--allmende-accent, #7db4f0);
      --_accent-fg: var(--allmende-accent-fg, #0d1117);
      --_border: var(--allmende-border, #4a4f59);
      --_hover: var(--allmende-hover, #2b2e34);
    }
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    padding: 0 !important;
    margin: -1px !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }

  :focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition-duration: 0s !important;
      animation-duration: 0s !important;
    }
  }
`;
