import { expect } from '@open-wc/testing';
import type { SharePayload } from '../../src/share-form/share-form.js';
import { mailtoHref } from '../../src/shared/url.js';
import { nextEvent, settle, shadowText } from '../helpers.js';
import { $, newVisitor, postsMade, shareForm, status } from './helpers.js';

/**
 * Records the mailto: links the page follows, and stops each, so no mail
 * program opens during the tests. It listens last (bubbling, on window), so it
 * sees whether the element itself cancelled the click.
 */
function watchMailto() {
  const followed: { href: string; cancelled: boolean }[] = [];
  const listener = (event: Event) => {
    const link = event.composedPath()[0];
    if (!(link instanceof HTMLAnchorElement) || !link.href.startsWith('mailto:')) return;
    followed.push({ href: link.href, cancelled: event.defaultPrevented });
    event.preventDefault();
  };
  window.addEventListener('click', listener);
  return { followed, stop: () => window.removeEventListener('click', listener) };
}

const mailLink = (element: Parameters<typeof $>[0]) => $<HTMLAnchorElement>(element, 'a[href^="mailto:"]');

describe('<ik-share-form> without an endpoint: the mail program', () => {
  beforeEach(newVisitor);

  it('encodes subject and body for mailto: (UTF-8 percent-encoding, CR LF line breaks)', () => {
    expect(mailtoHref('Tipsa en vän: Industriell förnyelse & mer?', 'Rad ett\r\nhttps://www.example.se/sida?a=1&b=2#x')).to.equal(
      'mailto:?subject=Tipsa%20en%20v%C3%A4n%3A%20Industriell%20f%C3%B6rnyelse%20%26%20mer%3F' +
        '&body=Rad%20ett%0D%0Ahttps%3A%2F%2Fwww.example.se%2Fsida%3Fa%3D1%26b%3D2%23x',
    );
  });

  it('offers a mailto: link with the page title as subject and title and address in the body', async () => {
    const element = await shareForm({ url: 'https://www.example.se/industri?tab=1', 'page-title': 'Åtgärder för Sveriges industri' });
    expect($(element, 'form')).to.equal(null);
    const link = mailLink(element);
    expect(link.textContent!.trim()).to.equal('Tipsa via e-post');
    const href = link.getAttribute('href')!;
    expect(href).to.equal(
      'mailto:?subject=%C3%85tg%C3%A4rder%20f%C3%B6r%20Sveriges%20industri&body=%C3%85tg%C3%A4rder%20f%C3%B6r%20Sveriges%20industri%0D%0Ahttps%3A%2F%2Fwww.example.se%2Findustri%3Ftab%3D1',
    );
    // What a mail program reads back: the same words and a real line break.
    const query = new URLSearchParams(href.slice('mailto:?'.length).replace(/\+/g, '%2B'));
    expect(query.get('subject')).to.equal('Åtgärder för Sveriges industri');
    expect(query.get('body')).to.equal('Åtgärder för Sveriges industri\r\nhttps://www.example.se/industri?tab=1');
    // No fields to fill in, so no "all fields are required" and no notice about sending through the site.
    expect(shadowText(element)).not.to.contain('Alla fält');
    expect($(element, '[part=privacy]')).to.equal(null);
  });

  it('fires ik-share-submit on the click and follows the link; nothing is sent by the widget', async () => {
    const element = await shareForm({ 'page-title': 'Sidan' });
    const posts = postsMade();
    const watch = watchMailto();
    try {
      const submitted = nextEvent<SharePayload>(element, 'ik-share-submit');
      mailLink(element).click();
      const { detail } = await submitted;
      expect(detail).to.deep.equal({ to: '', name: '', from: '', message: '', url: detail.url, title: 'Sidan', lang: 'sv' });
      expect(watch.followed).to.deep.equal([{ href: mailLink(element).href, cancelled: false }]);
    } finally {
      watch.stop();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(postsMade()).to.equal(posts);
  });

  it('opens nothing when ik-share-submit is cancelled', async () => {
    const element = await shareForm({});
    const watch = watchMailto();
    const cancel = (event: Event) => event.preventDefault();
    element.addEventListener('ik-share-submit', cancel);
    try {
      mailLink(element).click();
      expect(watch.followed).to.have.length(1);
      expect(watch.followed[0].cancelled).to.equal(true);
    } finally {
      watch.stop();
    }
  });

  it('shows a configured privacy notice', async () => {
    const element = await shareForm({}, { privacy: { text: 'Inget skickas härifrån.' } });
    expect($(element, '[part=privacy]').textContent!.trim()).to.equal('Inget skickas härifrån.');
  });
});

describe('<ik-share-form> copy link and system share', () => {
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  afterEach(() => {
    // Back to the browser's own clipboard (an own property shadows the prototype's getter).
    delete (navigator as { clipboard?: unknown }).clipboard;
    if (original) Object.defineProperty(navigator, 'clipboard', original);
  });

  const fakeClipboard = (writeText: (text: string) => Promise<void>) =>
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });

  it('copies the address with the Clipboard API and says so in the live region', async () => {
    const copied: string[] = [];
    fakeClipboard(async (text) => void copied.push(text));
    const element = await shareForm({ endpoint: '/api/share', url: 'https://www.example.se/sida' }, undefined, 'en');
    $<HTMLButtonElement>(element, '[part=tools] button').click();
    await new Promise((resolve) => setTimeout(resolve));
    await settle(element);
    expect(copied).to.deep.equal(['https://www.example.se/sida']);
    expect(status(element)).to.equal('Link copied.');
  });

  it('selects the address for the visitor to copy when the clipboard refuses', async () => {
    fakeClipboard(() => Promise.reject(new DOMException('Denied', 'NotAllowedError')));
    const element = await shareForm({ url: 'https://www.example.se/sida' });
    $<HTMLButtonElement>(element, '[part=tools] button').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settle(element);
    const field = $<HTMLInputElement>(element, '[part=tools] input');
    expect(field.value).to.equal('https://www.example.se/sida');
    expect(field.readOnly).to.equal(true);
    expect(field.getAttribute('aria-label')).to.equal('Kopiera länk');
    expect(element.shadowRoot.activeElement).to.equal(field);
    expect([field.selectionStart, field.selectionEnd]).to.deep.equal([0, field.value.length]);
    expect(status(element)).to.equal('Kopiera den markerade länken.');
  });

  it('also selects it where there is no Clipboard API at all (an http: page)', async () => {
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    const element = await shareForm({ url: 'https://www.example.se/sida' });
    $<HTMLButtonElement>(element, '[part=tools] button').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await settle(element);
    expect(element.shadowRoot.activeElement).to.equal($(element, '[part=tools] input'));
  });

  it('shows "share…" only where navigator.share exists, and shares title and address', async () => {
    const native = 'share' in navigator;
    if (!native) {
      const element = await shareForm();
      expect(shadowText(element)).not.to.contain('Dela…');
    }
    const shared: ShareData[] = [];
    const own = Object.getOwnPropertyDescriptor(navigator, 'share');
    Object.defineProperty(navigator, 'share', { value: async (data: ShareData) => void shared.push(data), configurable: true });
    try {
      const element = await shareForm({ url: 'https://www.example.se/sida', 'page-title': 'Sidan' });
      const button = [...element.shadowRoot.querySelectorAll('button')].find((item) => item.textContent == 'Dela…')!;
      button.click();
      expect(shared).to.deep.equal([{ url: 'https://www.example.se/sida', title: 'Sidan' }]);
    } finally {
      delete (navigator as { share?: unknown }).share;
      if (own) Object.defineProperty(navigator, 'share', own);
    }
  });

  it('ignores the visitor closing the share sheet', async () => {
    const own = Object.getOwnPropertyDescriptor(navigator, 'share');
    Object.defineProperty(navigator, 'share', {
      value: () => Promise.reject(new DOMException('Cancelled', 'AbortError')),
      configurable: true,
    });
    const unhandled: unknown[] = [];
    const record = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
    window.addEventListener('unhandledrejection', record);
    try {
      const element = await shareForm();
      [...element.shadowRoot.querySelectorAll('button')].find((item) => item.textContent == 'Dela…')!.click();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(unhandled).to.deep.equal([]);
    } finally {
      window.removeEventListener('unhandledrejection', record);
      delete (navigator as { share?: unknown }).share;
      if (own) Object.defineProperty(navigator, 'share', own);
    }
  });
});
