import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { validateConfig, type ConfigErrorDetail, type WidgetSpec } from './config.js';
import { describeProblem, type ConfigProblem } from './config-problems.js';
import { fetchConfig, type Fetched } from './config-fetch.js';
import { LANGUAGES } from '../contract/languages.js';
import { resolveLang, watchLang, type Lang } from './lang.js';
import { loadLanguage } from './locale-load.js';
import { sourceLang, translations } from './translate.js';

/** What an element needs to be served by `WidgetController`: the properties every widget has. */
export interface WidgetHost extends ReactiveControllerHost, HTMLElement {
  /** Configuration set from script; wins over every other source. */
  config?: unknown;
  /** JSON configuration (attribute `data-config`). */
  dataConfig?: string | null;
  /** Address of a JSON configuration file (attribute `data-config-src`). */
  dataConfigSrc?: string | null;
  /** The heading level (attribute `heading-level`). */
  headingLevel?: number | null;
}

/**
 * Gives an element its configuration and its language. Before each update it
 * reads the five sources of the contract from the element's properties and
 * children, validates and merges them (`validateConfig`); while `value` is
 * undefined the element shows its light-DOM fallback. After the update, so
 * that listeners see the fallback on screen, it reports a new error once
 * (console and `ik-config-error`) and logs new warnings.
 */
export class WidgetController<C> implements ReactiveController {
  /** The valid configuration, or undefined while loading and after an error. */
  value?: C;
  /** The element's language, resolved before each update: Swedish when its strings could not be loaded. */
  lang: Lang = sourceLang;
  /** The writing direction of `lang`, for the card's `dir`. */
  dir: 'ltr' | 'rtl' = 'ltr';
  /** The heading level from `heading-level`, 1–6. */
  level = 2;

  #host: WidgetHost;
  #spec: WidgetSpec<C>;
  /** The element's custom states (CSS `:state()`); absent in browsers from before 2024. */
  #states?: CustomStateSet;
  #fetched?: Fetched;
  #loading?: { src: string; abort: AbortController };
  #stopWatchingLang?: () => void;
  /** The problems last reported, so that a re-render with the same ones stays quiet. */
  #reported = '';
  #toReport: ConfigProblem[] = [];
  /** The inputs of the last validation and its result, reused while the inputs are the same strings. */
  #memo?: { inputs: unknown[]; value?: C; level: number; toReport: ConfigProblem[] };

  constructor(host: WidgetHost, spec: WidgetSpec<C>) {
    this.#host = host;
    this.#spec = spec;
    this.#states = host.attachInternals?.().states;
    host.addController(this);
  }

