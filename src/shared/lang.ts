import { LANGUAGES, toLanguage, type LanguageInfo } from '../contract/languages.js';
import type { Text } from './schema.js';
import { sourceLang, type Lang } from './translate.js';

export type { Lang };

/** Maps any language tag to one we speak by its base language (`en-GB` → `en`, `sv-FI` → `sv`), else Swedish. */
export const toLang: (tag: string | null | undefined) => Lang = toLanguage;

/** The base language of a tag, in lower case: `sv-FI` → `sv`. */
const base = (tag: string) => tag.split(/[-_]/)[0].toLowerCase();

/** A writing direction, as the `dir` attribute takes it. */
export type Dir = 'ltr' | 'rtl' | 'auto';

/** A language's writing direction; `auto` (from the text itself) for one that is not in our list. */
const dirOf = (tag: string): Dir => (LANGUAGES as Record<string, LanguageInfo>)[base(tag)]?.dir ?? 'auto';

/** The nodes that hold `element`'s language: itself and its ancestors, across shadow roots, up to the document. */
function* ancestry(element: Element): Generator<Node> {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) yield node;
}

/** The nearest `lang`: the element's own, an ancestor's (across shadow roots), else `<html lang>`. */
export function resolveLang(element: Element): Lang {
  for (const node of ancestry(element)) if (node instanceof Element && node.hasAttribute('lang')) return toLang(node.getAttribute('lang'));
  return toLang(document.documentElement.lang);
}

/**
 * Chooses the text for `lang` (any key whose base language it is: `fi` or `fi-FI`), else Swedish's, else English's,
 * else the first key given. `lang` in the result is set only when the text is in another language than the
 * element's, so that the caller can mark it; `dir` only when its direction differs from the element's.
 */
export function pick(text: Text | undefined, lang: Lang): { text?: string; lang?: string; dir?: Dir } {
  if (text === undefined || typeof text == 'string') return { text };
  const keys = Object.keys(text);
  const key = [lang, sourceLang, 'en'].map((wanted) => keys.find((key) => base(key) == wanted)).find(Boolean) ?? keys[0];
  if (base(key) == lang) return { text: text[key] };
  const dir = dirOf(key);
  return dir == LANGUAGES[lang].dir ? { text: text[key], lang: key } : { text: text[key], lang: key, dir };
}

/** One observer per document or shadow root, shared by every element whose language depends on it. */
const roots = new Map<Node, { observer: MutationObserver; watchers: Set<() => void> }>();

/**
 * Calls `onChange` whenever a `lang` attribute changes anywhere that can
 * decide `element`'s language: in its own tree and in every tree that holds
 * one of its hosts, up to the document. A MutationObserver does not see into
 * shadow roots, so each root on the way up gets one. Returns the function
 * that stops watching; a root's observer goes with its last watcher.
 */
export function watchLang(element: Element, onChange: () => void): () => void {
  const watched: Node[] = [];
  for (const node of ancestry(element)) {
    if (node.parentNode) continue;
    // A node without a parent is a root: the document, a shadow root, or a detached tree.
    let root = roots.get(node);
    if (!root) {
      const watchers = new Set<() => void>();
      const observer = new MutationObserver(() => watchers.forEach((watcher) => watcher()));
      observer.observe(node, { attributes: true, attributeFilter: ['lang'], subtree: true });
      roots.set(node, (root = { observer, watchers }));
    }
    root.watchers.add(onChange);
    watched.push(node);
  }
  return () => {
    for (const node of watched) {
      const root = roots.get(node)!;
      root.watchers.delete(onChange);
      if (!root.watchers.size) {
        root.observer.disconnect();
        roots.delete(node);
      }
    }
  };
}
