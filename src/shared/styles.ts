import { css, html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/**
 * What every card shares. Text inherits the host page's font; every colour and
 * size is an `--ik-*` custom property with a fallback, so a site can brand the
 * widgets without touching their internals. Nothing moves (no animation, no
 * transition), so `prefers-reduced-motion` needs no rule of its own.
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
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .card {
    /* The page's font, colour and size come through; its other text quirks on body or * do not. */
    text-transform: none;
    letter-spacing: normal;
    word-spacing: normal;
    white-space: normal;
    text-indent: 0;
    text-align: start;
    text-shadow: none;
    border: var(--ik-border-width, 1px) solid var(--ik-color-border, #8c8c8c);
    border-radius: var(--ik-radius, 0.25rem);
    background: var(--ik-color-background, transparent);
    padding: var(--ik-space, 1rem);
  }
  .card__heading {
    margin: 0 0 0.75rem;
    font-size: var(--ik-heading-size, 1.375em);
    line-height: 1.25;
  }
  p {
    margin: 0 0 0.5rem;
  }
  a {
    color: var(--ik-color-link, #0b57a4);
    text-underline-offset: 0.15em;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 2px solid var(--ik-color-accent, #0b57a4);
    border-radius: var(--ik-radius, 0.25rem);
    background: var(--ik-color-accent, #0b57a4);
    color: var(--ik-color-on-accent, #fff);
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--ik-color-accent, #0b57a4);
  }
  :focus-visible {
    outline: 3px solid var(--ik-color-focus, #ca3f00);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .card,
    button {
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
export function heading(level: number, content: unknown, lang?: string): TemplateResult {
  switch (level) {
    case 1: return html`<h1 class="card__heading" part="heading" lang=${ifDefined(lang)}>${content}</h1>`;
    case 3: return html`<h3 class="card__heading" part="heading" lang=${ifDefined(lang)}>${content}</h3>`;
    case 4: return html`<h4 class="card__heading" part="heading" lang=${ifDefined(lang)}>${content}</h4>`;
    case 5: return html`<h5 class="card__heading" part="heading" lang=${ifDefined(lang)}>${content}</h5>`;
    case 6: return html`<h6 class="card__heading" part="heading" lang=${ifDefined(lang)}>${content}</h6>`;
    default: return html`<h2 class="card__heading" part="heading" lang=${ifDefined(lang)}>${content}</h2>`;
  }
}

/** Shown until the configuration is valid: the editor's own light-DOM content. */
export const fallback = html`<slot></slot>`;