  hostConnected() {
    const host = this.#host;
    // Moved or re-added: the language may differ here, and an aborted fetch must start again.
    host.requestUpdate();
    this.#stopWatchingLang = watchLang(host, () => {
      if (resolveLang(host) != this.lang) host.requestUpdate();
    });
    // A classic script in <head> upgrades each element as the parser meets it, before its children exist.
    if (document.readyState == 'loading') document.addEventListener('DOMContentLoaded', () => host.requestUpdate(), { once: true });
  }

  hostDisconnected() {
    this.#stopWatchingLang?.();
    // A fetch for a removed element is wasted traffic; it starts again if the element comes back.
    this.#loading?.abort.abort();
    this.#loading = undefined;
  }

  hostUpdate() {
    const lang = resolveLang(this.#host);
    const strings = translations[lang];
    this.lang = strings === null ? sourceLang : lang;
    this.dir = LANGUAGES[this.lang].dir;
    this.value = undefined;
    try {
      this.#read();
    } catch {
      // A host object whose getters throw, or the like: show the fallback rather than break the page.
      this.#toReport = [{ code: 'config-unreadable', source: 'config', path: '' }];
    }
    // A language that is not bundled: the fallback stays (no flash of another language) until its strings arrive.
    if (strings === undefined) {
      this.value = undefined;
      loadLanguage(lang).then(() => this.#host.requestUpdate());
    }
    // `:state(loading)` while the fallback stands in for a card that is on its way (the page still parsing, its
    // data-config-src file or its language's strings not yet here): a page's CSS keeps the card's place until then.
    const loading = strings === undefined || !!this.#loading || document.readyState == 'loading';
    try {
      if (loading) this.#states?.add('loading');
      else this.#states?.delete('loading');
    } catch {
      // Chromium before 125 knew only dashed names (`--loading`) and throws on others: no state, no harm.
    }
  }

  hostUpdated() {
    const problems = this.#toReport;
    const reported = JSON.stringify(problems);
    if (reported == this.#reported) return;
    this.#reported = reported;
    const host = this.#host;
    for (const problem of problems) {
      const { source, code } = problem;
      const message = describeProblem(problem);
      if (problem.warning) {
        console.warn(`<${host.localName}> ${source}: ${message}`);
        continue;
      }
      console.error(`<${host.localName}> ${source}: ${message}`);
      host.dispatchEvent(
        new CustomEvent<ConfigErrorDetail>('ik-config-error', { bubbles: true, composed: true, detail: { source, message, code } }),
      );
    }
  }

  #read() {
    const host = this.#host;
    this.#toReport = [];
    // Until the page is parsed, a child <script type="application/json"> may be still to come.
    if (document.readyState == 'loading') return;
    const src = host.dataConfigSrc;
    // Once the attribute is gone, so is what it fetched.
    const fetched = src ? this.#fetched : undefined;
    if (src && fetched?.src != src) return this.#load(src);
    if (fetched?.error) {
      this.#toReport = [{ code: 'load-failed', source: 'data-config-src', path: '', src: src!, failure: fetched.error }];
      return;
    }
    const script = host.querySelector(':scope>script[type="application/json"]')?.textContent;
    const attributes = this.#spec.fromAttributes?.(host);
    // Strings and the fetched value cannot change in place, so the same ones validate the same: a re-render for a
    // new language reuses the result. `config` can be changed in place, so with it every update validates again.
    const inputs = [
      fetched,
      script,
      host.dataConfig,
      JSON.stringify(attributes),
      host.headingLevel,
      host.getAttribute('heading-level'),
      host.getAttribute('config'),
    ];
    const memo = this.#memo;
    if (host.config === undefined && memo && inputs.every((input, i) => input === memo.inputs[i])) {
      this.#toReport = memo.toReport;
      this.level = memo.level;
      this.value = memo.value;
      return;
    }
    this.#memo = undefined;
    const { merged, problems, level } = validateConfig(
      this.#spec,
      [
        { name: 'data-config-src', value: fetched?.value },
        { name: '<script type="application/json">', value: script, json: true },
        { name: 'data-config', value: host.dataConfig, json: true },
        { name: 'attributes', value: attributes },
        { name: 'config', value: host.config },
      ],
      host.headingLevel,
      host.getAttribute('heading-level'),
    );
    // React and others write an object as the attribute `config="[object Object]"` while the tag is not yet defined.
    if (host.config === undefined && host.hasAttribute('config'))
      problems.unshift({ code: 'config-attribute', source: 'config', path: '', value: host.getAttribute('config')!.slice(0, 40) });
    // Report up to the first error; the card shows only when there is none.
    const firstError = problems.findIndex((problem) => !problem.warning);
    this.#toReport = firstError < 0 ? problems : problems.slice(0, firstError + 1);
    if (firstError < 0) {
      this.level = level;
      this.value = merged;
    }
    if (host.config === undefined) this.#memo = { inputs, value: this.value, level: this.level, toReport: this.#toReport };
  }

  #load(src: string) {
    if (this.#loading?.src == src) return;
    this.#loading?.abort.abort();
    const loading = (this.#loading = { src, abort: new AbortController() });
    fetchConfig(src, loading.abort).then((fetched) => {
      if (this.#loading != loading) return;
      this.#loading = undefined;
      this.#fetched = fetched;
      this.#host.requestUpdate();
    });
  }
}
