/**
 * `<ik-builder-code>`: the code to paste, with the check of what the form gives (as of the editor's last change),
 * the copy button and what the page shows before the card has loaded.
 */
import { html, nothing } from 'lit';
import { elementFindings } from './builder.check.js';
import { BuilderElement, directionOf } from './builder.element.js';
import { findingList } from './builder.findings.js';
import { parseMarkup } from './builder.measure.js';
import type { Checked } from './builder.snippet.js';
import { strings, type Lang } from './builder.strings.js';

export class BuilderCode extends BuilderElement {
  static override properties = {
    uiLang: { attribute: false },
    checked: { attribute: false },
    loading: { attribute: false },
    inputFor: { attribute: false },
    snippet: { attribute: false },
    fallback: { attribute: false },
    pageLang: { attribute: false },
    copyStatus: { attribute: false },
  };

  /** The builder's language. */
  declare uiLang: Lang;
  /** The check as of the editor's last change; undefined before any. */
  declare checked?: Checked;
  /** True while the data-config-src file is on its way. */
  declare loading: boolean;
  /** The id of the input a problem's path names. */
  declare inputFor?: (path: string) => string | undefined;
  /** The snippet, as copied. */
  declare snippet: string;
  /** The fallback content as HTML, and the language of the page it is written for. */
  declare fallback: string;
  declare pageLang: string;
  /** What the last press of the copy button did. */
  declare copyStatus?: 'copied' | 'selected';

  constructor() {
    super();
    this.uiLang = 'sv';
    this.loading = false;
    this.snippet = '';
    this.fallback = '';
    this.pageLang = 'sv';
  }

  #shownFallback?: string;

  protected override render() {
    const t = strings[this.uiLang];
    return html`<section aria-labelledby="output-heading">
      <h2 id="output-heading" tabindex="-1">${t.output}</h2>
      ${this.#problems()}
      <div class="actions">
        <button type="button" id="copy" @click=${() => this.emit('builder-copy')}>${t.copy}</button>
      </div>
      <p role="status" class="status">${this.copyStatus ? t[this.copyStatus] : ''}</p>
      <h3 id="snippet-heading">${t.snippet}</h3>
      <pre id="snippet" class="snippet" tabindex="0" aria-labelledby="snippet-heading"><code>${this.snippet}</code></pre>
      <details class="fallback">
        <summary>${t.previewFallback}</summary>
        <div class="preview preview--fallback" id="preview-fallback" lang=${this.pageLang} dir=${directionOf(this.pageLang)}></div>
      </details>
    </section>`;
  }

  #problems() {
    const t = strings[this.uiLang];
    const checked = this.checked;
    const findings = checked ? elementFindings(checked) : [];
    return html`<div class="problems" id="problems">
      <h3>${t.problems}</h3>
      ${this.loading ? html`<p>${t.loading}</p>` : nothing}
      ${
        !checked
          ? html`<p>${t.notYet}</p>`
          : findings.length
            ? html`<p>${t.problemCount(checked.errors.length, checked.warnings.length)}</p>
              ${findingList(findings, this.uiLang, this.inputFor)}`
            : html`<p class="ok">${t.noProblems}</p>`
      }
    </div>`;
  }

  protected override updated() {
    if (this.fallback == this.#shownFallback) return;
    this.#shownFallback = this.fallback;
    this.querySelector('#preview-fallback')!.replaceChildren(...parseMarkup(this.fallback));
  }
}

customElements.define('ik-builder-code', BuilderCode);

declare global {
  interface HTMLElementTagNameMap {
    'ik-builder-code': BuilderCode;
  }
}
