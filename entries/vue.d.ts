/**
 * Vue 3 types: the tags as global components, so that Vue's template type-checking (vue-tsc,
 * Volar) knows `:config`, the plain attributes and the `@ik-*` events. Types only:
 *
 *     import type {} from 'industrikommun-widgets/vue';
 *
 * At run time the tags are custom elements: tell Vue's compiler so (docs/frameworks.md).
 */
import type { DefineComponent } from 'vue';
import type { IkEventMap } from '../dist/types/index.js';
import type { ContactCardAttributes, ManifestoCardAttributes, ShareFormAttributes } from './attributes.js';

type Listener<Type extends keyof IkEventMap> = (event: IkEventMap[Type]) => void;

/** The event every widget fires, as Vue names its listener (`@ik-config-error`). */
interface WidgetEvents {
  onIkConfigError?: Listener<'ik-config-error'>;
}

export interface IkContactCardProps extends ContactCardAttributes, WidgetEvents {}

export interface IkManifestoCardProps extends ManifestoCardAttributes, WidgetEvents {}

export interface IkShareFormProps extends ShareFormAttributes, WidgetEvents {
  onIkShareSubmit?: Listener<'ik-share-submit'>;
  onIkShareSuccess?: Listener<'ik-share-success'>;
  onIkShareError?: Listener<'ik-share-error'>;
}

declare module 'vue' {
  interface GlobalComponents {
    'ik-contact-card': DefineComponent<IkContactCardProps>;
    'ik-manifesto-card': DefineComponent<IkManifestoCardProps>;
    'ik-share-form': DefineComponent<IkShareFormProps>;
  }
}
