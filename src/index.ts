import { defineOnce } from './shared/define.js';
import { IkContactCard } from './contact-card/contact-card.js';
import { IkShareForm } from './share-form/share-form.js';
import { IkManifestoCard } from './manifesto-card/manifesto-card.js';

export { IkContactCard };
export { IkManifestoCard };
export type { ManifestoConfig } from './manifesto-card/manifesto-card.config.js';
export type { ContactConfig } from './contact-card/contact-card.config.js';
export type { ConfigErrorDetail } from './shared/config.js';
import type { ConfigErrorDetail } from './shared/config.js';
export { IkShareForm };
export type { ShareConfig } from './share-form/share-form.config.js';
export type { SharePayload, ShareErrorDetail } from './share-form/share-form.js';
import type { SharePayload, ShareErrorDetail } from './share-form/share-form.js';
export type { Text } from './shared/schema.js';

defineOnce('ik-contact-card', IkContactCard);
defineOnce('ik-share-form', IkShareForm);
defineOnce('ik-manifesto-card', IkManifestoCard);

/** The widgets' events with their `detail`; all bubble and are composed, so they reach the document too. */
export interface IkEventMap {
  'ik-config-error': CustomEvent<ConfigErrorDetail>;
  'ik-share-submit': CustomEvent<SharePayload>;
  'ik-share-success': CustomEvent<SharePayload>;
  'ik-share-error': CustomEvent<ShareErrorDetail>;
}

declare global {
  interface HTMLElementEventMap extends IkEventMap {}
  interface DocumentEventMap extends IkEventMap {}
  interface HTMLElementTagNameMap {
    'ik-contact-card': IkContactCard;
    'ik-share-form': IkShareForm;
    'ik-manifesto-card': IkManifestoCard;
  }
}
