import { defineOnce } from './shared/define.js';
import { IkContactCard } from './contact-card/contact-card.js';
import { IkManifestoCard } from './manifesto-card/manifesto-card.js';

export { IkContactCard };
export { IkManifestoCard };
export type { ManifestoConfig } from './manifesto-card/manifesto-card.config.js';
export type { ContactConfig } from './contact-card/contact-card.config.js';
export type { ConfigErrorDetail } from './shared/config.js';

defineOnce('ik-contact-card', IkContactCard);
defineOnce('ik-manifesto-card', IkManifestoCard);

declare global {
  interface HTMLElementTagNameMap {
    'ik-contact-card': IkContactCard;
    'ik-manifesto-card': IkManifestoCard;
  }
}
