import { defineOnce } from './shared/define.js';
import { IkContactCard } from './contact-card/contact-card.js';

export { IkContactCard };
export type { ContactConfig } from './contact-card/contact-card.config.js';
export type { ConfigErrorDetail } from './shared/config.js';

defineOnce('ik-contact-card', IkContactCard);

declare global {
  interface HTMLElementTagNameMap {
    'ik-contact-card': IkContactCard;
  }
}
