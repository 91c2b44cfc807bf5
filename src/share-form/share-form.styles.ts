import { css } from 'lit';

export const shareStyles = css`
  .field {
    margin-block-end: 1rem;
  }
  .field p {
    margin: 0;
  }
  label {
    display: block;
    font-weight: 700;
  }
  /* The browser's own field colours stay: they are readable on any page background. */
  input,
  textarea {
    display: block;
    font: inherit;
    width: 100%;
    min-height: 2.75rem;
    margin: 0.25rem 0;
    padding: 0.5rem;
    border: 2px solid;
    border-radius: var(--ik-radius, 0.25rem);
  }
  .error {
    color: var(--_ik-error);
    font-weight: 700;
  }
  [aria-invalid='true'],
  .summary {
    border: 3px solid var(--_ik-error);
  }
  /* GOV.UK's error summary, notification banner and confirmation panel: each a box with a bold title. */
  .summary,
  .banner,
  .panel {
    padding: 0.75rem;
    margin-block-end: 1rem;
  }
  .summary__title,
  .banner__title,
  .panel__title,
  .banner__heading {
    font-weight: 700;
    font-size: 1.125em;
    margin: 0 0 0.5rem;
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }
  .banner {
    border: 3px solid var(--_ik-accent);
    padding: 0;
  }
  .banner__title {
    font-size: 1em;
    margin: 0;
    padding: 0.125rem 0.75rem 0.25rem;
    background: var(--_ik-accent);
    color: var(--_ik-on-accent);
  }
  .banner__body {
    padding: 0.75rem;
  }
  .banner__body p:last-child {
    margin: 0;
  }
  .panel p {
    margin-block-end: 0.75rem;
  }
  .panel {
    text-align: center;
    padding: 1.25rem 0.75rem;
    border: 3px solid transparent;
    background: var(--_ik-accent);
    color: var(--_ik-on-accent);
  }
  .panel__title {
    font-size: 1.5em;
    line-height: 1.25;
  }
  /* The panel's own button: the panel's colours turned round, so it stands out on the accent. */
  .panel button {
    background: var(--_ik-on-accent);
    border-color: var(--_ik-on-accent);
    color: var(--_ik-accent);
  }
  /* The mail-client mode's main action: a link with the primary button's look (base styles). */
  a.button {
    display: inline-flex;
    align-items: center;
    text-decoration: none;
  }
  [part='privacy'] {
    margin: 0 0 1rem;
  }
  @media (forced-colors: active) {
    .banner,
    .panel,
    .panel button {
      border-color: CanvasText;
    }
    .banner__title {
      border-block-end: 1px solid CanvasText;
    }
  }
  /* The honeypot and the spoken character count: out of sight; the count is still read. Clipped rather than moved
     off to one side, which in a right-to-left card (or page) would be the side that scrolls. */
  .offscreen {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  [part='tools'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 1rem 0;
  }
`;
