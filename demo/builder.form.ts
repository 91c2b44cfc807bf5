/**
 * `<ik-builder-form>`: the editor's part of the build tab: which element, the example and "empty the form", where
 * the card stands on the page, and the content's fields (`<ik-builder-fields>`).
 */
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { fallbackWords } from './fallback-html.js';
import { BuilderElement } from './builder.element.js';
import './builder.fields.js';
import type { ObjectDraft } from './builder.snippet.js';
import { tags } from './builder.snippet.js';
import { elementNames, languageLabel, strings, type Lang, type Tag } from './builder.strings.js';

/** The page languages the fallback content can be written in: those it has words for. */
const pageLanguages = Object.keys(fallbackWords);

export class BuilderForm extends BuilderElement {
  static override properties = {
    uiLang: { attribute: false },
    tag: { attribute: false },
    headingLevel: { attribute: false },
    pageLang: { attribute: false },
    draft: { attribute: false },
    changedInputs: { attribute: false },
  };

  /** The builder's language. */
  declare uiLang: Lang;
  /** The element being configured. */
  declare tag: Tag;
  declare headingLevel: number;
  /** The language of the page the snippet goes on. */
  declare pageLang: string;
  /** What the editor has typed for this element. */
  declare draft: ObjectDraft;
  /** Ids of the inputs the editor has left at least once. */
  declare changedInputs: Set<string>;

  constructor() {
    super();
    this.uiLang = 'sv';
    this.tag = 'ik-contact-card';
    this.headingLevel = 2;
    this.pageLang = 'sv';
    this.changedInputs = new Set<string>();
  }

  protected override render() {
    const t = strings[this.uiLang];
    const lang = this.uiLang;
    return html`<p class="jump"><a href="#output-heading">${t.jumpToCode}</a></p>
      <fieldset class="choices">
        <legend>${t.element}</legend>
        ${tags.map(
          (tag) => html`<label class="choice"
            ><input type="radio" name="element" value=${tag} .checked=${live(this.tag == tag)} @change=${() => this.emit('builder-tag', tag)} />
            ${elementNames[tag][lang]}</label
          >`,
        )}
      </fieldset>
      <div class="actions">
        <button type="button" class="secondary" id="fill-example" @click=${() => this.emit('builder-example')}>${t.example}</button>
        <button type="button" class="secondary" id="clear-form" @click=${() => this.emit('builder-clear')}>${t.clear}</button>
      </div>
      <fieldset>
        <legend>${t.settings}</legend>
        <div class="field">
          <label for="heading-level">${t.headingLevel}</label>
          <p class="hint" id="heading-level-hint">${t.headingLevelHint}</p>
          <select
            id="heading-level"
            aria-describedby="heading-level-hint"
            @change=${(event: Event) => this.emit('builder-settings', { headingLevel: +(event.target as HTMLSelectElement).value })}
          >
            ${[1, 2, 3, 4, 5, 6].map((level) => html`<option value=${level} .selected=${live(level == this.headingLevel)}>${level}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="page-lang">${t.fallbackLang}</label>
          <p class="hint" id="page-lang-hint">${t.fallbackLangHint}</p>
          <select
            id="page-lang"
            aria-describedby="page-lang-hint"
            @change=${(event: Event) => this.emit('builder-settings', { pageLang: (event.target as HTMLSelectElement).value })}
          >
            ${pageLanguages.map((code) => html`<option value=${code} .selected=${live(this.pageLang == code)}>${languageLabel(code, lang)}</option>`)}
          </select>
        </div>
      </fieldset>
      <div class="content" role="group" aria-labelledby="content-heading">
        <h2 id="content-heading">${t.content}: ${elementNames[this.tag][lang]}</h2>
        <p class="hint">${t.textHint}</p>
        <ik-builder-fields .uiLang=${lang} .tag=${this.tag} .draft=${this.draft} .changedInputs=${this.changedInputs}></ik-builder-fields>
      </div>`;
  }
}

customElements.define('ik-builder-form', BuilderForm);

declare global {
  interface HTMLElementTagNameMap {
    'ik-builder-form': BuilderForm;
  }
}
