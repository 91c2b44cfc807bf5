/**
 * `<ik-builder-check>`: the "check code you already have" tab. It shows the text being checked, the chosen
 * element, and the report (builder.check.ts makes it); every change goes up to `<ik-builder>`.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { hasWrongQuotes, type Report } from './builder.check.js';
import { BuilderElement } from './builder.element.js';
import { findingList } from './builder.findings.js';
import { tags } from './builder.snippet.js';
import { elementNames, strings, type Lang, type Tag } from './builder.strings.js';

export class BuilderCheck extends BuilderElement {
  static override properties = {
    uiLang: { attribute: false },
    text: { attribute: false },
    tag: { attribute: false },
    report: { attribute: false },
    fixedQuotes: { attribute: false },
  };

  /** The builder's language. */
  declare uiLang: Lang;
  /** The snippet or JSON to check, as pasted. */
  declare text: string;
  /** The element bare JSON is for; empty to guess from its fields. */
  declare tag: Tag | '';
  /** The last check's report; undefined before the first. */
  declare report?: Report;
  /** How many quotes the last "fix quotes" changed; undefined when the text changed since. */
  declare fixedQuotes?: number;

  constructor() {
    super();
    this.uiLang = 'sv';
    this.text = '';
    this.tag = '';
  }

  protected override render() {
    const t = strings[this.uiLang];
    const report = this.report;
    return html`<p>${t.checkIntro}</p>
      <form
        class="check"
        @submit=${(event: Event) => {
          event.preventDefault();
          this.emit('builder-check');
        }}
      >
        <div class="field">
          <label for="check-input">${t.checkInput}</label>
          <textarea
            id="check-input"
            rows="10"
            spellcheck="false"
            autocomplete="off"
            .value=${live(this.text)}
            @input=${(event: Event) => this.emit('builder-check-text', (event.target as HTMLTextAreaElement).value)}
          ></textarea>
        </div>
        <div class="field">
          <label for="check-tag">${t.checkTag}</label>
          <select id="check-tag" @change=${(event: Event) => this.emit('builder-check-tag', (event.target as HTMLSelectElement).value as Tag | '')}>
            <option value="" .selected=${live(this.tag == '')}>${t.guess}</option>
            ${tags.map((tag) => html`<option value=${tag} .selected=${live(this.tag == tag)}>${elementNames[tag][this.uiLang]} &lt;${tag}&gt;</option>`)}
          </select>
        </div>
        <div class="actions">
          <button id="check-button">${t.check}</button>
          ${
            hasWrongQuotes(this.text)
              ? html`<button type="button" class="secondary" id="fix-quotes" aria-describedby="fix-quotes-hint" @click=${() => this.emit('builder-fix-quotes')}>
                  ${t.fixQuotes}
                </button>
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
    const t = strings[this.uiLang];
    return html`${report.general.length ? findingList(report.general, this.uiLang) : nothing}
    ${report.elements.map((element) => {
      const errors = element.findings.filter((finding) => finding.level == 'error').length;
      const warnings = element.findings.length - errors;
      return html`<section class="report" aria-label=${element.title(this.uiLang)}>
        <h3>${element.title(this.uiLang)}</h3>
        ${
          element.findings.length
            ? html`<p>${t.problemCount(errors, warnings)}</p>
              ${findingList(element.findings, this.uiLang)}`
            : html`<p class="ok">${t.noProblems}</p>`
        }
        <button type="button" class="secondary" @click=${() => this.emit('builder-open', element)}>${t.openInBuilder}</button>
      </section>`;
    })}`;
  }
}

customElements.define('ik-builder-check', BuilderCheck);

declare global {
  interface HTMLElementTagNameMap {
    'ik-builder-check': BuilderCheck;
  }
}
