import { css } from 'lit';

// Selected by part name: the parts are public anyway, and a class beside each would be bytes twice.
export const manifestoStyles = css`
  [part=lead] {
    font-size: 1.125em;
  }
  ul {
    margin: 0 0 .75rem;
    padding-inline-start: 1.25em;
  }
  [part=figures] {
    /* Side by side while each gets 14rem, else stacked: no query needed. */
    display: flex;
    flex-wrap: wrap;
    gap: .75rem 1.5rem;
    padding: 0;
    list-style: none;
  }
  li {
    flex: 1 1 14rem;
  }
  strong {
    font-size: 2em;
    color: var(--_ik-accent);
  }
  b {
    display: block;
  }
  [part=reviewed] {
    font-size: .875em;
    color: var(--_ik-muted);
  }
`;
