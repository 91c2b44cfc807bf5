import { css } from '@lit/reactive-element/css-tag.js';

export const contactStyles = css`
  .card__body {
    display: grid;
    gap: 1rem;
  }
  @container (min-width: 36rem) {
    .card__body {
      grid-template-columns: 1fr 1fr;
    }
  }
  .card__name {
    font-weight: 700;
    margin: 0;
  }
  .card__role,
  .card__label {
    margin: 0 0 0.5rem;
    color: var(--ik-color-muted, #595959);
  }
  .card__label {
    margin: 0.5rem 0 0;
    font-size: 0.875em;
  }
  .card__address {
    font-style: normal;
  }
  .card__details {
    margin: 0.5rem 0 0;
  }
  .card__row {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.5rem;
  }
  dt {
    color: var(--ik-color-muted, #595959);
    min-width: 5.5rem;
  }
  dt::after {
    content: ':';
  }
  dd {
    margin: 0;
  }
  .card__save {
    margin-top: 1rem;
  }
`;
