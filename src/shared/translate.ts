import type { MsgFn, MsgOptions, StrResult, TemplateLike, TemplateMap } from '@lit/localize';
import type { TemplateResult } from 'lit';
import { SOURCE_LANGUAGE, type Language } from '../contract/languages.js';
import type { allLocales } from '../generated/locale-codes.js';
import { templates as en } from '../generated/locales/en.js';

// @lit/localize keeps one global locale that changes asynchronously, but two cards on one page may speak two
// languages at once: so this `msg` looks up the generated templates itself, for the language of the element rendering.

/** A language the widgets speak: the contract's list (src/contract/languages.ts). */
export type Lang = Language;

/**
 * Fails to compile while the generated locales (from lit-localize.json, which `npm run localize` writes from the
 * contract) and the contract's list differ: a new entry in `LANGUAGES` points here until `npm run localize` has run.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const localesFollowTheContract: Same<(typeof allLocales)[number], Language> = true;

/** The language the source is written in, and the one any other language falls back to. */
export const sourceLang: Lang = SOURCE_LANGUAGE;

/**
 * Each language's templates: Swedish (the source) and English are bundled; the others are added by
 * `loadLanguage` (src/shared/locale-load.ts) once fetched, or set to null when they could not be had.
 */
export const translations: Partial<Record<Lang, TemplateMap | null>> = { sv: {}, en };

let renderLang: Lang = sourceLang;

/**
 * Runs `render` with `msg()` speaking `lang`. Lit renders synchronously, so
 * each element wraps its own render and no other element's render can come
 * between.
 */
export function speaking<T>(lang: Lang, render: () => T): T {
  const outer = renderLang;
  renderLang = lang;
  const result = render();
  // Not restored when `render` throws: every render sets its own language first.
  renderLang = outer;
  return result;
}

const isLitTemplate = (value: TemplateLike): value is TemplateResult => typeof value != 'string' && '_$litType$' in value;

/**
 * A translated template. Runtime-mode templates hold, in place of each
 * expression, the index of the source's value: a translator may reorder them.
 */
function translate(template: TemplateLike, options?: MsgOptions | string): string | TemplateResult {
  // The build passes the id alone (scripts/minify-literals.ts): the options' `desc` is only for translators.
  const id = typeof options == 'string' ? options : options?.id;
  const translated = id !== undefined ? translations[renderLang]?.[id] : undefined;
  // No translation (or no id, which the lint forbids): the Swedish source, never an exception.
  const chosen = translated ?? template;
  if (typeof chosen == 'string') return chosen;
  const source = template as StrResult | TemplateResult;
  const order = chosen == template ? undefined : (chosen.values as number[]);
  const values = order ? order.map((index) => source.values[index]) : source.values;
  if (isLitTemplate(chosen)) return { ...chosen, values };
  return chosen.strings.reduce((text, part, i) => text + String(values[i - 1]) + part);
}

/**
 * The widgets' `msg()`: the same signature and extraction as @lit/localize's
 * (`lit-localize extract` finds it by its type), with the language per render.
 */
export const msg = translate as MsgFn;
