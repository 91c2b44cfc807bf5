import { fixture } from '@open-wc/testing';
import { createFixture, type Fixture } from '../fixtures/index.js';
import '../src/index.js';
import { resolveLang } from '../src/shared/lang.js';
import { loadLanguage } from '../src/shared/locale-load.js';
import { translations } from '../src/shared/translate.js';

export type Widget = HTMLElement & { updateComplete: Promise<boolean>; shadowRoot: ShadowRoot };

/** Attaches `element` inside a wrapper (optionally with a `lang`) and waits for its render. */
export async function mount<T extends HTMLElement = Widget>(element: HTMLElement, wrapperLang?: string): Promise<T & Widget> {
  const wrapper = document.createElement('div');
  if (wrapperLang) wrapper.lang = wrapperLang;
  wrapper.append(element);
  await fixture(wrapper);
  // A language that is not bundled (fi, ar) arrives a moment later, from src/generated/locales/<lang>.json.
  const lang = resolveLang(element);
  if (translations[lang] === undefined) await loadLanguage(lang);
  for (const widget of [element, ...element.querySelectorAll('*')]) if ('updateComplete' in widget) await settle(widget as Widget);
  return element as T & Widget;
}

export const mountFixture = (item: Fixture, lang?: string) => mount(createFixture(item, lang));

/** Waits until the element has rendered everything it has been asked to. */
export async function settle(element: Widget) {
  while (!(await element.updateComplete));
}

/** The text a visitor sees in the shadow root, white space folded. */
export const shadowText = (element: Widget) =>
  [...element.shadowRoot.children]
    .map((child) => (child as HTMLElement).innerText ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/** True when the element shows its light-DOM fallback rather than a card. */
export const showsFallback = (element: Widget) =>
  !!element.shadowRoot.querySelector('slot:not([name])') && !element.shadowRoot.querySelector('.card');

/** Records console.error and console.warn calls while `run` runs (console output is our API to editors). */
export async function captureConsole<T>(run: () => Promise<T>) {
  const errors: string[] = [];
  const warnings: string[] = [];
  const { error, warn } = console;
  console.error = (...args: unknown[]) => errors.push(args.join(' '));
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    return { result: await run(), errors, warnings };
  } finally {
    Object.assign(console, { error, warn });
  }
}

/** Resolves with the next event of `type` that reaches `target`. */
export const nextEvent = <T = unknown>(target: EventTarget, type: string) =>
  new Promise<CustomEvent<T>>((resolve) => target.addEventListener(type, (event) => resolve(event as CustomEvent<T>), { once: true }));

/** Every link href in the shadow root. */
export const hrefs = (element: Widget) => [...element.shadowRoot.querySelectorAll('a')].map((a) => a.getAttribute('href'));

/** Polls until `condition` holds, for what arrives over the network. */
export async function waitFor(condition: () => boolean, timeout = 5000) {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
