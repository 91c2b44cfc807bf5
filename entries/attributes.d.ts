/**
 * The elements' attributes and their `config` property as a framework's props, written once for
 * react.d.ts and vue.d.ts (each adds its own names for the events). Types only.
 */
import type { ContactConfig, ManifestoConfig, ShareConfig } from '../dist/types/index.js';

/** What every widget takes. */
export interface WidgetAttributes<Config> {
  /** Configuration from script; an object, set as the `config` property (never as an attribute). */
  config?: Partial<Config>;
  lang?: string;
  'data-config'?: string;
  'data-config-src'?: string;
  'heading-level'?: number | string;
}

export interface ContactCardAttributes extends WidgetAttributes<ContactConfig> {
  name?: string;
  /** The person's role. Frameworks use `person-role`: the card removes a `role` attribute (an ARIA attribute), which hydration then reports. */
  'person-role'?: string;
  phone?: string;
  email?: string;
}

export type ManifestoCardAttributes = WidgetAttributes<ManifestoConfig>;

export interface ShareFormAttributes extends WidgetAttributes<ShareConfig> {
  endpoint?: string;
  url?: string;
  'page-title'?: string;
  /** Milliseconds to wait for the endpoint; default 15,000. */
  timeout?: number;
}
