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
import type { IkContactCard, IkEventMap, IkManifestoCard, IkShareForm } from '../dist/types/index.js';
import type { ContactCardAttributes, ManifestoCardAttributes, ShareFormAttributes } from './attributes.js';

type Listener<Type extends keyof IkEventMap> = (event: IkEventMap[Type]) => void;

/** The event every widget fires, as React 19 names its listener. */
interface WidgetEvents {
  'onik-config-error'?: Listener<'ik-config-error'>;
}

type Tag<Element, Props> = DetailedHTMLProps<HTMLAttributes<Element>, Element> & Props;

export interface IkContactCardProps extends ContactCardAttributes, WidgetEvents {}

export interface IkManifestoCardProps extends ManifestoCardAttributes, WidgetEvents {}

export interface IkShareFormProps extends ShareFormAttributes, WidgetEvents {
  'onik-share-submit'?: Listener<'ik-share-submit'>;
  'onik-share-success'?: Listener<'ik-share-success'>;
  'onik-share-error'?: Listener<'ik-share-error'>;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'ik-contact-card': Tag<IkContactCard, IkContactCardProps>;
      'ik-manifesto-card': Tag<IkManifestoCard, IkManifestoCardProps>;
      'ik-share-form': Tag<IkShareForm, IkShareFormProps>;
    }
  }
}
