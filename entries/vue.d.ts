/**
 * Vue 3 types: the tags as global components, so that Vue's template type-checking (vue-tsc,
 * Volar) knows `:config`, the plain attributes and the `@ik-*` events. Types only:
 *
 *     import type {} from 'industrikommun-widgets/vue';
 *
 * At run time the tags are custom elements: tell Vue's compiler so (docs/frameworks.md).
 */
import type { DefineComponent } from 'vue';
import type { ContactConfig, IkEventMap, ManifestoConfig, ShareConfig } from '../dist/types/index.js';

type Listener<Type extends keyof IkEventMap> = (event: IkEventMap[Type]) => void;

interface WidgetProps<Config> {
  /** Configuration from script: `:config="…"` sets the `config` property. */
  config?: Partial<Config>;
  lang?: string;
  'data-config'?: string;
  'data-config-src'?: string;
  'heading-level'?: number | string;
  onIkConfigError?: Listener<'ik-config-error'>;
}

export interface IkContactCardProps extends WidgetProps<ContactConfig> {
  name?: string;
  /** The person's role (the card removes a `role` attribute after reading it; frameworks use this one). */
  'person-role'?: string;
  phone?: string;
  email?: string;
}

export interface IkShareFormProps extends WidgetProps<ShareConfig> {
  endpoint?: string;
  url?: string;
  'page-title'?: string;
  timeout?: number;
  onIkShareSubmit?: Listener<'ik-share-submit'>;
  onIkShareSuccess?: Listener<'ik-share-success'>;
  onIkShareError?: Listener<'ik-share-error'>;
}

declare module 'vue' {
  interface GlobalComponents {
    'ik-contact-card': DefineComponent<IkContactCardProps>;
    'ik-manifesto-card': DefineComponent<WidgetProps<ManifestoConfig>>;
    'ik-share-form': DefineComponent<IkShareFormProps>;
  }
}
