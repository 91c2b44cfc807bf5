/**
 * The card's height as configured, for the reservation CSS: the real element, from the snippet's own HTML, in a
 * hidden box, in a column of each width the web team gave, in Swedish and in English (the taller counts), so
 * that the reservation fits this card rather than a generic one.
 */

/** The very markup the editor pastes, as nodes: every value in it is escaped (escapeHtml), and DOMParser runs no script. */
export const parseMarkup = (markup: string) => [...new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html').body.childNodes];

type Rendered = HTMLElement & { updateComplete?: Promise<unknown> };

/**
 * The heights in rem at `wide` and `narrow` px, rounded up to a hundredth; undefined for an empty form, or when a
 * newer measurement has taken the box (`current` says false).
 */
export async function measureCard(box: HTMLElement, markup: string, widths: { wide: number; narrow: number }, current: () => boolean) {
  // An empty form is no card yet: nothing to measure.
  if (!/data-config/.test(markup)) return undefined;
  const frames = [widths.wide, widths.narrow].flatMap((width) =>
    ['sv', 'en'].map((lang) => {
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
  // A card from data-config-src appears once its file has arrived (or shows its fallback after a failure).
  const deadline = performance.now() + 5000;
  while (
    markup.includes('data-config-src') &&
    performance.now() < deadline &&
    !elements.every((element) => element.shadowRoot?.querySelector('.card'))
  ) {
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
