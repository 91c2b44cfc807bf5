/**
 * The example page: a municipality's article with the three widgets. It is in Swedish; `?lang=en` shows it in
 * English. The cards follow the page's `lang` by themselves; the page's own texts carry their English in
 * `data-en` (and `data-en-aria-label`, `data-en-href`), which this swaps in.
 */
import '../src/index.js';

const english = new URLSearchParams(location.search).get('lang') == 'en';

if (english) {
  document.documentElement.lang = 'en';
  for (const element of document.querySelectorAll<HTMLElement>('[data-en]')) {
    element.textContent = element.dataset.en!;
    // A text that was marked as English on the Swedish page needs no mark of its own on the English one.
    if (element.lang == 'en') element.removeAttribute('lang');
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-en-aria-label]'))
    element.setAttribute('aria-label', element.dataset.enAriaLabel!);
  for (const element of document.querySelectorAll<HTMLAnchorElement>('[data-en-href]')) element.href = element.dataset.enHref!;
  // The cards' fallbacks (shown until the script has run) stay Swedish: mark them so.
  for (const fallback of document.querySelectorAll('ik-manifesto-card > *, ik-contact-card > *, ik-share-form > *'))
    fallback.setAttribute('lang', 'sv');
  const links = document.querySelectorAll<HTMLAnchorElement>('a[href="./"], a[href="./builder.html"]');
  for (const link of links) link.search = '?lang=en';
}

const switchLink = document.getElementById('language-switch') as HTMLAnchorElement;
if (english) {
  switchLink.textContent = 'På svenska';
  switchLink.lang = switchLink.hreflang = 'sv';
  switchLink.href = location.pathname;
}

// Under `npm start` the share form sends through the real share relay, which writes each mail to
// relay-data/outbox/*.eml (scripts/dev-relay.ts); the published site has no relay behind it.
if (import.meta.env.DEV) document.querySelector('ik-share-form')?.setAttribute('endpoint', '/api/share');
