/**
 * The languages the widgets and the relay speak: the one list that every part reads (widgets, builder,
 * JSON Schemas, relay, WordPress plugin). A new language is its XLIFF file under `locales/` plus one
 * entry here; the type checker then points at every table that still lacks it.
 */

/** What each part needs to know about a language. */
export interface LanguageInfo {
  /** Writing direction of the language's script. */
  dir: 'ltr' | 'rtl';
  /** In the widgets' bundle (true), or loaded as data the first time an element needs it (false). */
  bundled: boolean;
  /** The language's name in itself, for the builder's and the plugin's menus. */
  name: string;
}

export const LANGUAGES = {
  sv: { dir: 'ltr', bundled: true, name: 'Svenska' },
  en: { dir: 'ltr', bundled: true, name: 'English' },
  fi: { dir: 'ltr', bundled: false, name: 'Suomi' },
  ar: { dir: 'rtl', bundled: false, name: 'العربية' },
} as const satisfies Record<string, LanguageInfo>;

/** A language the widgets and the relay speak. */
export type Language = keyof typeof LANGUAGES;

/** Every language code, in the list's order. */
export const LANGUAGE_CODES = Object.keys(LANGUAGES) as Language[];

/** The language the source is written in, and the one any language we do not speak falls back to. */
export const SOURCE_LANGUAGE = 'sv' satisfies Language;

/** True when `code` is one of ours. */
export const isLanguage = (code: unknown): code is Language => typeof code == 'string' && Object.hasOwn(LANGUAGES, code);

/** Maps any language tag to one we speak by its base language (`en-GB` → `en`, `sv-FI` → `sv`), else Swedish. */
export function toLanguage(tag: unknown): Language {
  const base = typeof tag == 'string' ? tag.trim().split(/[-_]/)[0].toLowerCase() : '';
  return isLanguage(base) ? base : SOURCE_LANGUAGE;
}
