/**
 * The card's height as configured, for the reservation CSS: the real element, from the snippet's own HTML, in a
 * hidden box, in a column of each width the web team gave, in every language the widgets speak (the tallest
 * counts: one snippet may stand on a page in any of them), so that the reservation fits this card rather than a
 * generic one.
 */
import { LANGUAGE_CODES } from '../src/contract/languages.js';

/** The very markup the editor pastes, as nodes: every value in it is escaped (escapeHtml), and DOMParser runs no script. */
export const parseMarkup = (markup: string) => [...new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html').body.childNodes];

type Rendered = HTMLElement & { updateComplete?: Promise<unknown> };

/** The element's `:state(loading)`; a browser that does not know the selector throws, and has no such state. */
function isLoading(element: Element) {
  try {
    return element.matches(':state(loading)');
  } catch {
    return false;
  }
}

/**
 * The heights in rem at `wide` and `narrow` px, rounded up to a hundredth; undefined for an empty form, or when a
 * newer measurement has taken the box (`current` says false).
 */
export async function measureCard(box: HTMLElement, markup: string, widths: { wide: number; narrow: number }, current: () => boolean) {
  // An empty form is no card yet: nothing to measure.
  if (!/data-config/.test(markup)) return undefined;
  const frames = [widths.wide, widths.narrow].flatMap((width) =>
    LANGUAGE_CODES.map((lang) => {
      const frame = document.createElement('div');
      frame.style.width = `${width}px`;
      frame.lang = lang;
      frame.append(...parseMarkup(markup));
      return { width, frame };
    }),
  );
  box.replaceChildren(...frames.map(({ frame }) => frame));
  const elements = frames.map(({ frame }) => frame.firstElementChild as Rendered);
  await Promise.all(elements.map((element) => element.updateComplete));
  // A card whose data-config-src file or language strings are on their way shows its fallback until they arrive
  // (or for good, after a failure): the elements say so with :state(loading).
  const deadline = performance.now() + 5000;
  while (performance.now() < deadline && elements.some(isLoading)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  if (!current()) return undefined;
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  const height = (width: number) =>
    Math.max(...frames.filter((entry) => entry.width == width).map(({ frame }) => frame.firstElementChild!.getBoundingClientRect().height));
  // Rounded up, so that the reservation is never a hair short: a shorter card leaves space, a taller one moves the page.
  const toRem = (px: number) => Math.ceil((px / rem) * 100) / 100;
  const heights = { wide: toRem(height(widths.wide)), narrow: toRem(height(widths.narrow)) };
  box.replaceChildren();
  return heights;
}
