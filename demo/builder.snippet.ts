/**
 * The snippet builder's model, without any user interface: the form's draft
 * of a configuration (shaped by each element's descriptor), the configuration
 * it gives, the check (the elements' own `validateConfig`), the fallback
 * content and the snippet itself. Plain functions, so that the tests can use
 * them on their own.
 */
import { LANGUAGE_CODES } from '../src/contract/languages.js';
import { contactSpec } from '../src/contact-card/contact-card.config.js';
import { manifestoSpec } from '../src/manifesto-card/manifesto-card.config.js';

import { shareSpec } from '../src/share-form/share-form.config.js';
import { validateConfig, type WidgetSpec } from '../src/shared/config.js';
import { fetchConfig, type Fetched } from '../src/shared/config-fetch.js';
import type { ConfigProblem } from '../src/shared/config-problems.js';
import type { Field } from '../src/shared/schema.js';
import { escapeHtml, escapeSingleQuoted, type Tag } from './fallback-html.js';

export { escapeHtml, escapeSingleQuoted, fallbackHtml } from './fallback-html.js';

export const tags: Tag[] = ['ik-contact-card', 'ik-manifesto-card', 'ik-share-form'];

export const specs: Record<Tag, WidgetSpec<any>> = {
  'ik-contact-card': contactSpec,
  'ik-manifesto-card': manifestoSpec,
  'ik-share-form': shareSpec,
};

/** The seed example of each element, for "fill in the example". */
export const seedUrls: Record<Tag, URL> = {
  'ik-contact-card': new URL('../fixtures/seed/contact.json', import.meta.url),
  'ik-manifesto-card': new URL('../fixtures/seed/manifesto.json', import.meta.url),
  'ik-share-form': new URL('../fixtures/seed/share.json', import.meta.url),
};

// ---- The form's draft: what the editor has typed, field by field, as text.

/** The languages the form offers for each text, in the order of its inputs: the contract's list, all of it. */
export const contentLanguages: string[] = LANGUAGE_CODES;

/** A text as typed, by language code (every code of `contentLanguages`, empty when not filled in). */
export type TextDraft = Record<string, string>;
export interface ListDraft {
  items: { key: number; value: Draft }[];
}
export type ObjectDraft = { [key: string]: Draft };
export type Draft = string | TextDraft | ListDraft | ObjectDraft;

/** Keys that keep each list item's inputs in place when items above it are removed. */
let nextKey = 1;
export const newKey = () => nextKey++;

export function emptyDraft(field: Field): Draft {
  switch (field.kind) {
    case 'text':
      return Object.fromEntries(contentLanguages.map((code) => [code, '']));
    case 'list':
      return { items: [] };
    case 'object':
      return Object.fromEntries(Object.entries(field.fields).map(([key, child]) => [key, emptyDraft(child)]));
    default:
      return '';
  }
}

const blank = (text: string) => !text.trim();

/** File names that look like host names (`manifest.pdf`): an address ending in one of these is a relative file. */
const FILE_ENDINGS = /\.(?:pdf|html?|php|aspx?|json|jpe?g|png|gif|svg|docx?|xlsx?|pptx?|txt|csv|zip)$/i;

/**
 * A web address typed without its scheme (`www.trollhattan.se/miljo`), with `https://` in front; undefined when
 * the address has a scheme or is relative (`/trollhattan/manifest.pdf`). A browser reads the scheme-less one as a
 * relative path (`/www.trollhattan.se/miljo` on the editor's page): what the editor meant is the site.
 */
