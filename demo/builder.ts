/**
 * The snippet builder: a page of the demo site where a CMS editor fills in a
 * form and gets the exact snippet to paste, with a live preview of the real
 * elements in Swedish and English, and a second tab that checks a snippet the
 * editor already has. `startBuilder(root)` renders it into `root`;
 * demo/builder.html is the page, and test/builder/ drives it in a browser.
 *
 * The form is generated from each element's configuration descriptor (the
 * same one that gives the types, the runtime check and the JSON Schema), so
 * a field added to an element appears here once it has a label in
 * builder.strings.ts. The check is the elements' own `validateConfig`.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import '../src/index.js';
import type { Field } from '../src/shared/schema.js';
import { checkSnippet, fixQuotes, hasWrongQuotes, type Finding, type Report } from './builder.check.js';
import {
  checkSources,
  configToDraft,
  draftToConfig,
  elementHtml,
  emptyDraft,
  fallbackHtml,
  loadConfigSrc,
  loadIntegrity,
  loadVersion,
  newKey,
  scriptUrl,
  seedUrls,
  snippetHtml,
  specs,
  tags,
  bundleName,
  type Draft,
  type Fetched,
  type Integrity,
  type ListDraft,
  type ObjectDraft,
  type Script,
  type TextDraft,
  withScheme,
} from './builder.snippet.js';
import { elementNames, explain, fieldWords, strings, type Lang, type Tag } from './builder.strings.js';

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

type Tab = 'build' | 'check';
type Say = (lang: Lang) => string;

const DEFAULT_BASE = 'https://cdn.example.se/industrikommun-widgets/';

/** An id for the input of a field: `f-contact-card-person-phones-3-number`. */
const inputId = (tag: Tag, idPath: string) => `f-${tag.slice(3)}-${idPath.replace(/[^\w-]+/g, '-')}`;

export class Builder {
  lang: Lang = 'sv';
  tab: Tab = 'build';
  tag: Tag = 'ik-contact-card';
  drafts = Object.fromEntries(tags.map((tag) => [tag, emptyDraft(specs[tag].schema)])) as Record<Tag, ObjectDraft>;
  headingLevel = 2;
  src: Record<Tag, string> = { 'ik-contact-card': '', 'ik-manifesto-card': '', 'ik-share-form': '' };
  /** The data-config-src as of the last change event: what the check and the preview load (not every keystroke). */
  loadedSrc: Record<Tag, string> = { ...this.src };
  scriptBase = DEFAULT_BASE;
  /**
   * What the check has seen, per element: the configuration as of the editor's last change (a field left, a choice
   * made), not as of every keystroke; undefined until the editor has changed something, so that an empty form
   * greets nobody with errors.
   */
  committed: Partial<Record<Tag, { json?: string }>> = {};
  /** Inputs the editor has changed at least once: where a note (such as an added https://) may show. */
  changedInputs = new Set<string>();
  /** The reservation CSS's column widths and breakpoint, in CSS px. */
  reserveWidths = { wide: 640, narrow: 288, breakpoint: 640 };
  /** The card's measured heights in rem, by width; undefined while measuring. */
  reserved?: { wide: number; narrow: number };
  includeScript = true;
  classic = false;
  pageLang: Lang = 'sv';
  version = '0.0.0';
  /** Undefined while loading; null when nothing is built. */
  integrity?: Integrity | null;
  fetched?: Fetched;
  copyStatus?: 'copied' | 'selected';
  announcement?: Say;
  checkText = '';
  checkTag: Tag | '' = '';
  report?: Report;
  fixedQuotes?: number;

  /** Resolves when what the builder is loading (versions, hashes, a data-config-src file) has arrived. */
  ready: Promise<unknown>;
  #pending = new Set<Promise<unknown>>();
  #previewed?: string;

