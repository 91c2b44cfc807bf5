import type { Controller, IkElement } from './element.js';
import { parseJson } from './json.js';
import { resolveLang, useLang, watchLang, type Lang } from './lang.js';
import { clean, isRecord, type Field, type Issue } from './schema.js';

type ObjectField = Extract<Field, { kind: 'object' }>;

/** What an element needs from its host class for `WidgetController` to serve it. */
export interface WidgetHost extends IkElement {
  /** Configuration set from script; wins over every other source. */
  config?: unknown;
  /** The `heading-level` attribute. */
  headingLevel?: string | number | null;
}

export interface WidgetSpec<C> {
  schema: ObjectField;
  /** Built-in defaults, the first and weakest source. */
  defaults?: Partial<C>;
  /** The element's plain attributes as a partial configuration. */
  fromAttributes?: (host: any) => unknown;
  /** A rule across fields; returns what is wrong, or nothing. */
  check?: (config: C) => string | undefined;
}

/** Detail of the `ik-config-error` event. */
export interface ConfigErrorDetail {
  source: string;
  message: string;
}

/** Largest `data-config-src` answer we read, in characters. */
export const MAX_CONFIG_CHARS = 1_000_000;
/** How long a `data-config-src` fetch may take before it counts as failed. */
export const CONFIG_TIMEOUT_MS = 15_000;

type Fetched = { src: string; value?: unknown; error?: string };

/** Objects merge by key; anything else (arrays included) replaces. */
export function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return base;
  if (!isRecord(base) || !isRecord(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const key of Object.keys(over)) out[key] = merge(base[key], over[key]);
  return out;
}

async function fetchConfig(src: string, signal: AbortSignal): Promise<unknown> {
  if (!/^https?:$/.test(new URL(src, document.baseURI).protocol)) throw 'the address must start with https:// or be relative';
  // A plain CORS GET: no cookies, so one public file can serve every municipality's site.
  const response = await fetch(src, { credentials: 'omit', signal });
  if (!response.ok) throw `the server answered ${response.status} ${response.statusText}`.trim();
  if (Number(response.headers.get('content-length')) > MAX_CONFIG_CHARS) throw 'the file is too large';
  const body = await response.text();
  if (body.length > MAX_CONFIG_CHARS) throw 'the file is too large';
  const parsed = parseJson(body);
  if (parsed.error) throw parsed.error;
  return parsed.value;
}

/**
 * One thing wrong with a configuration: the source that holds it, what is
 * wrong, and whether it is only a warning (the value was dropped and the
 * element still renders).
 */
export type Problem = [source: string, message: string, warning?: boolean];

/**
 * What `validateConfig` finds: every problem, in the order the sources are read (within a source, warnings
 * first); the sources merged, which is the configuration to use when no problem is an error; the heading level.
 * A tuple rather than an object: its names cost nothing in the bundle.
 */
export type Validation<C> = [merged: C, problems: Problem[], level: number];

const describeIssue = (issue: Issue) => `${issue.path ? `"${issue.path}" ` : ''}${issue.message}`;

/**
 * Checks each source (`[name, value, isJson]`, weakest first) on its own, so
 * that every problem names the source that holds it, then merges them and
 * checks the required fields and the element's own rule on the result. No
 * side effects: the element reports the first error, the snippet builder
 * lists them all.
 */
export function validateConfig<C>(spec: WidgetSpec<C>, sources: [string, unknown, boolean?][], headingLevel?: unknown): Validation<C> {
  let merged: unknown = spec.defaults ?? {};
  // Set once a source is not JSON at all: the merged checks would then only repeat that something is missing.
  let unreadable = false;
  const problems: Problem[] = [];
  const given: string[] = [];
  for (let [source, value, json] of sources) {
    if (value == null) continue;
    given.push(source);
    if (json) {
      const parsed = parseJson(value as string);
      if (parsed.error) {
        problems.push([source, parsed.error]);
        unreadable = true;
        continue;
      }
      value = parsed.value;
    }
    const issues: Issue[] = [];
    merged = merge(merged, clean(spec.schema, value, '', issues));
    for (const issue of issues.sort((a, b) => +!a.warning - +!b.warning)) problems.push([source, describeIssue(issue), issue.warning]);
  }
  const level = headingLevel == null ? 2 : +headingLevel;
  if (!(level >= 1 && level <= 6 && level % 1 == 0)) problems.push(['heading-level', `must be a whole number from 1 to 6, not "${headingLevel}"`]);
  // Required fields are checked once all sources are merged, against the source names that were given.
  if (!unreadable) {
    const issues: Issue[] = [];
    clean(spec.schema, merged, '', issues, true);
    const rule = issues[0] ? undefined : spec.check?.(merged as C);
    for (const message of rule ? [rule] : issues.map(describeIssue)) problems.push([given.join(' + ') || 'data-config', message]);
  }
  return [merged as C, problems, level];
}

