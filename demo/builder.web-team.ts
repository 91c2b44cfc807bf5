/**
 * `<ik-builder-web-team>`: the technical part of the form, folded away: a shared data-config-src file, where the
 * script comes from, and the CSS that keeps the card's place.
 */
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { BuilderElement, type Settings } from './builder.element.js';
import { scriptUrl, withScheme, type Integrity } from './builder.snippet.js';
import { strings, type Lang } from './builder.strings.js';

export class BuilderWebTeam extends BuilderElement {
  static override properties = {
    uiLang: { attribute: false },
    settings: { attribute: false },
    src: { attribute: false },
    srcChanged: { attribute: false },
    version: { attribute: false },
    integrity: { attribute: false },
    reserveCss: { attribute: false },
    hasContent: { attribute: false },
  };

  /** The builder's language. */
  declare uiLang: Lang;
  /** The settings this part shows (the script's and the reservation's). */
  declare settings: Settings;
  /** The data-config-src as typed, and whether the editor has left its input at least once. */
  declare src: string;
  declare srcChanged: boolean;
  declare version: string;
  /** The build's hashes: undefined while loading, null when nothing is built. */
  declare integrity?: Integrity | null;
  /** The reservation CSS; undefined while measuring or before there is anything to measure. */
  declare reserveCss?: string;
  /** True when the form (or a data-config-src) gives a card to measure. */
  declare hasContent: boolean;

  constructor() {
    super();
    this.uiLang = 'sv';
    this.src = '';
    this.srcChanged = false;
    this.version = '';
    this.hasContent = false;
  }

  protected override render() {
    const t = strings[this.uiLang];
    const settings = this.settings;
    const set = (patch: Partial<Settings>) => this.emit('builder-settings', patch);
    const checkbox = (id: string, label: string, hint: string, checked: boolean, patch: (value: boolean) => Partial<Settings>) =>
      html`<div class="field field--check">
        <input type="checkbox" id=${id} aria-describedby=${`${id}-hint`} .checked=${live(checked)} @change=${(event: Event) => set(patch((event.target as HTMLInputElement).checked))} />
        <label for=${id}>${label}</label>
        <p class="hint" id=${`${id}-hint`}>${hint}</p>
      </div>`;
    const width = (key: keyof Settings['reserveWidths'], label: string) =>
      html`<div class="field field--number">
        <label for=${`reserve-${key}`}>${label}</label>
        <input
          id=${`reserve-${key}`}
          type="number"
          min="200"
          max="2000"
          step="1"
          .value=${live(String(settings.reserveWidths[key]))}
          @change=${(event: Event) => {
            const value = Math.round(+(event.target as HTMLInputElement).value);
            set({ reserveWidths: { ...settings.reserveWidths, ...(value >= 200 && value <= 2000 && { [key]: value }) } });
          }}
        />
      </div>`;
    const completed = withScheme(this.src);
    const srcNote = completed && this.srcChanged ? t.schemeAdded(completed) : undefined;
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
          .value=${live(this.src)}
          @input=${(event: Event) => this.emit('builder-src', { value: (event.target as HTMLInputElement).value, load: false })}
          @change=${(event: Event) => this.emit('builder-src', { value: (event.target as HTMLInputElement).value, load: true })}
        />
        ${srcNote ? html`<p class="note" id="config-src-scheme">${srcNote}</p>` : nothing}
      </div>
      ${checkbox('include-script', t.includeScript, t.includeScriptHint, settings.includeScript, (includeScript) => ({ includeScript }))}
      ${checkbox('classic-script', t.classicScript, t.classicScriptHint, settings.classic, (classic) => ({ classic }))}
      <div class="field">
        <label for="script-base">${t.scriptBase}</label>
        <p class="hint" id="script-base-hint">${t.scriptBaseHint} <code>${scriptUrl({ base: settings.scriptBase, version: this.version, classic: settings.classic })}</code></p>
        <input
          id="script-base"
          inputmode="url"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="script-base-hint"
          .value=${live(settings.scriptBase)}
          @input=${(event: Event) => set({ scriptBase: (event.target as HTMLInputElement).value })}
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
      <div class="reserve-widths">${width('wide', t.reserveWide)} ${width('narrow', t.reserveNarrow)} ${width('breakpoint', t.reserveBreakpoint)}</div>
      <h4 id="reserve-css-heading">${t.reserveCss}</h4>
      <pre id="reserve-css" class="snippet" tabindex="0" aria-labelledby="reserve-css-heading"><code>${this.reserveCss ?? (this.hasContent ? t.measuring : t.reserveEmpty)}</code></pre>
    </details>`;
  }
}

customElements.define('ik-builder-web-team', BuilderWebTeam);

declare global {
  interface HTMLElementTagNameMap {
    'ik-builder-web-team': BuilderWebTeam;
  }
}
