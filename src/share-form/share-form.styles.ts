import { css } from 'lit';

export const shareStyles = css`
  .field {
    margin-bottom: 1rem;
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
  [role='alert'] {
    border: 3px solid var(--_ik-error);
  }
  [role='alert'] {
    padding: 0.75rem;
    margin-bottom: 1rem;
  }
  /* The honeypot and the spoken character count: out of sight; the count is still read. */
  .offscreen {
    position: absolute;
    left: -9999px;
  }
  [part='tools'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    margin: 1rem 0;
  }
`;
