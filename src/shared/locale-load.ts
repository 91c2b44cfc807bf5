import type { TemplateMap } from '@lit/localize';
import { localeIntegrity } from '../generated/locale-integrity.js';
import { translations, type Lang } from './translate.js';

/**
 * Where the script was loaded from, read while it runs: the classic script (IIFE) has no `import.meta`, and
 * `document.currentScript` names it only during its first evaluation.
 */
const scriptUrl: string = import.meta.url ?? (document.currentScript as HTMLScriptElement).src;

/** One load per language per page, however many cards ask. */
const loading: Partial<Record<Lang, Promise<unknown>>> = {};

/**
 * Fetches a language that is not bundled (`dist/locales/<lang>.json`, beside the script) the first time an
 * element needs it, checked against the SHA-384 that the bundle carries, and parsed as JSON: data, never code.
 * When it cannot be had (404, a changed file, offline) the language maps to null and its elements speak Swedish,
 * with one warning. Resolves once `translations[lang]` is set either way.
 */
export function loadLanguage(lang: Lang): Promise<unknown> {
  // No status check: an error page's body (a 404's, a proxy's) cannot match the hash, so fetch itself rejects it.
  // In the module, `new URL('./…', import.meta.url)` as written: the pattern by which Vite and webpack find the files
  // and copy them into a host app's own build (our own build is told to leave it alone).
  const url = import.meta.url
    ? new URL(/* @vite-ignore */ `./locales/${lang}.json`, import.meta.url)
    : new URL(`locales/${lang}.json`, scriptUrl);
  return (loading[lang] ??= fetch(url, { integrity: localeIntegrity[lang] })
    .then((response) => response.json())
    .then(
      (templates: TemplateMap) => (translations[lang] = templates),
      (error) => {
        translations[lang] = null;
        console.warn(`industrikommun-widgets: the ${lang} texts could not be loaded (${error}); showing Swedish`);
      },
    ));
}