/**
 * Gives an element its configuration and its language. It reads the five
 * sources of the contract, validates each, merges them, and reports the first
 * error once (console and `ik-config-error`); while `value` is undefined the
 * element shows its light-DOM fallback. It also makes every `msg()` in the
 * element's render speak the element's own language.
 */
export class WidgetController<C> implements Controller {
  /** The valid configuration, or undefined while loading and after an error. */
  value?: C;
  /** The element's language, resolved before each render. */
  lang: Lang = 'sv';
  /** The heading level from `heading-level`, 1–6. */
  level = 2;

  // Private (#) members: the minifier shortens their names, which it may not do for public ones.
  #host: WidgetHost;
  #spec: WidgetSpec<C>;
  #inputs: unknown[] = [];
  #fetched?: Fetched;
  #loading?: { src: string; abort: AbortController };
  #stopWatchingLang?: () => void;

  constructor(host: WidgetHost, spec: WidgetSpec<C>) {
    this.#host = host;
    this.#spec = spec;
    host.addController(this);
  }

  hostConnected() {
    // Moved or re-added: the language may differ here, and an aborted fetch must start again.
    this.#host.requestUpdate();
    this.#stopWatchingLang = watchLang(() => {
      if (resolveLang(this.#host) != this.lang) this.#host.requestUpdate();
    });
  }

  hostDisconnected() {
    this.#stopWatchingLang?.();
    // A fetch for a removed element is wasted traffic; it starts again if the element comes back.
    const loading = this.#loading;
    this.#loading = undefined;
    if (loading) {
      this.#inputs = [];
      loading.abort.abort();
    }
  }

  hostUpdate() {
    this.lang = resolveLang(this.#host);
    useLang(this.lang);
    try {
      this.#refresh();
    } catch {
      // A host object whose getters throw, or the like: show the fallback rather than break the page.
      this.#fail('config', 'the configuration could not be read');
    }
  }

  #refresh() {
    const host = this.#host;
    const src = host.getAttribute('data-config-src');
    const script = host.querySelector(':scope>script[type="application/json"]')?.textContent;
    const dataConfig = host.getAttribute('data-config');
    const attributes = this.#spec.fromAttributes?.(host);
    const inputs = [src, this.#fetched, script, dataConfig, JSON.stringify(attributes), host.config, host.headingLevel];
    if (inputs.every((input, i) => input === this.#inputs[i])) return;
    this.#inputs = inputs;
    this.value = undefined;
    if (src && this.#fetched?.src != src) return this.#load(src);
    // Once the attribute is gone, so is what it fetched.
    const fetched = src ? this.#fetched : undefined;
    if (fetched?.error) return this.#fail('data-config-src', `could not load ${src}: ${fetched.error}`);
    const [merged, problems, level] = validateConfig(
      this.#spec,
      [
        ['data-config-src', fetched?.value],
        ['<script type="application/json">', script, true],
        ['data-config', dataConfig, true],
        ['attributes', attributes],
        ['config', host.config],
      ],
      host.headingLevel,
    );
    // The console and the event carry the first error; the warnings met before it are logged.
    for (const [source, message, warning] of problems) {
      if (!warning) return this.#fail(source, message);
      console.warn(`<${host.localName}> ${source}: ${message}`);
    }
    this.level = level;
    this.value = merged;
  }

  #fail(source: string, message: string) {
    this.value = undefined;
    console.error(`<${this.#host.localName}> ${source}: ${message}`);
    this.#host.dispatchEvent(
      new CustomEvent<ConfigErrorDetail>('ik-config-error', { bubbles: true, composed: true, detail: { source, message } }),
    );
  }

  #load(src: string) {
    if (this.#loading?.src == src) return;
    this.#loading?.abort.abort();
    const abort = new AbortController();
    const loading = (this.#loading = { src, abort });
    const timer = setTimeout(() => abort.abort(), CONFIG_TIMEOUT_MS);
    fetchConfig(src, abort.signal)
      .then(
        (value): Fetched => ({ src, value }),
        (error): Fetched => ({
          src,
          error: typeof error == 'string' ? error : abort.signal.aborted ? `no answer within ${CONFIG_TIMEOUT_MS / 1000} s` : 'the network request failed',
        }),
      )
      .then((fetched) => {
        clearTimeout(timer);
        if (this.#loading != loading) return;
        this.#loading = undefined;
        this.#fetched = fetched;
        this.#host.requestUpdate();
      });
  }
}