export function withScheme(address: string): string | undefined {
  const trimmed = address.trim();
  if (!trimmed || /^[a-z][a-z\d+.-]*:(?!\d)/i.test(trimmed) || /^[/.#?]/.test(trimmed)) return undefined;
  const host = /^((?:[a-z\d\u00c0-\u024f](?:[a-z\d\u00c0-\u024f-]*[a-z\d\u00c0-\u024f])?\.)+[a-z]{2,})(?::\d+)?(?:[/?#]|$)/i.exec(trimmed);
  if (!host || (!/^www\./i.test(trimmed) && host[0] == trimmed && FILE_ENDINGS.test(trimmed))) return undefined;
  return `https://${trimmed}`;
}

/**
 * "600 000", "600000" or "1,5" as a number. Anything else stays text, so that
 * the element's own check says what is wrong with it.
 */
function typedNumber(text: string): number | string {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : text.trim();
}

/** The configuration a draft gives: empty fields are left out, so that an empty form gives `{}`. */
export function draftToConfig(field: Field, draft: Draft): any {
  switch (field.kind) {
    case 'text': {
      const filled = contentLanguages.filter((code) => !blank((draft as TextDraft)[code] ?? ''));
      if (!filled.length) return undefined;
      const texts = filled.map((code) => (draft as TextDraft)[code].trim());
      // Swedish or English alone, or the same text in every language filled in: a plain string, shown as written in
      // any language. Any other language alone keeps its code, so that the element can mark its lang (and dir).
      if (filled.length == 1 ? ['sv', 'en'].includes(filled[0]) : texts.every((text) => text == texts[0])) return texts[0];
      return Object.fromEntries(filled.map((code, index) => [code, texts[index]]));
    }
    case 'number':
      return blank(draft as string) ? undefined : typedNumber(draft as string);
    case 'url':
      if (blank(draft as string)) return undefined;
      return (!field.scheme && withScheme(draft as string)) || (draft as string).trim();
    case 'string':
      return blank(draft as string) ? undefined : (draft as string).trim();
    case 'list': {
      const items = (draft as ListDraft).items.map((item) => draftToConfig(field.of, item.value)).filter((item) => item !== undefined);
      return items.length ? items : undefined;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(field.fields)) {
        const value = draftToConfig(child, (draft as ObjectDraft)[key]);
        if (value !== undefined) out[key] = value;
      }
      return Object.keys(out).length ? out : undefined;
    }
  }
}

/** The draft for a configuration an editor already has (an example, or a checked snippet): the inverse of `draftToConfig`. */
export function configToDraft(field: Field, value: unknown): Draft {
  switch (field.kind) {
    case 'text': {
      const texts = (typeof value == 'string' ? { sv: value } : value && typeof value == 'object' ? value : {}) as Record<string, unknown>;
      return Object.fromEntries(contentLanguages.map((code) => [code, typeof texts[code] == 'string' ? texts[code] : '']));
    }
    case 'list':
      return { items: Array.isArray(value) ? value.map((item) => ({ key: newKey(), value: configToDraft(field.of, item) })) : [] };
    case 'object': {
      const record = value && typeof value == 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
      return Object.fromEntries(Object.entries(field.fields).map(([key, child]) => [key, configToDraft(child, record[key])]));
    }
    default:
      return typeof value == 'string' || typeof value == 'number' ? String(value) : '';
  }
}

// ---- The check: the elements' own.

export type { Fetched };

/**
 * Loads a `data-config-src` file with the elements' own fetch (a plain CORS GET without cookies, their time limit
 * and size cap, the same JSON parser), for the builder's check and fallback.
 */
export const loadConfigSrc = (src: string): Promise<Fetched> => fetchConfig(src, new AbortController());

export type { ConfigProblem };

export interface Checked {
  /** The problems the element would report, as codes with their values (src/shared/config-problems.ts). */
  errors: ConfigProblem[];
  warnings: ConfigProblem[];
  /** The configuration the element would use: all sources merged and cleaned. */
  merged: any;
}

/**
 * Every problem the element would find in these sources, with the data-config-src file when it has been loaded.
 * `sources` are `validateConfig`'s, as `[name, value, isJson]` (the WordPress suite calls it so too).
 */
export function checkSources(
  tag: Tag,
  sources: [name: string, value: unknown, json?: boolean][],
  headingLevel?: unknown,
  fetched?: Fetched,
): Checked {
  if (fetched?.error) {
    const failed: ConfigProblem = { code: 'load-failed', source: 'data-config-src', path: '', src: fetched.src, failure: fetched.error };
    return { errors: [failed], warnings: [], merged: {} };
  }
  const { merged, problems } = validateConfig(
    specs[tag],
    [
      ...(fetched ? [{ name: 'data-config-src', value: fetched.value }] : []),
      ...sources.map(([name, value, json]) => ({ name, value, json })),
    ],
    headingLevel,
  );
  // A field with the wrong type is also missing once merged; saying it is required as well adds nothing.
  const useful = problems.filter(
    (problem, index) => problem.code != 'required' || !problems.slice(0, index).some((earlier) => earlier.path == problem.path),
  );
  return { errors: useful.filter((problem) => !problem.warning), warnings: useful.filter((problem) => problem.warning), merged };
}

// ---- The snippet.

export interface Script {
  /** The script's address up to the version, such as `https://cdn.example.se/industrikommun-widgets/`. */
  base: string;
  version: string;
  /** The classic script (`.iife.js`) rather than the ES module. */
  classic: boolean;
  integrity?: string;
}

export const bundleName = (classic: boolean) => (classic ? 'industrikommun-widgets.iife.js' : 'industrikommun-widgets.js');

export const scriptUrl = ({ base, version, classic }: Script) => `${base.trim().replace(/\/*$/, '/')}${version}/${bundleName(classic)}`;

export function scriptTag(script: Script) {
  // Subresource Integrity on another origin needs a CORS request: crossorigin="anonymous".
  const integrity = script.integrity ? ` integrity="${escapeHtml(script.integrity)}" crossorigin="anonymous"` : '';
  return script.classic
    ? `<script src="${escapeHtml(scriptUrl(script))}"${integrity} defer></script>`
    : `<script type="module" src="${escapeHtml(scriptUrl(script))}"${integrity}></script>`;
}

export interface SnippetParts {
  tag: Tag;
  /** What the editor filled in: the element's `data-config`. */
  config: Record<string, unknown> | undefined;
  src?: string;
  headingLevel: number;
  fallback: string[];
  script?: Script;
}

/** The element with its attributes and fallback content, as HTML to paste. */
export function elementHtml({ tag, config, src, headingLevel, fallback }: SnippetParts) {
  const attributes = [
    headingLevel != 2 && `heading-level="${headingLevel}"`,
    src && `data-config-src="${escapeHtml(src)}"`,
    // Single quotes, as in every example the editors see; any ' in the JSON becomes &#39;.
    config && `data-config='${escapeSingleQuoted(JSON.stringify(config))}'`,
  ].filter(Boolean);
  return [`<${tag}${attributes.map((attribute) => ` ${attribute}`).join('')}>`, ...fallback.map((line) => `  ${line}`), `</${tag}>`].join(
    '\n',
  );
}

export const snippetHtml = (parts: SnippetParts) =>
  [parts.script && scriptTag(parts.script), elementHtml(parts)].filter(Boolean).join('\n\n');

// ---- Subresource Integrity.

export interface Integrity {
  version?: string;
  /** Bundle file name → `sha384-…`. */
  hashes: Record<string, string>;
  /** Where the hashes come from: the build's dist/sri.json, or computed here from the bundles. */
  from: 'sri.json' | 'computed';
}

async function sha384(url: string) {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  let bytes = new Uint8Array(await response.arrayBuffer());
  // A dev server (Vite) appends an inline source map to every script it serves; the hash is of the file as built.
  // windows-1252 decodes one character per byte, so the marker's index is its byte offset.
  const marker = new TextDecoder('windows-1252').decode(bytes).lastIndexOf('\n//# sourceMappingURL=data:');
  if (marker >= 0) bytes = bytes.slice(0, marker);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  return `sha384-${btoa(String.fromCharCode(...digest))}`;
}

/**
 * The bundles' integrity hashes: from dist/sri.json, which the build writes,
 * else computed with SubtleCrypto from the bundles themselves, else none
 * (nothing is built yet).
 */
export async function loadIntegrity(sriUrl = '/dist/sri.json', bundleDir = '/dist/'): Promise<Integrity | undefined> {
  try {
    const response = await fetch(sriUrl, { cache: 'no-store' });
    if (response.ok) {
      const { version, integrity } = await response.json();
      if (integrity && typeof integrity == 'object') return { version, hashes: integrity, from: 'sri.json' };
    }
  } catch {}
  try {
    const names = [bundleName(false), bundleName(true)];
    const hashes = await Promise.all(names.map((name) => sha384(bundleDir + name)));
    return { hashes: Object.fromEntries(names.map((name, i) => [name, hashes[i]])), from: 'computed' };
  } catch {
    return undefined;
  }
}

/** The package's version, for the versioned script address. */
export async function loadVersion(url = '/package.json'): Promise<string | undefined> {
  try {
    const { version } = await (await fetch(url, { cache: 'no-store' })).json();
    return typeof version == 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}
