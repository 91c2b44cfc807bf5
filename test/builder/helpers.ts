import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { startBuilder, type Builder, type BuilderOptions } from '../../demo/builder.js';
import { shadowText, waitFor, type Widget } from '../helpers.js';

/** The build's hashes stand-in: a fixed file, so that the snippet does not depend on whether dist/ is built. */
export const SAMPLE_SRI = { sriUrl: '/test/builder/sri-sample.json', bundleDir: '/nowhere/' };

let stylesheet: Promise<unknown> | undefined;

/** The builder with its own stylesheet (so that axe sees its real colours), rendered and done loading. */
export async function mountBuilder(options: BuilderOptions = SAMPLE_SRI, lang: 'sv' | 'en' = 'sv') {
  stylesheet ??= new Promise((resolve, reject) =>
    document.head.append(
      Object.assign(document.createElement('link'), { rel: 'stylesheet', href: '/demo/builder.css', onload: resolve, onerror: reject }),
    ),
  );
  await stylesheet;
  const root = await fixture<HTMLDivElement>(html`<div></div>`);
  const builder = startBuilder(root, options);
  if (lang == 'en') builder.setLang(lang);
  await builder.settled();
  return builder;
}

export const $ = <T extends Element = HTMLElement>(builder: Builder, selector: string) => {
  const found = builder.root.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in the builder`);
  return found;
};

/** Focuses a field and types into it with the keyboard, as an editor would. */
export async function typeInto(builder: Builder, selector: string, text: string) {
  $(builder, selector).focus();
  await sendKeys({ type: text });
}

/** Presses a key on whatever has the focus. */
export const press = (key: string) => sendKeys({ press: key });

export const focused = () => document.activeElement as HTMLElement | null;

/** The text of the snippet as shown, which is what the copy button copies. */
export const shownSnippet = (builder: Builder) => $(builder, '#snippet code').textContent!;

/** The problems the build tab lists, as "source: message" lines. */
export const listedProblems = (root: ParentNode) => [...root.querySelectorAll('.finding code')].map((code) => code.textContent!.trim());

/**
 * Presses the copy button with the keyboard and returns what went to the
 * clipboard. The clipboard is watched, not replaced: the builder's own
 * writeText call goes through when the browser allows it.
 */
export async function copyWithKeyboard(builder: Builder) {
  const clipboard = navigator.clipboard;
  const original = clipboard.writeText;
  const copied: string[] = [];
  clipboard.writeText = (text: string) => {
    copied.push(text);
    return original.call(clipboard, text).catch(() => undefined);
  };
  try {
    $(builder, '#copy').focus();
    await press('Enter');
    await waitFor(() => !!$(builder, '.status').textContent!.trim());
  } finally {
    clipboard.writeText = original;
  }
  return copied[0];
}

/**
 * A blank page holding only the pasted snippet, in a frame of its own (its
 * own custom element registry). The CDN address is the one thing changed: the
 * script comes from this test server's source, and its integrity hash (of the
 * built bundle) is dropped with it.
 */
export async function pasteIntoBlankPage(snippet: string, lang: 'sv' | 'en') {
  const local = snippet.replace(/<script type="module" src="[^"]*"[^>]*><\/script>/, '<script type="module" src="/src/index.ts"></script>');
  if (local == snippet) throw new Error('the snippet has no module script tag');
  const frame = document.createElement('iframe');
  frame.title = `blank page (${lang})`;
  frame.style.width = '40rem';
  frame.style.height = '40rem';
  frame.srcdoc = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Blank</title></head><body>${local}</body></html>`;
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  const element = () => frame.contentDocument!.querySelector<Widget>('ik-contact-card, ik-manifesto-card, ik-share-form');
  await waitFor(() => !!element()?.shadowRoot?.querySelector('.card'), 15000);
  await element()!.updateComplete;
  return { frame, element: element()!, remove: () => frame.remove() };
}

/** The preview's element in one language, rendered. */
export async function previewElement(builder: Builder, lang: 'sv' | 'en') {
  const element = () => builder.root.querySelector<Widget>(`#preview-${lang} > *`);
  await waitFor(() => !!element()?.shadowRoot?.querySelector('.card'));
  await element()!.updateComplete;
  return element()!;
}

export { shadowText, waitFor };
