import { defineOnce } from './shared/define.js';
import { IkContactCard } from './contact-card/contact-card.js';
import { IkShareForm } from './share-form/share-form.js';
import { IkManifestoCard } from './manifesto-card/manifesto-card.js';

export { IkContactCard };
export { IkManifestoCard };
export type { ManifestoConfig } from './manifesto-card/manifesto-card.config.js';
export type { ContactConfig } from './contact-card/contact-card.config.js';
export type { ConfigErrorDetail } from './shared/config.js';
export { IkShareForm };
export type { ShareConfig } from './share-form/share-form.config.js';
export type { SharePayload, ShareErrorDetail } from './share-form/share-form.js';

defineOnce('ik-contact-card', IkContactCard);
defineOnce('ik-share-form', IkShareForm);
defineOnce('ik-manifesto-card', IkManifestoCard);

declare global {
  interface HTMLElementTagNameMap {
    'ik-contact-card': IkContactCard;
    'ik-share-form': IkShareForm;
    'ik-manifesto-card': IkManifestoCard;
  }
}
