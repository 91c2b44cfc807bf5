/**
 * `<ik-builder-preview>`: the real elements, made from the snippet's own HTML, one for each language the editor
 * has filled in, each in a box with that language's `lang` and `dir` (an Arabic card runs right to left).
 */
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { BuilderElement, directionOf } from './builder.element.js';
import { parseMarkup } from './builder.measure.js';
import { languageName, strings, type Lang } from './builder.strings.js';

export class BuilderPreview extends BuilderElement {
  static override properties = {
    uiLang: { attribute: false },
    markup: { attribute: false },
    languages: { attribute: false },
  };

  /** The builder's language. */
  declare uiLang: Lang;
  /** The element as the snippet has it, with its attributes and fallback content. */
  declare markup: string;
  /** The languages to show it in; none shows a line that says to fill in the form. */
  declare languages: string[];

  constructor() {
    super();
    this.uiLang = 'sv';
    this.markup = '';
    this.languages = [];
  }

  /** The markup each box was last filled with: a box is refilled only when it changed. */
  #shown = new WeakMap<Element, string>();

  protected override render() {
    const t = strings[this.uiLang];
    return html`<section aria-labelledby="preview-heading">
      <h2 id="preview-heading">${t.preview}</h2>
      ${
        this.languages.length
          ? html`<div class="previews">
            ${repeat(
              this.languages,
              (code) => code,
              (code) => html`<div>
                <h3>${t.previewIn(languageName(code, this.uiLang))}</h3>
                <div class="preview" id=${`preview-${code}`} lang=${code} dir=${directionOf(code)}></div>
              </div>`,
            )}
          </div>`
          : html`<p class="hint">${t.previewEmpty}</p>`
      }
    </section>`;
  }

  protected override updated() {
    for (const box of this.querySelectorAll('.preview')) {
      if (this.#shown.get(box) == this.markup) continue;
      this.#shown.set(box, this.markup);
      box.replaceChildren(...parseMarkup(this.markup));
    }
  }
}

customElements.define('ik-builder-preview', BuilderPreview);

declare global {
  interface HTMLElementTagNameMap {
    'ik-builder-preview': BuilderPreview;
  }
}
