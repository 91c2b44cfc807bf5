/**
 * `<ik-builder>`: the snippet builder, a page of the editors' site where a CMS editor fills in a form and gets the
 * exact snippet to paste, with a live preview of the real elements, and a second tab that checks a snippet the
 * editor already has. It holds the state (builder.state.ts) and passes it down to its parts as properties
 * (builder.page.ts); the parts send changes up as events (builder.element.ts).
 */
import '../src/index.js';
import { checkSnippet, fixQuotes, type Report } from './builder.check.js';
import { BuilderElement, firstPending, type BuilderEvents, type Say, type Settings } from './builder.element.js';
import { measureCard } from './builder.measure.js';
import { builderPage } from './builder.page.js';
import {
  configToDraft,
  elementHtml,
  loadConfigSrc,
  loadIntegrity,
  loadVersion,
  seedUrls,
  snippetHtml,
  specs,
  type Fetched,
  type Integrity,
  type ObjectDraft,
} from './builder.snippet.js';
import { committedNow, formConfig, initialState, snippetParts, srcAddress, updateDraft, type BuilderState } from './builder.state.js';
import { strings, type Lang, type Tag } from './builder.strings.js';

export interface BuilderOptions {
  /** Also set `<html lang>` and the document's title (the builder's own page); tests leave the page alone. */
  documentLang?: boolean;
  /** Where the build's hashes are, for the script tag's `integrity`. */
  sriUrl?: string;
  bundleDir?: string;
  packageUrl?: string;
  /** The scripts' address up to the version, when not the example CDN's (a hosted site offers its own bundles). */
  scriptBase?: string;
}

export class Builder extends BuilderElement implements BuilderState {
  /** Every key of the state is a Lit reactive property (internal state: no attribute). */
  static override properties = Object.fromEntries(Object.keys(initialState()).map((name) => [name, { state: true }]));

  /** The element the builder was started in. */
  root: HTMLElement = this;
  options: BuilderOptions = {};
  /** Resolves when the version and the build's hashes have arrived. */
  ready?: Promise<unknown>;

  // The state, described in BuilderState.
  declare uiLang: Lang;
  declare tab: BuilderState['tab'];
  declare tag: Tag;
  declare drafts: Record<Tag, ObjectDraft>;
  declare settings: Settings;
  declare src: Record<Tag, string>;
  declare loadedSrc: Record<Tag, string>;
  declare committed: BuilderState['committed'];
  declare changedInputs: Set<string>;
  declare reserved?: { wide: number; narrow: number };
  declare version: string;
  declare integrity?: Integrity | null;
  declare fetched?: Fetched;
  declare copyStatus?: 'copied' | 'selected';
  declare announcement?: Say;
  declare checkText: string;
  declare checkTag: Tag | '';
  declare report?: Report;
  declare fixedQuotes?: number;

  #pending = new Set<Promise<unknown>>();
  #measured?: string;
  #measuring = 0;

