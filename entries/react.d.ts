/**
 * JSX types for React 19: `<ik-contact-card config={…}>` and the other tags type-check, with
 * each property and `onik-*` event typed. Types only (react stays your own dependency):
 *
 *     import type {} from 'industrikommun-widgets/react';
 *
 * React 19 sets `config` and `timeout` as properties and adds `onik-*` listeners on a defined
 * element in a client render; its hydration does neither (docs/frameworks.md shows the pattern).
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { ContactConfig, IkContactCard, IkEventMap, IkManifestoCard, IkShareForm, ManifestoConfig, ShareConfig } from '../dist/types/index.js';

type Listener<Type extends keyof IkEventMap> = (event: IkEventMap[Type]) => void;

/** What every widget takes. */
interface WidgetProps<Config> {
  /** Configuration from script; an object, set as the `config` property (never as an attribute). */
  config?: Partial<Config>;
  'data-config'?: string;
  'data-config-src'?: string;
  'heading-level'?: number | string;
  'onik-config-error'?: Listener<'ik-config-error'>;
}

type Tag<Element, Props> = DetailedHTMLProps<HTMLAttributes<Element>, Element> & Props;

export interface IkContactCardProps extends WidgetProps<ContactConfig> {
  name?: string;
  /** The person's role. Frameworks use `person-role`: the card removes a `role` attribute, which React's hydration reports. */
  'person-role'?: string;
  phone?: string;
  email?: string;
}

export interface IkShareFormProps extends WidgetProps<ShareConfig> {
  endpoint?: string;
  url?: string;
  'page-title'?: string;
  /** Milliseconds to wait for the endpoint; default 15,000. */
  timeout?: number;
  'onik-share-submit'?: Listener<'ik-share-submit'>;
  'onik-share-success'?: Listener<'ik-share-success'>;
  'onik-share-error'?: Listener<'ik-share-error'>;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ik-contact-card': Tag<IkContactCard, IkContactCardProps>;
      'ik-manifesto-card': Tag<IkManifestoCard, WidgetProps<ManifestoConfig>>;
      'ik-share-form': Tag<IkShareForm, IkShareFormProps>;
    }
  }
}
