import { css, html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Dir } from './lang.js';

/**
 * What every card shares. Text inherits the host page's font; every colour and
 * size is an `--ik-*` custom property with a fallback, so a site can brand the
 * widgets without touching their internals. Nothing moves (no animation, no
 * transition), so `prefers-reduced-motion` needs no rule of its own.
 *
 * Colours follow the host page's `color-scheme` (inherited into the shadow
 * root): `light-dark()` picks each default, AA on white and on a dark page
 * alike; an `--ik-*` property set by the site still wins. The defaults are
 * named once here (private `--_ik-*` properties) and used by every element's styles.
 *
 * A reader's own text spacing (WCAG 1.4.12, set on the page's body) reaches
 * the text: letter and word spacing are inherited, fields and buttons
 * included, and every line height is at least 1.5.
 *
 * No `container-type` on the host: a size container per card makes the browser
 * interleave style and layout for each one, ~20 % slower on a page of 1,000
 * cards (BENCHMARKS.md); layouts that follow the card's width use flex-wrap.
 */
export const baseStyles = css`
  :host {
    display: block;
    font-family: var(--ik-font-family, inherit);
    color: var(--ik-color-text, inherit);
    line-height: var(--ik-line-height, 1.5);
    /* Long words and addresses wrap where they must; a word that fits its line is never broken. \`anywhere\`, not
       \`break-word\`: only it lowers the card's min-content width, which sizes a grid track or flex item on the host
       page, so that a long address or Finnish compound word cannot make the card wider than its column. */
    overflow-wrap: anywhere;
    --_ik-muted: var(--ik-color-muted, light-dark(#595959, #b8b8b8));
    --_ik-link: var(--ik-color-link, light-dark(#0b57a4, #8ab4f8));
    --_ik-accent: var(--ik-color-accent, light-dark(#0b57a4, #8ab4f8));
    --_ik-on-accent: var(--ik-color-on-accent, light-dark(#fff, #0b1b33));
    --_ik-border: var(--ik-color-border, #8c8c8c);
    --_ik-focus: var(--ik-color-focus, light-dark(#ca3f00, #ff9e5e));
    --_ik-error: var(--ik-color-error, light-dark(#b3261e, #ff8a80));
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  /* Flex items may be narrower than their longest word, so that in a narrow column that word wraps
     (overflow-wrap) rather than stick out; an item that does not fit its row still moves to the next. */
  :where(.card *) {
    min-width: 0;
  }
  .card {
    /* The page's font, colour, size and a reader's letter and word spacing come through; its other text quirks do not. */
    text-transform: none;
    white-space: normal;
    text-indent: 0;
    text-align: start;
    text-shadow: none;
    border: var(--ik-border-width, 1px) solid var(--_ik-border);
    border-radius: var(--ik-radius, 0.25rem);
    background: var(--ik-color-background, transparent);
    padding: var(--ik-space, 1rem);
  }
  .card__heading {
    margin: 0 0 0.75rem;
    font-size: var(--ik-heading-size, 1.375em);
    hyphens: auto;
  }
  p {
    margin: 0 0 0.5rem;
  }
  a {
    color: var(--_ik-link);
    text-underline-offset: 0.15em;
  }
  button,
  input,
  textarea {
    /* Form controls do not inherit these by default; a reader's text spacing must reach them too. */
    letter-spacing: inherit;
    word-spacing: inherit;
  }
  /* A link that is the main action (the share form's mail link) looks like the primary button it is. */
  button,
  .button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--_ik-accent);
    border-radius: var(--ik-radius, 0.25rem);
    background: var(--_ik-accent);
    color: var(--_ik-on-accent);
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--_ik-accent);
  }
  :focus-visible {
    outline: 3px solid var(--_ik-focus);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .card,
    button,
    .button {
      border-color: CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;

/**
 * The card's heading at the level the host page's outline needs. Six small
 * templates cost fewer bytes than lit's static-html, which a dynamic tag needs.
 */
export function heading(level: number, content: unknown, lang?: string, dir?: Dir): TemplateResult {
  switch (level) {
    case 1:
      return html`<h1 class="card__heading" part="heading" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${content}</h1>`;
    case 3:
      return html`<h3 class="card__heading" part="heading" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${content}</h3>`;
    case 4:
      return html`<h4 class="card__heading" part="heading" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${content}</h4>`;
    case 5:
      return html`<h5 class="card__heading" part="heading" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${content}</h5>`;
    case 6:
      return html`<h6 class="card__heading" part="heading" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${content}</h6>`;
    default:
      return html`<h2 class="card__heading" part="heading" lang=${ifDefined(lang)} dir=${ifDefined(dir)}>${content}</h2>`;
  }
}

/** Shown until the configuration is valid: the editor's own light-DOM content. */
export const fallback = html`<slot></slot>`;
