import { _installMsgImplementation } from '@lit/localize/init/install.js';
import { joinStringsAndValues } from '@lit/localize/internal/str-tag.js';
import type { StrResult } from '@lit/localize';
import { templates as en } from '../generated/locales/en.js';
import type { Text } from './schema.js';

export type Lang = 'sv' | 'en';

/**
 * @lit/localize keeps one global locale and switches it asynchronously, but two
 * cards on one page may speak different languages. Rendering is synchronous,
 * so each element sets `renderLang` right before its own render (see
 * `useLang`) and every `msg()` call inside that render reads it. The strings
 * still come from `msg()` and the XLIFF files; only the lookup is ours.
 */
let renderLang: Lang = 'sv';

_installMsgImplementation(((template: string | StrResult, options: { id: string }) => {
  const translated = (renderLang == 'en' && (en as Record<string, string | StrResult>)[options.id]) || template;
  return typeof translated == 'string'
    ? translated
    : joinStringsAndValues(
        translated.strings,
        (template as StrResult).values,
        translated == template ? undefined : (translated.values as number[]),
      );
}) as never);

export const useLang = (lang: Lang) => {
  renderLang = lang;
};

/** Maps any language tag to one we speak: `en-GB` → `en`, `de` → `sv`. */
export const toLang = (tag: string | null | undefined): Lang => (/^en\b/i.test(tag?.trim() ?? '') ? 'en' : 'sv');

/** The nearest `lang`: the element's own, an ancestor's (across shadow roots), else `<html lang>`. */
export function resolveLang(element: Element): Lang {
  for (let node: Node | null = element; node; ) {
    if (node instanceof Element && node.hasAttribute('lang')) return toLang(node.getAttribute('lang'));
    node = node.parentNode ?? (node as ShadowRoot).host ?? null;
  }
  return toLang(document.documentElement.lang);
}

/**
 * Chooses the text for `lang`, else the other language. `lang` in the result is
 * set only when the text is in another language than the element's, so the
 * caller can mark it (`lang=${picked.lang ?? nothing}`).
 */
export function pick(text: Text | undefined, lang: Lang): { text?: string; lang?: Lang } {
  if (text === undefined || typeof text == 'string') return { text };
  const other: Lang = lang == 'sv' ? 'en' : 'sv';
  return text[lang] ? { text: text[lang] } : { text: text[other], lang: other };
}

const watchers = new Set<() => void>();
let observer: MutationObserver | undefined;

/**
 * Calls `onChange` whenever any `lang` attribute in the document changes. One
 * observer serves every element; it is disconnected when the last one leaves.
 * Returns the function that stops watching.
 */
export function watchLang(onChange: () => void): () => void {
  if (!observer) {
    observer = new MutationObserver(() => watchers.forEach((watcher) => watcher()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  watchers.add(onChange);
  return () => {
    watchers.delete(onChange);
    if (!watchers.size) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
