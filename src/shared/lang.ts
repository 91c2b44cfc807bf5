import { allLocales } from '../generated/locale-codes.js';
import type { Text } from './schema.js';
import { sourceLang, type Lang } from './translate.js';

export type { Lang };

/** Maps any language tag to one we speak by its base language (`en-GB` → `en`, `sv-FI` → `sv`), else Swedish. */
export function toLang(tag: string | null | undefined): Lang {
  const base = tag?.trim().split(/[-_]/)[0].toLowerCase();
  return (allLocales as readonly string[]).includes(base!) ? (base as Lang) : sourceLang;
}

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
 * Chooses the text for `lang`, else the source language's, else any. `lang`
 * in the result is set only when the text is in another language than the
 * element's, so the caller can mark it (`lang=${picked.lang ?? nothing}`).
 */
export function pick(text: Text | undefined, lang: Lang): { text?: string; lang?: Lang } {
  if (text === undefined || typeof text == 'string') return { text };
  if (text[lang]) return { text: text[lang] };
  const other = [sourceLang, ...allLocales].find((code) => text[code]);
  return { text: other && text[other], lang: other };
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