  constructor(
    readonly root: HTMLElement,
    readonly options: BuilderOptions = {},
  ) {
    const asked = options.documentLang ? (new URLSearchParams(location.search).get('lang') ?? document.documentElement.lang) : '';
    this.lang = this.pageLang = /^en\b/.test(asked) ? 'en' : 'sv';
    if (options.scriptBase) this.scriptBase = options.scriptBase;
    this.ready = this.#track(
      Promise.all([loadVersion(options.packageUrl), loadIntegrity(options.sriUrl, options.bundleDir)]).then(([version, integrity]) => {
        this.version = integrity?.version ?? version ?? this.version;
        this.integrity = integrity ?? null;
      }),
    );
    this.update();
  }

  /** Waits for everything the builder has started loading, however much that grows while waiting. */
  async settled() {
    while (this.#pending.size) await Promise.all([...this.#pending]);
  }

  #track<T>(promise: Promise<T>) {
    const tracked = promise.finally(() => {
      this.#pending.delete(tracked);
      this.update();
    });
    this.#pending.add(tracked);
    return tracked;
  }

  get t() {
    return strings[this.lang];
  }

  // ---- What the form gives.

  get config(): Record<string, unknown> | undefined {
    return draftToConfig(specs[this.tag].schema, this.drafts[this.tag]);
  }

  get script(): Script | undefined {
    if (!this.includeScript) return undefined;
    return {
      base: this.scriptBase,
      version: this.version,
      classic: this.classic,
      integrity: this.integrity?.hashes[bundleName(this.classic)],
    };
  }

  get checked() {
    return this.#check(this.config ? JSON.stringify(this.config) : undefined);
  }

  /** The problems as of the editor's last change; undefined before any. */
  get shownChecked() {
    const committed = this.committed[this.tag];
    return committed && this.#check(committed.json);
  }

  #check(json: string | undefined) {
    const src = this.#srcAddress(this.loadedSrc[this.tag]);
    const fetched = src && this.fetched?.src == src ? this.fetched : undefined;
    return checkSources(this.tag, [['data-config', json, true]], this.headingLevel, fetched);
  }

  /** A data-config-src as typed, with https:// when it was left out. */
  #srcAddress = (typed: string) => withScheme(typed) ?? typed.trim();

  /** The snippet's pieces; `loaded` takes data-config-src as last loaded rather than as being typed. */
  parts(loaded = false) {
    const checked = this.checked;
    return {
      tag: this.tag,
      config: this.config,
      src: this.#srcAddress((loaded ? this.loadedSrc : this.src)[this.tag]) || undefined,
      headingLevel: this.headingLevel,
      fallback: fallbackHtml(this.tag, checked.merged, this.pageLang, this.headingLevel),
      script: this.script,
    };
  }

  get snippet() {
    return snippetHtml(this.parts());
  }

  // ---- Changes.

  update() {
    if (this.options.documentLang) {
      document.documentElement.lang = this.lang;
      document.title = this.t.title;
    }
    render(this.#page(), this.root);
    this.#updatePreview();
  }

  changed() {
    this.copyStatus = undefined;
    this.update();
  }

  /** The editor has changed a field (left it, or made a choice): the check catches up. */
  commit(input?: EventTarget | null) {
    if (input instanceof HTMLElement && input.id) this.changedInputs.add(input.id);
    this.committed[this.tag] = { json: this.config ? JSON.stringify(this.config) : undefined };
    this.update();
  }

  setLang(lang: Lang) {
    this.lang = lang;
    this.update();
  }

  setTab(tab: Tab, focus = false) {
    this.tab = tab;
    this.update();
    if (focus) this.root.querySelector<HTMLElement>(`#tab-${tab}`)?.focus();
  }

  setTag(tag: Tag) {
    this.tag = tag;
    this.changed();
    this.#loadSrc();
  }

  /** Fills the form with a configuration: an element's example, or a checked snippet. */
  load(tag: Tag, config: unknown, options: { src?: string; headingLevel?: number } = {}) {
    this.tag = tag;
    this.drafts[tag] = configToDraft(specs[tag].schema, config) as ObjectDraft;
    this.src[tag] = this.loadedSrc[tag] = options.src ?? '';
    this.headingLevel = options.headingLevel ?? 2;
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
    delete this.committed[this.tag];
    this.announce((lang) => strings[lang].cleared);
  }

  announce(say: Say) {
    this.announcement = say;
    this.update();
  }

  #loadSrc() {
    this.loadedSrc[this.tag] = this.src[this.tag];
    const src = this.#srcAddress(this.src[this.tag]);
    this.update();
    if (!src || this.fetched?.src == src) return;
    this.fetched = { src };
    this.#track(loadConfigSrc(src).then((fetched) => src == this.#srcAddress(this.loadedSrc[this.tag]) && (this.fetched = fetched)));
  }

  async copy() {
    const snippet = this.snippet;
    try {
      await navigator.clipboard.writeText(snippet);
      this.copyStatus = 'copied';
    } catch {
      // No clipboard for this page (an old browser, or permission refused): select the snippet for Ctrl+C.
      getSelection()?.selectAllChildren(this.root.querySelector('#snippet code')!);
      this.copyStatus = 'selected';
    }
    this.update();
  }

  async check() {
    this.report = await this.#track(checkSnippet(this.checkText, this.checkTag || undefined));
    this.update();
    this.root.querySelector<HTMLElement>('#result-heading')?.focus();
  }

  async fixQuotes() {
    const fixed = fixQuotes(this.checkText);
    this.checkText = fixed.text;
    this.fixedQuotes = fixed.count;
    await this.check();
  }

  // ---- The page.

  #page() {
    const t = this.t;
    const other: Lang = this.lang == 'sv' ? 'en' : 'sv';
    return html`<div class="builder" lang=${this.lang}>
      <header class="site-header">
        <p class="site-name">${t.siteName}</p>
        <nav class="site-nav" aria-label=${t.siteName}>
          <a href=${this.lang == 'en' ? 'index.html?lang=en' : 'index.html'}>${t.demo}</a>
          <a href=${`guide.${this.lang}.html`}>${t.guide}</a>
          <button type="button" class="link-button" lang=${other} @click=${() => this.setLang(other)}>${t.otherLanguage}</button>
        </nav>
      </header>
      <main id="main">
        <h1>${t.title}</h1>
        <p class="lead">${t.intro}</p>
        <div role="tablist" aria-label=${t.tabs} @keydown=${this.#tabKeys}>
          ${(['build', 'check'] as Tab[]).map(
            (tab) => html`<button
              type="button"
              role="tab"
              id=${`tab-${tab}`}
              aria-controls=${`panel-${tab}`}
              aria-selected=${this.tab == tab ? 'true' : 'false'}
              tabindex=${this.tab == tab ? 0 : -1}
              @click=${() => this.setTab(tab)}
            >
              ${tab == 'build' ? t.tabBuild : t.tabCheck}
            </button>`,
          )}
        </div>
        <div role="tabpanel" id="panel-build" aria-labelledby="tab-build" ?hidden=${this.tab != 'build'}>${this.#buildPanel()}</div>
        <div role="tabpanel" id="panel-check" aria-labelledby="tab-check" ?hidden=${this.tab != 'check'}>${this.#checkPanel()}</div>
        <p class="visually-hidden" role="status">${this.announcement?.(this.lang) ?? ''}</p>
      </main>
      <div class="measure"></div>
    </div>`;
  }

  /** The tabs pattern: arrow keys, Home and End move between the tabs. */
  #tabKeys = (event: KeyboardEvent) => {
    const order: Tab[] = ['build', 'check'];
    const index = order.indexOf(this.tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: order.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.setTab(order[(next + order.length) % order.length], true);
  };

  #buildPanel() {
    const t = this.t;
    const lang = this.lang;
    return html`<div class="layout">
      <form class="form" @submit=${(event: Event) => event.preventDefault()} @change=${(event: Event) => this.commit(event.target)}>
        <p class="jump"><a href="#output-heading">${t.jumpToCode}</a></p>
        <fieldset class="choices">
          <legend>${t.element}</legend>
          ${tags.map(
            (tag) => html`<label class="choice"
              ><input type="radio" name="element" value=${tag} .checked=${live(this.tag == tag)} @change=${() => this.setTag(tag)} />
              ${elementNames[tag][lang]}</label
            >`,
          )}
        </fieldset>
        <div class="actions">
          <button type="button" class="secondary" id="fill-example" @click=${() => this.fillExample()}>${t.example}</button>
          <button type="button" class="secondary" id="clear-form" @click=${() => this.clear()}>${t.clear}</button>
        </div>
        <fieldset>
          <legend>${t.settings}</legend>
          <div class="field">
            <label for="heading-level">${t.headingLevel}</label>
            <p class="hint" id="heading-level-hint">${t.headingLevelHint}</p>
            <select
              id="heading-level"
              aria-describedby="heading-level-hint"
              @change=${(event: Event) => ((this.headingLevel = +(event.target as HTMLSelectElement).value), this.changed())}
            >
              ${[1, 2, 3, 4, 5, 6].map((level) => html`<option value=${level} .selected=${live(level == this.headingLevel)}>${level}</option>`)}
            </select>
          </div>
          <div class="field">
            <label for="page-lang">${t.fallbackLang}</label>
            <p class="hint" id="page-lang-hint">${t.fallbackLangHint}</p>
            <select id="page-lang" aria-describedby="page-lang-hint" @change=${(event: Event) => ((this.pageLang = (event.target as HTMLSelectElement).value as Lang), this.changed())}>
              <option value="sv" .selected=${live(this.pageLang == 'sv')}>${t.inSwedish}</option>
              <option value="en" .selected=${live(this.pageLang == 'en')}>${t.inEnglish}</option>
            </select>
          </div>
        </fieldset>
        <div class="content" role="group" aria-labelledby="content-heading">
          <h2 id="content-heading">${t.content}: ${elementNames[this.tag][lang]}</h2>
          <p class="hint">${t.textHint}</p>
          ${this.#objectFields(this.tag, specs[this.tag].schema, this.drafts[this.tag], '', '', 0)}
        </div>
        ${this.#webTeam()}
      </form>
      <div class="output">
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">${t.preview}</h2>
          <div class="previews">
            <div>
              <h3>${t.previewSv}</h3>
              <div class="preview" id="preview-sv" lang="sv"></div>
            </div>
            <div>
              <h3>${t.previewEn}</h3>
              <div class="preview" id="preview-en" lang="en"></div>
            </div>
          </div>
        </section>
        <section aria-labelledby="output-heading">
          <h2 id="output-heading" tabindex="-1">${t.output}</h2>
          ${this.#problems(this.shownChecked)}
          <div class="actions">
            <button type="button" id="copy" @click=${() => this.copy()}>${t.copy}</button>
          </div>
          <p role="status" class="status">${this.copyStatus ? t[this.copyStatus] : ''}</p>
          <h3 id="snippet-heading">${t.snippet}</h3>
          <pre id="snippet" class="snippet" tabindex="0" aria-labelledby="snippet-heading"><code>${this.snippet}</code></pre>
          <details class="fallback">
            <summary>${t.previewFallback}</summary>
            <div class="preview preview--fallback" id="preview-fallback" lang=${this.pageLang}></div>
          </details>
        </section>
      </div>
    </div>`;
  }

  /** The technical part: where the script comes from, a shared file, and the CSS that keeps the card's place. */
  #webTeam() {
    const t = this.t;
    const checkbox = (id: string, label: string, hint: string, checked: boolean, set: (value: boolean) => void) =>
      html`<div class="field field--check">
        <input type="checkbox" id=${id} aria-describedby=${`${id}-hint`} .checked=${live(checked)} @change=${(event: Event) => (set((event.target as HTMLInputElement).checked), this.changed())} />
        <label for=${id}>${label}</label>
        <p class="hint" id=${`${id}-hint`}>${hint}</p>
      </div>`;
    const width = (key: keyof Builder['reserveWidths'], label: string) =>
      html`<div class="field field--number">
        <label for=${`reserve-${key}`}>${label}</label>
        <input
          id=${`reserve-${key}`}
          type="number"
          min="200"
          max="2000"
          step="1"
          .value=${live(String(this.reserveWidths[key]))}
          @change=${(event: Event) => {
            const value = Math.round(+(event.target as HTMLInputElement).value);
            if (value >= 200 && value <= 2000) this.reserveWidths = { ...this.reserveWidths, [key]: value };
            this.update();
          }}
        />
      </div>`;
    const typedSrc = this.src[this.tag];
    const srcNote = withScheme(typedSrc) && this.changedInputs.has('config-src') ? t.schemeAdded(withScheme(typedSrc)!) : undefined;
    return html`<details class="options web-team">
      <summary>${t.options}</summary>
      <p>${t.optionsIntro} <a href="web-team.html" lang="en">${t.webTeamGuide}</a></p>
      <div class="field">
        <label for="config-src">${t.configSrc}</label>
        <p class="hint" id="config-src-hint">${t.configSrcHint}</p>
        <input
          id="config-src"
          inputmode="url"
          autocomplete="off"
          spellcheck="false"
          aria-describedby=${srcNote ? 'config-src-hint config-src-scheme' : 'config-src-hint'}
          .value=${live(typedSrc)}
          @input=${(event: Event) => ((this.src[this.tag] = (event.target as HTMLInputElement).value), this.changed())}
          @change=${() => this.#loadSrc()}
        />
        ${srcNote ? html`<p class="note" id="config-src-scheme">${srcNote}</p>` : nothing}
      </div>
      ${checkbox('include-script', t.includeScript, t.includeScriptHint, this.includeScript, (value) => (this.includeScript = value))}
      ${checkbox('classic-script', t.classicScript, t.classicScriptHint, this.classic, (value) => (this.classic = value))}
      <div class="field">
        <label for="script-base">${t.scriptBase}</label>
        <p class="hint" id="script-base-hint">${t.scriptBaseHint} <code>${scriptUrl({ base: this.scriptBase, version: this.version, classic: this.classic })}</code></p>
        <input
          id="script-base"
          inputmode="url"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="script-base-hint"
          .value=${live(this.scriptBase)}
          @input=${(event: Event) => ((this.scriptBase = (event.target as HTMLInputElement).value), this.changed())}
        />
      </div>
      ${
        this.integrity === null
          ? html`<p class="note">${t.integrityMissing}</p>`
          : this.integrity?.from == 'computed'
            ? html`<p class="note">${t.integrityComputed}</p>`
            : nothing
      }
      <h3 id="reserve-heading">${t.reserve}</h3>
      <p class="hint">${t.reserveHint}</p>
      <div class="reserve-widths">
        ${width('wide', t.reserveWide)} ${width('narrow', t.reserveNarrow)} ${width('breakpoint', t.reserveBreakpoint)}
      </div>
      <h4 id="reserve-css-heading">${t.reserveCss}</h4>
      <pre id="reserve-css" class="snippet" tabindex="0" aria-labelledby="reserve-css-heading"><code>${this.reserveCss ?? (this.config || this.src[this.tag].trim() ? t.measuring : t.reserveEmpty)}</code></pre>
    </details>`;
  }

  /** The CSS that keeps the card's place, from its measured heights. */
  get reserveCss() {
    if (!this.reserved) return undefined;
    const { wide, narrow, breakpoint } = this.reserveWidths;
    const tag = this.tag;
    return `/* <${tag}> as configured here: its height in a ${wide} px column,
   and in a ${narrow} px column below ${breakpoint} px (the taller of Swedish and English). */
${tag} {
  display: block;
  min-height: ${this.reserved.wide}rem;
}
@media (max-width: ${breakpoint}px) {
  ${tag} {
    min-height: ${this.reserved.narrow}rem;
  }
}`;
  }

  // ---- Form fields, from the descriptor.

  /**
   * The fields of an object. `depth` counts the groups around them: only the outermost groups are fieldsets with a
   * frame; inner ones are plain groups, so that fields keep their width at 320 px.
   */
  #objectFields(
    tag: Tag,
    field: Extract<Field, { kind: 'object' }>,
    draft: ObjectDraft,
    path: string,
    idPath: string,
    depth: number,
  ): TemplateResult[] {
    return Object.entries(field.fields).map(([key, child]) =>
      this.#field(
        tag,
        child,
        path ? `${path}.${key}` : key,
        idPath ? `${idPath}-${key}` : key,
        draft[key],
        (value) => (draft[key] = value),
        !!field.required?.includes(key),
        depth,
      ),
    );
  }

  /** A group of fields: a framed fieldset at the top, a titled group inside one. */
  #group(id: string, name: unknown, content: unknown, depth: number, className = '') {
    return depth == 0
      ? html`<fieldset class=${`group ${className}`}>
          <legend>${name}</legend>
          ${content}
        </fieldset>`
      : html`<div class=${`subgroup ${className}`} role="group" aria-labelledby=${`${id}-title`}>
          <p class="subgroup__title" id=${`${id}-title`}>${name}</p>
          ${content}
        </div>`;
  }

  #field(
    tag: Tag,
    field: Field,
    path: string,
    idPath: string,
    value: Draft,
    set: (value: Draft) => void,
    required: boolean,
    depth: number,
    label?: string,
  ): TemplateResult {
    const t = this.t;
    const lang = this.lang;
    const words = fieldWords[tag][path] ?? { label: { sv: path, en: path } };
    const id = inputId(tag, idPath);
    const name = html`${label ?? words.label[lang]}${required ? html` <span class="required">${t.required}</span>` : nothing}`;
    const hint = words.hint?.[lang];
    const hintText = hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing;
    const onInput = (event: Event) => (set((event.target as HTMLInputElement).value), this.changed());
    switch (field.kind) {
      case 'text': {
        const text = value as TextDraft;
        const describedBy = hint ? `${id}-hint` : undefined;
        if (words.single && !text.en) {
          const onText = (event: Event) => ((text.sv = (event.target as HTMLInputElement).value), this.changed());
          return html`<div class="field">
            <label for=${`${id}-sv`}>${name}</label>
            ${hintText}
            <input id=${`${id}-sv`} aria-describedby=${describedBy ?? nothing} .value=${live(text.sv)} @input=${onText} />
          </div>`;
        }
        const input = (which: Lang) => {
          const inputIdFor = `${id}-${which}`;
          const onText = (event: Event) => ((text[which] = (event.target as HTMLInputElement).value), this.changed());
          const labelText = which == 'sv' ? t.inSwedish : t.inEnglish;
          return html`<div class="field">
            <label for=${inputIdFor}>${labelText}</label>
            ${
              words.long
                ? html`<textarea id=${inputIdFor} lang=${which} rows="3" aria-describedby=${describedBy ?? nothing} .value=${live(text[which])} @input=${onText}></textarea>`
                : html`<input id=${inputIdFor} lang=${which} aria-describedby=${describedBy ?? nothing} .value=${live(text[which])} @input=${onText} />`
            }
          </div>`;
        };
        // Two inputs under one name: a group, never a frame of its own.
        return html`<div class="text-field" role="group" aria-labelledby=${`${id}-title`}>
          <p class="text-field__title" id=${`${id}-title`}>${name}</p>
          ${hintText}
          <div class="pair">${input('sv')} ${input('en')}</div>
        </div>`;
      }
      case 'list': {
        const list = value as ListDraft;
        const item = words.item?.[lang] ?? path;
        const itemName = (index: number) => `${item[0].toUpperCase()}${item.slice(1)} ${index + 1}`;
        const addId = `${id}-add`;
        const add = () => {
          const key = newKey();
          list.items.push({ key, value: emptyDraft(field.of) });
          this.announce((lang) => strings[lang].added(itemNameIn(lang, list.items.length - 1)));
          // The new item's first field takes the focus, so that the editor can type at once.
          const prefix = inputId(tag, `${idPath}-${key}`);
          this.root.querySelector<HTMLElement>(`:is(input, select, textarea):is([id="${prefix}"], [id^="${prefix}-"])`)?.focus();
        };
        const itemNameIn = (lang: Lang, index: number) => {
          const word = fieldWords[tag][path]?.item?.[lang] ?? path;
          return `${word[0].toUpperCase()}${word.slice(1)} ${index + 1}`;
        };
        const remove = (key: number) => {
          const index = list.items.findIndex((entry) => entry.key == key);
          list.items.splice(index, 1);
          this.announce((lang) => strings[lang].removed(itemNameIn(lang, index)));
          this.root.querySelector<HTMLElement>(`#${addId}`)?.focus();
          this.commit();
        };
        const content = html`${hintText}
          <ol class="list__items">
            ${repeat(
              list.items,
              (entry) => entry.key,
              (entry, index) => {
                const entryIdPath = `${idPath}-${entry.key}`;
                const removeButton = html`<button type="button" class="secondary remove" @click=${() => remove(entry.key)}>${t.remove(itemName(index).toLowerCase())}</button>`;
                const itemId = `${inputId(tag, entryIdPath)}-item`;
                return html`<li class="list__item">
                  ${
                    field.of.kind == 'object'
                      ? html`<div role="group" aria-labelledby=${itemId}>
                        <p class="list__title" id=${itemId}>${itemName(index)}</p>
                        ${this.#objectFields(tag, field.of, entry.value as ObjectDraft, `${path}[]`, entryIdPath, depth + 2)} ${removeButton}
                      </div>`
                      : html`${this.#field(tag, field.of, `${path}[]`, entryIdPath, entry.value, (value) => (entry.value = value), false, depth + 2, itemName(index))}
                      ${removeButton}`
                  }
                </li>`;
              },
            )}
          </ol>
          <button type="button" class="secondary" id=${addId} @click=${add}>${t.add(item)}</button>`;
        return this.#group(id, name, content, depth, 'list');
      }
      case 'object':
        return this.#group(
          id,
          name,
          html`${hintText} ${this.#objectFields(tag, field, value as ObjectDraft, path, idPath, depth + 1)}`,
          depth,
        );
      case 'string':
        if (field.oneOf) {
          const choices = words.choices ?? {};
          return html`<div class="field">
            <label for=${id}>${name}</label>
            ${hintText}
            <select id=${id} aria-describedby=${hint ? `${id}-hint` : nothing} @change=${onInput}>
              <option value="" .selected=${live(value == '')}>${t.kindDefault}</option>
              ${field.oneOf
                .filter((choice) => choices[choice])
                .map((choice) => html`<option value=${choice} .selected=${live(value == choice)}>${choices[choice][lang]}</option>`)}
            </select>
          </div>`;
        }
      // Falls through: text with a pattern (a date) is typed like any other.
      default: {
        const inputmode =
          field.kind == 'url'
            ? field.scheme == 'email'
              ? 'email'
              : field.scheme == 'phone'
                ? 'tel'
                : 'url'
            : field.kind == 'number'
              ? 'decimal'
              : nothing;
        // A web address without https:// gets it, and the editor sees that it did (once the field has been left).
        const completed = field.kind == 'url' && !field.scheme && this.changedInputs.has(id) ? withScheme(value as string) : undefined;
        const describedBy = [hint && `${id}-hint`, completed && `${id}-scheme`].filter(Boolean).join(' ');
        return html`<div class="field">
          <label for=${id}>${name}</label>
          ${hintText}
          <input
            id=${id}
            inputmode=${inputmode}
            spellcheck=${field.kind == 'url' ? 'false' : nothing}
            autocomplete="off"
            aria-describedby=${describedBy || nothing}
            .value=${live(value as string)}
            @input=${onInput}
          />
          ${completed ? html`<p class="note" id=${`${id}-scheme`}>${t.schemeAdded(completed)}</p>` : nothing}
        </div>`;
      }
    }
  }

  // ---- Problems, in the element's words and the builder's.

  /** The id of the input a problem's path ("person.phones[1].number") names, when the form has it. */
  #inputFor(path: string): string | undefined {
    let field: Field = specs[this.tag].schema;
    let draft: Draft = this.drafts[this.tag];
    const idParts: string[] = [];
    for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
      if (part.startsWith('[')) {
        if (field.kind != 'list') return undefined;
        // The configuration leaves out empty items: its index counts the filled ones.
        const of: Field = field.of;
        const filled: ListDraft['items'] = (draft as ListDraft).items.filter((item) => draftToConfig(of, item.value) !== undefined);
        const entry: ListDraft['items'][number] | undefined = filled[+part.slice(1, -1)];
        if (!entry) return undefined;
        idParts.push(String(entry.key));
        field = of;
        draft = entry.value;
      } else {
        if (field.kind != 'object' || !(part in field.fields)) return undefined;
        idParts.push(part);
        field = field.fields[part];
        draft = (draft as ObjectDraft)[part];
      }
    }
    if (!idParts.length) return undefined;
    return inputId(this.tag, idParts.join('-')) + (field.kind == 'text' ? '-sv' : '');
  }

  #problems(checked: ReturnType<typeof checkSources> | undefined) {
    const t = this.t;
    const findings: Finding[] = checked
      ? [
          ...checked.errors.map(([source, message]): Finding => ({ level: 'error', element: { source, message } })),
          ...checked.warnings.map(([source, message]): Finding => ({ level: 'warning', element: { source, message } })),
        ]
      : [];
    return html`<div class="problems" id="problems">
      <h3>${t.problems}</h3>
      ${this.fetched && !this.fetched.value && !this.fetched.error && this.loadedSrc[this.tag].trim() ? html`<p>${t.loading}</p>` : nothing}
      ${
        !checked
          ? html`<p>${t.notYet}</p>`
          : findings.length
            ? html`<p>${t.problemCount(checked.errors.length, checked.warnings.length)}</p>
              ${this.#findingList(findings, (path) => this.#inputFor(path))}`
            : html`<p class="ok">${t.noProblems}</p>`
      }
    </div>`;
  }

  #findingList(findings: Finding[], inputFor?: (path: string) => string | undefined) {
    const t = this.t;
    const levelName = { error: t.error, warning: t.warning, note: t.note };
    return html`<ul class="findings">
      ${findings.map((finding) => {
        const message = finding.element?.message;
        const path = message && /^"([^"]+)"/.exec(message)?.[1];
        const target = path && inputFor?.(path);
        const code = finding.element ? html`<code lang="en">${finding.element.source}: ${message}</code>` : nothing;
        const explanation = message && explain(message, this.lang);
        // The plain explanation is what the editor reads; the element's own (English) words follow for the web team.
        const linked = (content: unknown) =>
          target
            ? html`<a
                href=${`#${target}`}
                @click=${(event: Event) => {
                  event.preventDefault();
                  this.root.querySelector<HTMLElement>(`#${target}`)?.focus();
                }}
                >${content}</a
              >`
            : content;
        return html`<li class=${`finding finding--${finding.level}`}>
          <strong>${levelName[finding.level]}:</strong>
          ${finding.own ? finding.own(this.lang) : nothing}
          ${explanation ? html`<span class="explanation">${linked(explanation)}</span>` : nothing}
          ${finding.element ? html`<span class="technical">${t.technical}: ${explanation ? code : linked(code)}</span>` : nothing}
        </li>`;
      })}
    </ul>`;
  }

  // ---- The check tab.

  #checkPanel() {
    const t = this.t;
    const report = this.report;
    return html`<p>${t.checkIntro}</p>
      <form class="check" @submit=${(event: Event) => (event.preventDefault(), this.check())}>
        <div class="field">
          <label for="check-input">${t.checkInput}</label>
          <textarea
            id="check-input"
            rows="10"
            spellcheck="false"
            autocomplete="off"
            .value=${live(this.checkText)}
            @input=${(event: Event) => ((this.checkText = (event.target as HTMLTextAreaElement).value), (this.fixedQuotes = undefined), this.update())}
          ></textarea>
        </div>
        <div class="field">
          <label for="check-tag">${t.checkTag}</label>
          <select id="check-tag" @change=${(event: Event) => ((this.checkTag = (event.target as HTMLSelectElement).value as Tag | ''), this.update())}>
            <option value="" .selected=${live(this.checkTag == '')}>${t.guess}</option>
            ${tags.map((tag) => html`<option value=${tag} .selected=${live(this.checkTag == tag)}>${elementNames[tag][this.lang]} &lt;${tag}&gt;</option>`)}
          </select>
        </div>
        <div class="actions">
          <button id="check-button">${t.check}</button>
          ${
            hasWrongQuotes(this.checkText)
              ? html`<button type="button" class="secondary" id="fix-quotes" aria-describedby="fix-quotes-hint" @click=${() => this.fixQuotes()}>${t.fixQuotes}</button>
                <p class="hint" id="fix-quotes-hint">${t.fixQuotesHint}</p>`
              : nothing
          }
        </div>
        <p role="status" class="status">${this.fixedQuotes !== undefined ? t.fixedQuotes(this.fixedQuotes) : ''}</p>
      </form>
      <section aria-labelledby="result-heading" class="result" ?hidden=${!report}>
        <h2 id="result-heading" tabindex="-1">${t.result}</h2>
        ${report ? this.#report(report) : nothing}
      </section>`;
  }

  #report(report: Report) {
    const t = this.t;
    return html`${report.general.length ? this.#findingList(report.general) : nothing}
    ${report.elements.map((element) => {
      const errors = element.findings.filter((finding) => finding.level == 'error').length;
      const warnings = element.findings.length - errors;
      return html`<section class="report" aria-label=${element.title(this.lang)}>
        <h3>${element.title(this.lang)}</h3>
        ${
          element.findings.length
            ? html`<p>${t.problemCount(errors, warnings)}</p>
              ${this.#findingList(element.findings)}`
            : html`<p class="ok">${t.noProblems}</p>`
        }
        <button
          type="button"
          class="secondary"
          @click=${() => {
            this.load(element.tag, element.local, { src: element.src, headingLevel: element.headingLevel });
            this.announce((lang) => strings[lang].opened);
            this.setTab('build', true);
          }}
        >
          ${t.openInBuilder}
        </button>
      </section>`;
    })}`;
  }

  // ---- The preview: the real elements, made from the snippet's own HTML.

  #updatePreview() {
    const parts = this.parts(true);
    const element = elementHtml(parts);
    const key = `${element}\n${parts.fallback.join('')}`;
    const measureKey = `${element}\n${JSON.stringify(this.reserveWidths)}`;
    if (measureKey != this.#measuredKey) {
      this.#measuredKey = measureKey;
      this.#track(this.#measure(element));
    }
    if (key == this.#previewed) return;
    this.#previewed = key;
    for (const lang of ['sv', 'en']) this.root.querySelector(`#preview-${lang}`)?.replaceChildren(...parse(element));
    this.root.querySelector('#preview-fallback')?.replaceChildren(...parse(parts.fallback.join('\n')));
  }

  #measuredKey?: string;
  #measuring = 0;

  /**
   * The card's height, as configured, in a column of each width the web team gave, in Swedish and in English:
   * the real element in a hidden box, so that the reservation CSS fits this card rather than a generic one.
   */
  async #measure(markup: string) {
    const run = ++this.#measuring;
    this.reserved = undefined;
    const box = this.root.querySelector<HTMLElement>('.measure');
    // An empty form is no card yet: nothing to measure.
    if (!box || !/data-config/.test(markup)) return;
    const { wide, narrow } = this.reserveWidths;
    const frames = [wide, narrow].flatMap((width) =>
      (['sv', 'en'] as const).map((lang) => {
        const frame = document.createElement('div');
        frame.style.width = `${width}px`;
        frame.lang = lang;
        frame.append(...parse(markup));
        return { width, frame };
      }),
    );
    box.replaceChildren(...frames.map(({ frame }) => frame));
    const elements = frames.map(({ frame }) => frame.firstElementChild as HTMLElement & { updateComplete?: Promise<unknown> });
    await Promise.all(elements.map((element) => element.updateComplete));
    // A card from data-config-src appears once its file has arrived (or shows its fallback after a failure).
    const deadline = performance.now() + 5000;
    while (
      markup.includes('data-config-src') &&
      performance.now() < deadline &&
      !elements.every((element) => element.shadowRoot?.querySelector('.card'))
    ) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    if (run != this.#measuring) return;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const height = (width: number) =>
      Math.max(
        ...frames
          .filter((entry) => entry.width == width)
          .map(({ frame }) => (frame.firstElementChild as HTMLElement).getBoundingClientRect().height),
      );
    // Rounded up, so that the reservation is never a hair short: a shorter card leaves space, a taller one moves the page.
    const toRem = (px: number) => Math.ceil((px / rem) * 100) / 100;
    this.reserved = { wide: toRem(height(wide)), narrow: toRem(height(narrow)) };
    box.replaceChildren();
  }
}

/** The very markup the editor pastes, as nodes: every value in it is escaped (escapeHtml), and DOMParser runs no script. */
const parse = (markup: string) => [...new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html').body.childNodes];

/** Renders the builder into `root`. */
export const startBuilder = (root: HTMLElement, options?: BuilderOptions) => new Builder(root, options);
