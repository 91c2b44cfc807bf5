/**
 * What every part of the builder shares: a Lit element that renders into its own light DOM (the builder's page
 * stylesheet styles it, and its ids are the page's, for labels, links and tests), and the events the parts send
 * up to `<ik-builder>`, which holds the state and passes it down as properties.
 */
import { LitElement } from 'lit';
import { LANGUAGES } from '../src/contract/languages.js';
import type { Draft } from './builder.snippet.js';
import type { ElementReport } from './builder.check.js';
import type { Lang, Tag } from './builder.strings.js';

/** Words in the builder's language, made when shown, so that a status said once follows a change of language. */
export type Say = (lang: Lang) => string;

/** The writing direction of a content language (the contract's), for the `dir` of what is in it. */
export const directionOf = (code: string) => (LANGUAGES as Record<string, { dir: string }>)[code]?.dir ?? 'ltr';

/** A way into the draft: an object's field name, a list item's key, or a text's language. */
export type Step = string | number;

/** The settings of the snippet that are not content. */
export interface Settings {
  headingLevel: number;
  /** The language of the page the snippet goes on: its fallback content speaks it. */
  pageLang: string;
  includeScript: boolean;
  classic: boolean;
  scriptBase: string;
  /** The reservation CSS's column widths and breakpoint, in CSS px. */
  reserveWidths: { wide: number; narrow: number; breakpoint: number };
}

/** The events the parts send up, by type, with their detail. */
export interface BuilderEvents {
  /** A field of the draft changed; `commit` when the check should catch up at once (an item removed). */
  'builder-edit': { steps: Step[]; value: Draft; commit?: boolean };
  'builder-settings': Partial<Settings>;
  'builder-tag': Tag;
  /** The data-config-src as typed; `load` once the editor has left the field. */
  'builder-src': { value: string; load: boolean };
  'builder-announce': Say;
  'builder-example': undefined;
  'builder-clear': undefined;
  'builder-copy': undefined;
  'builder-check-text': string;
  'builder-check-tag': Tag | '';
  'builder-check': undefined;
  'builder-fix-quotes': undefined;
  /** "Open in the builder" on a checked element. */
  'builder-open': ElementReport;
}

export type BuilderEvent<K extends keyof BuilderEvents> = CustomEvent<BuilderEvents[K]>;

export class BuilderElement extends LitElement {
  protected override createRenderRoot() {
    return this;
  }

  /** Sends a change up to the builder; it has been handled, and the page rendered, when this returns. */
  protected emit<K extends keyof BuilderEvents>(type: K, ...[detail]: BuilderEvents[K] extends undefined ? [] : [BuilderEvents[K]]) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true }));
  }

  /** Processes a pending update now (Lit's `performUpdate`), for `<ik-builder>`'s `renderNow`. */
  flushUpdate() {
    this.performUpdate();
  }

  override connectedCallback() {
    super.connectedCallback();
    connected.add(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    connected.delete(this);
  }
}

/** The builder's elements in the document. */
const connected = new Set<BuilderElement>();

/** The first of `root` and its builder elements, in document order, with an update pending. */
export function firstPending(root: BuilderElement) {
  const pending = [...connected].filter((element) => element.isUpdatePending && root.contains(element));
  return pending.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
}