  /** What each part's events do to the state; the page is rendered again before the event's dispatch returns. */
  #handlers: { [K in keyof BuilderEvents]: (detail: BuilderEvents[K]) => unknown } = {
    'builder-edit': ({ steps, value, commit }) => {
      this.drafts = { ...this.drafts, [this.tag]: updateDraft(this.drafts[this.tag], steps, value) };
      this.changed();
      if (commit) this.commit();
    },
    'builder-settings': (patch) => ((this.settings = { ...this.settings, ...patch }), this.changed()),
    'builder-tag': (tag) => this.setTag(tag),
    'builder-src': ({ value, load }) => {
      this.src = { ...this.src, [this.tag]: value };
      this.changed();
      if (load) this.#loadSrc();
    },
    'builder-announce': (announcement) => this.announce(announcement),
    'builder-example': () => this.fillExample(),
    'builder-clear': () => this.clear(),
    'builder-copy': () => this.copy(),
    'builder-check-text': (text) => ((this.checkText = text), (this.fixedQuotes = undefined)),
    'builder-check-tag': (tag) => (this.checkTag = tag),
    'builder-check': () => this.check(),
    'builder-fix-quotes': () => this.fixQuotes(),
    'builder-open': (element) => {
      this.load(element.tag, element.local, { src: element.src, headingLevel: element.headingLevel });
      this.announce((lang) => strings[lang].opened);
      this.setTab('build', true);
    },
  };

  constructor() {
    super();
    Object.assign(this, initialState());
    for (const [type, handle] of Object.entries(this.#handlers))
      this.addEventListener(type, (event) => {
        (handle as (detail: unknown) => unknown)((event as CustomEvent).detail);
        this.renderNow();
      });
  }

  /** Reads the options, starts loading the version and the build's hashes, and renders the page into `root`. */
  start(root: HTMLElement, options: BuilderOptions) {
    this.root = root;
    this.options = options;
    const asked = options.documentLang ? (new URLSearchParams(location.search).get('lang') ?? document.documentElement.lang) : '';
    this.uiLang = /^en\b/.test(asked) ? 'en' : 'sv';
    this.settings = { ...this.settings, pageLang: this.uiLang, ...(options.scriptBase && { scriptBase: options.scriptBase }) };
    this.ready = this.#track(
      Promise.all([loadVersion(options.packageUrl), loadIntegrity(options.sriUrl, options.bundleDir)]).then(([version, integrity]) => {
        this.version = integrity?.version ?? version ?? this.version;
        this.integrity = integrity ?? null;
      }),
    );
    root.append(this);
    this.renderNow();
  }

  /**
   * Renders every pending update now, the builder's and its parts' (parents first, as each passes properties to
   * the next), rather than in Lit's next microtask: what an editor's action changed is on the page when the action
   * returns, for the focus to move to it and for tests to read it.
   */
  renderNow() {
    for (let round = 0; round < 50; round++) {
      const pending = firstPending(this);
      if (!pending) return;
      pending.flushUpdate();
    }
  }

  /** Waits for everything the builder has started loading or measuring, however much that grows while waiting. */
  async settled() {
    for (this.renderNow(); this.#pending.size; this.renderNow()) await Promise.all([...this.#pending]);
  }

  #track<T>(promise: Promise<T>) {
    const tracked = promise.finally(() => this.#pending.delete(tracked));
    this.#pending.add(tracked);
    return tracked;
  }

  /** The configuration the form gives, and the snippet to paste. */
  get config() {
    return formConfig(this);
  }

  get snippet() {
    return snippetHtml(snippetParts(this));
  }

  // ---- Changes.

  changed() {
    this.copyStatus = undefined;
  }

  /** The editor has changed a field (left it, or made a choice): the check catches up. */
  commit(input?: EventTarget | null) {
    if (input instanceof HTMLElement && input.id && !this.changedInputs.has(input.id))
      this.changedInputs = new Set([...this.changedInputs, input.id]);
    this.committed = committedNow(this);
    this.renderNow();
  }

  setLang(lang: Lang) {
    this.uiLang = lang;
    this.renderNow();
  }

  setTab(tab: BuilderState['tab'], focus = false) {
    this.tab = tab;
    this.renderNow();
    if (focus) this.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  }

  setTag(tag: Tag) {
    this.tag = tag;
    this.changed();
    this.#loadSrc();
  }

  /** Fills the form with a configuration: an element's example, or a checked snippet. */
  load(tag: Tag, config: unknown, options: { src?: string; headingLevel?: number } = {}) {
    this.tag = tag;
    this.drafts = { ...this.drafts, [tag]: configToDraft(specs[tag].schema, config) as ObjectDraft };
    this.src = { ...this.src, [tag]: options.src ?? '' };
    this.settings = { ...this.settings, headingLevel: options.headingLevel ?? 2 };
    this.changed();
    this.#loadSrc();
    this.commit();
  }

  async fillExample() {
    const example = await this.#track(fetch(seedUrls[this.tag]).then((response) => response.json()));
    this.load(this.tag, example);
    this.announce((lang) => strings[lang].exampleDone);
  }

  clear() {
    this.load(this.tag, {});
    // An emptied form is a fresh start: nothing to fix yet.
    const { [this.tag]: _, ...others } = this.committed;
    this.committed = others;
    this.announce((lang) => strings[lang].cleared);
  }

  announce(announcement: Say) {
    this.announcement = announcement;
    this.renderNow();
  }

  #loadSrc() {
    this.loadedSrc = { ...this.loadedSrc, [this.tag]: this.src[this.tag] };
    const src = srcAddress(this.src[this.tag]);
    this.renderNow();
    if (!src || this.fetched?.src == src) return;
    this.fetched = { src };
    this.#track(loadConfigSrc(src).then((fetched) => src == srcAddress(this.loadedSrc[this.tag]) && (this.fetched = fetched)));
  }

  async copy() {
    try {
      await navigator.clipboard.writeText(this.snippet);
      this.copyStatus = 'copied';
    } catch {
      // No clipboard for this page (an old browser, or permission refused): select the snippet for Ctrl+C.
      getSelection()?.selectAllChildren(this.querySelector('#snippet code')!);
      this.copyStatus = 'selected';
    }
    this.renderNow();
  }

  async check() {
    this.report = await this.#track(checkSnippet(this.checkText, this.checkTag || undefined));
    this.renderNow();
    this.querySelector<HTMLElement>('#result-heading')?.focus();
  }

  async fixQuotes() {
    const fixed = fixQuotes(this.checkText);
    this.checkText = fixed.text;
    this.fixedQuotes = fixed.count;
    await this.check();
  }

  // ---- Lifecycle and view.

  protected override willUpdate() {
    if (this.options.documentLang) {
      document.documentElement.lang = this.uiLang;
      document.title = strings[this.uiLang].title;
    }
    // The reservation CSS follows the card as the preview shows it, and the widths the web team gave.
    const markup = elementHtml(snippetParts(this, true));
    const key = `${markup}\n${JSON.stringify(this.settings.reserveWidths)}`;
    if (key == this.#measured) return;
    this.#measured = key;
    const run = ++this.#measuring;
    this.reserved = undefined;
    const current = () => run == this.#measuring;
    this.#track(
      this.updateComplete
        .then(() => measureCard(this.querySelector('.measure')!, markup, this.settings.reserveWidths, current))
        .then((heights) => current() && (this.reserved = heights)),
    );
  }

  protected override render() {
    return builderPage(this);
  }
}

customElements.define('ik-builder', Builder);

declare global {
  interface HTMLElementTagNameMap {
    'ik-builder': Builder;
  }
}
