import { expect } from '@open-wc/testing';
import { shareFixtures } from '../../fixtures/index.js';
import type { ShareErrorDetail, SharePayload } from '../../src/share-form/share-form.js';
import { captureConsole, mount, mountFixture, nextEvent, settle, shadowText, waitFor } from '../helpers.js';
import {
  $,
  address,
  fieldValues,
  fill,
  inlineError,
  outbox,
  postsMade,
  newVisitor,
  shareForm,
  sleep,
  status,
  submitButton,
  summary,
  type,
  typed,
  type ShareForm,
} from './helpers.js';

/** Submits and waits for the answer: the send, the error, or the summary. */
async function send(element: ShareForm) {
  const done = Promise.race([nextEvent(element, 'ik-share-success'), nextEvent(element, 'ik-share-error')]);
  submitButton(element).click();
  await done;
  await settle(element);
}

/** What the live region says after a failed send: that it failed, and what to do next. */
const FAILED =
  'Tipset kunde inte skickas. Det du skrev finns kvar. Tryck på Skicka för att försöka igen, eller kopiera länken och skicka den själv.';

describe('<ik-share-form> with an endpoint', () => {
  beforeEach(newVisitor);

  it('shows four labelled fields with the right types and autocomplete, all required', async () => {
    const element = await shareForm();
    expect($(element, 'h2').textContent!.trim()).to.equal('Tipsa en vän');
    expect(shadowText(element)).to.contain('Alla fält måste fyllas i.');
    const fields = [...element.shadowRoot.querySelectorAll<HTMLInputElement>('.field input, .field textarea')].map((field) => ({
      id: field.id,
      label: element.shadowRoot.querySelector(`label[for=${field.id}]`)!.textContent,
      type: field.type,
      autocomplete: field.getAttribute('autocomplete'),
      required: field.required,
    }));
    expect(fields).to.deep.equal([
      // The recipient's address is not the visitor's own: no `email` token, or the browser would offer theirs.
      { id: 'to', label: 'Din väns e-postadress', type: 'email', autocomplete: 'off', required: true },
      { id: 'name', label: 'Ditt namn', type: 'text', autocomplete: 'name', required: true },
      { id: 'from', label: 'Din e-postadress', type: 'email', autocomplete: 'email', required: true },
      { id: 'message', label: 'Ditt meddelande', type: 'textarea', autocomplete: null, required: true },
    ]);
    // Nothing in the way of typing: no maxlength anywhere.
    expect(element.shadowRoot.querySelectorAll('[maxlength]')).to.have.length(0);
  });

  it('speaks English in an English page', async () => {
    const element = await shareForm(undefined, undefined, 'en');
    const text = shadowText(element);
    for (const part of [
      'Tell a friend',
      'All fields are required.',
      "Your friend's email address",
      'Your name',
      'Your email address',
      'Your message',
      'You have 500 characters remaining',
      'Send',
      'Copy link',
      'What you write is sent to the recipient. The form stores nothing.',
    ])
      expect(text).to.contain(part);
  });

  it('POSTs the contract body as JSON and shows the success (2xx)', async () => {
    const element = await shareForm({
      endpoint: '/api/share',
      url: 'https://www.example.se/industri',
      'page-title': 'Industriell förnyelse',
    });
    await fill(element);
    const submitted = nextEvent<SharePayload>(element, 'ik-share-submit');
    const succeeded = nextEvent<SharePayload>(document, 'ik-share-success');
    submitButton(element).click();
    const { detail } = await submitted;
    const expected = { ...typed, url: 'https://www.example.se/industri', title: 'Industriell förnyelse', lang: 'sv' };
    expect(Object.keys(detail)).to.deep.equal(['to', 'name', 'from', 'message', 'url', 'title', 'lang']);
    expect(detail).to.deep.equal(expected);
    expect((await succeeded).detail).to.deep.equal(expected);
    await settle(element);
    expect(status(element)).to.equal('Tack! Tipset är skickat.');
    // The server takes only application/json (415 otherwise): the message arrived, so the type was right.
    const [sent] = await outbox();
    expect(sent).to.include({ ...expected, message: typed.message.trim() });
    // The form gives way to "send another", which has the focus.
    expect($<HTMLFormElement>(element, 'form').hidden).to.equal(true);
    expect(element.shadowRoot.activeElement!.textContent!.trim()).to.equal('Skicka ett till');
  });

  it('"send another" keeps the sender\'s name and address and empties the rest', async () => {
    const element = await shareForm();
    await fill(element);
    await send(element);
    ($(element, '.again') as HTMLButtonElement).click();
    await settle(element);
    expect($<HTMLFormElement>(element, 'form').hidden).to.equal(false);
    expect(fieldValues(element)).to.deep.equal({ to: '', name: typed.name, from: typed.from, message: '' });
    expect(element.shadowRoot.activeElement!.id).to.equal('to');
    expect(status(element)).to.equal('');
    expect($(element, '#message-hint').textContent).to.equal('Du har 500 tecken kvar');
    await fill(element, { to: address('annan'), message: 'Till en till.' });
    await send(element);
    expect((await outbox()).map((sent) => [sent.to, sent.name, sent.from, sent.message])).to.deep.equal([
      [typed.to, typed.name, typed.from, typed.message.trim()],
      [address('annan'), typed.name, typed.from, 'Till en till.'],
    ]);
  });

  it('validates on submit only, with a focused summary linking to inline errors', async () => {
    const element = await shareForm();
    type(element, 'to', 'inte en adress');
    await settle(element);
    // Typing shows no errors: validation waits for the submit.
    expect($(element, '[part=summary]')).to.equal(null);
    expect($(element, '#to').getAttribute('aria-invalid')).to.equal('false');
    submitButton(element).click();
    await settle(element);
    // GOV.UK's summary: the box takes the focus, the alert inside it is announced, and its title is a heading.
    const box = $(element, '[part=summary]');
    expect(element.shadowRoot.activeElement).to.equal(box);
    expect(box.getAttribute('role')).to.equal(null);
    expect(box.querySelectorAll('[role=alert]')).to.have.length(1);
    const title = box.querySelector('[role=alert] [role=heading]')!;
    expect(title.textContent).to.equal('Det finns ett problem');
    expect(title.getAttribute('aria-level')).to.equal('3');
    expect(box.textContent).to.contain('Det finns ett problem');
    const messages = {
      to: 'Skriv din väns e-postadress i rätt format, till exempel namn@exempel.se',
      name: 'Skriv ditt namn',
      from: 'Skriv din e-postadress',
      message: 'Skriv ditt meddelande',
    };
    expect(summary(element)).to.deep.equal(Object.entries(messages).map(([id, text]) => ({ text, link: `#${id}` })));
    for (const [id, text] of Object.entries(messages)) {
      expect(inlineError(element, id), id).to.equal(text);
      expect($(element, `#${id}`).getAttribute('aria-invalid')).to.equal('true');
    }
    // The message's description keeps its count as well as its error.
    expect($(element, '#message').getAttribute('aria-describedby')).to.equal('message-error message-hint');
    // Each link moves focus to its field, and the page's address keeps no #fragment.
    const before = location.href;
    for (const id of ['message', 'from', 'to']) {
      element.shadowRoot.querySelector<HTMLAnchorElement>(`[part=summary] a[href="#${id}"]`)!.click();
      await settle(element);
      expect(element.shadowRoot.activeElement!.id).to.equal(id);
    }
    expect(location.href).to.equal(before);
    expect(await outbox()).to.deep.equal([]);
    // Fixed and sent again: the errors go.
    await fill(element);
    await send(element);
    expect($(element, '[part=summary]')).to.equal(null);
    expect(await outbox()).to.have.length(1);
  });

  it("checks addresses by the HTML standard's definition and 254 characters, in the element's language", async () => {
    const element = await shareForm(undefined, undefined, 'en');
    // These are about validation, not sending: a valid form stops at its submit event.
    element.addEventListener('ik-share-submit', (event) => event.preventDefault());
    const long = `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}.se`; // 257 characters, each part valid
    for (const [address, problem] of [
      ['namn@exempel.se', undefined],
      ['namn+tips@exempel.se', undefined],
      ['namn@exempel', undefined], // valid by the HTML standard: no dot needed
      ['namn', 'format'],
      ['namn@exempel..se', 'format'],
      ['namn @exempel.se', 'format'],
      ['åsa@exempel.se', 'format'],
      [long, 'format'],
      [long.slice(4), undefined], // 253 characters
    ] as const) {
      await fill(element, { ...typed, from: address });
      submitButton(element).click();
      await settle(element);
      expect(inlineError(element, 'from'), address).to.equal(
        problem && 'Enter your email address in the correct format, like name@example.com',
      );
    }
  });

  it('counts characters politely and never blocks typing; over 500 is an error on submit', async () => {
    const element = await shareForm();
    const live = $(element, '[aria-live=polite]');
    expect($(element, '#message-hint').textContent).to.equal('Du har 500 tecken kvar');
    type(element, 'message', 'x'.repeat(10));
    await settle(element);
    expect($(element, '#message-hint').textContent).to.equal('Du har 490 tecken kvar');
    // Screen readers hear it once typing pauses, not at every key.
    expect(live.textContent).to.equal('');
    await waitFor(() => live.textContent == 'Du har 490 tecken kvar', 3000);
    type(element, 'message', 'x'.repeat(503));
    await settle(element);
    expect($<HTMLTextAreaElement>(element, '#message').value).to.have.length(503);
    const hint = $(element, '#message-hint');
    expect(hint.textContent).to.equal('Du har 3 tecken för mycket');
    expect(hint.classList.contains('error')).to.equal(true);
    await waitFor(() => live.textContent == 'Du har 3 tecken för mycket', 3000);
    await fill(element, { ...typed, message: 'x'.repeat(503) });
    submitButton(element).click();
    await settle(element);
    expect(inlineError(element, 'message')).to.equal('Ditt meddelande får vara högst 500 tecken');
    type(element, 'message', 'x'.repeat(500));
    await send(element);
    expect(await outbox()).to.have.length(1);
  });

  it('shows 422 field errors from the server at their fields, keeping what was typed', async () => {
    const element = await shareForm({ endpoint: '/api/share?fault=422' });
    await fill(element);
    const error = nextEvent<ShareErrorDetail>(element, 'ik-share-error');
    submitButton(element).click();
    expect((await error).detail.status).to.equal(422);
    await settle(element);
    expect(inlineError(element, 'to')).to.equal('Servern säger nej');
    expect(summary(element)).to.deep.equal([{ text: 'Servern säger nej', link: '#to' }]);
    expect(element.shadowRoot.activeElement).to.equal($(element, '[part=summary]'));
    expect(fieldValues(element)).to.deep.equal(typed);
    expect(status(element)).to.equal('');
  });

  it("shows a server error for a field the form does not have as a general error (the real endpoint's 422)", async () => {
    // The page title goes into a mail header, so the server refuses one with a line break.
    const element = await shareForm({ endpoint: '/api/share', 'page-title': 'Två\nrader' });
    await fill(element);
    const error = nextEvent<ShareErrorDetail>(element, 'ik-share-error');
    submitButton(element).click();
    expect((await error).detail.status).to.equal(422);
    await settle(element);
    expect(summary(element)).to.deep.equal([
      { text: 'Sidans titel måste vara text på en rad, högst 300 tecken. Kontakta webbplatsens ägare.', link: null },
    ]);
    for (const id of ['to', 'name', 'from', 'message']) expect($(element, `#${id}`).getAttribute('aria-invalid')).to.equal('false');
    expect(await outbox()).to.deep.equal([]);
  });

  it('says "too many, try again in N minutes" on 429, from Retry-After', async () => {
    for (const [lang, words] of [
      [
        'sv',
        'För många tips på kort tid. Försök igen om 2 minuter. Det du skrev finns kvar. Du kan också kopiera länken och skicka den själv.',
      ],
      [
        'en',
        'Too many tips in a short time. Try again in 2 minutes. What you wrote is still here. You can also copy the link and send it yourself.',
      ],
    ]) {
      const element = await shareForm({ endpoint: '/api/share?fault=429' }, undefined, lang);
      await fill(element);
      const error = nextEvent<ShareErrorDetail>(element, 'ik-share-error');
      submitButton(element).click();
      expect((await error).detail.status).to.equal(429);
      await settle(element);
      expect(status(element)).to.equal(words);
      expect(fieldValues(element)).to.deep.equal(typed);
    }
  });

  it('keeps the text exactly as typed on a 500 and offers "try again", which sends it', async () => {
    const element = await shareForm({ endpoint: '/api/share?fault=500' });
    await fill(element);
    const error = nextEvent<ShareErrorDetail>(document, 'ik-share-error');
    submitButton(element).click();
    expect((await error).detail).to.deep.equal({ status: 500, message: 'HTTP 500' });
    await settle(element);
    expect(status(element)).to.equal(FAILED);
    // The button the visitor pressed keeps its name: nothing about it changes unannounced.
    expect(submitButton(element).textContent!.trim()).to.equal('Skicka');
    expect(fieldValues(element)).to.deep.equal(typed);
    expect(await outbox()).to.deep.equal([]);
    // The server is back: "try again" sends what was typed, unchanged.
    element.setAttribute('endpoint', '/api/share');
    await settle(element);
    await send(element);
    expect(status(element)).to.equal('Tack! Tipset är skickat.');
    expect((await outbox()).map(({ to, name, from, message }) => ({ to, name, from, message }))).to.deep.equal([
      { ...typed, message: typed.message.trim() },
    ]);
  });

  it('reports a network failure with status 0', async () => {
    const element = await shareForm({ endpoint: '/api/share?fault=drop' });
    await fill(element);
    const error = nextEvent<ShareErrorDetail>(element, 'ik-share-error');
    submitButton(element).click();
    expect((await error).detail).to.deep.equal({ status: 0, message: 'network error' });
    await settle(element);
    expect(status(element)).to.equal(FAILED);
    expect(submitButton(element).textContent!.trim()).to.equal('Skicka');
    expect(fieldValues(element)).to.deep.equal(typed);
  });

  it('gives up after its timeout (15 s unless set) with status 0', async () => {
    const element = await shareForm({ endpoint: '/api/share?fault=slow&ms=5000' });
    expect(element.timeout).to.equal(15000);
    element.timeout = 300;
    await fill(element);
    const error = nextEvent<ShareErrorDetail>(element, 'ik-share-error');
    const started = performance.now();
    submitButton(element).click();
    await settle(element);
    expect(status(element)).to.equal('Skickar…');
    expect((await error).detail).to.deep.equal({ status: 0, message: 'timeout' });
    expect(performance.now() - started).to.be.below(2500);
    await settle(element);
    expect(status(element)).to.equal(FAILED);
    expect(fieldValues(element)).to.deep.equal(typed);
  });

  it('sends nothing for a second submit while one is in flight', async () => {
    const element = await shareForm();
    await fill(element);
    let submits = 0;
    element.addEventListener('ik-share-submit', () => submits++);
    const form = $<HTMLFormElement>(element, 'form');
    const success = nextEvent(element, 'ik-share-success');
    form.requestSubmit();
    form.requestSubmit();
    submitButton(element).click();
    await success;
    await sleep(200);
    expect(submits).to.equal(1);
    expect(await outbox()).to.have.length(1);

    // The same with a slow answer: a click during "Skickar…" makes no second request.
    const slow = await shareForm({ endpoint: '/api/share?fault=slow&ms=600&double=1' });
    await fill(slow);
    const done = nextEvent(slow, 'ik-share-success');
    submitButton(slow).click();
    await settle(slow);
    expect(status(slow)).to.equal('Skickar…');
    submitButton(slow).click();
    await sleep(100);
    submitButton(slow).click();
    await done;
    const requests = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('double=1'));
    expect(requests).to.have.length(1);
    expect(await outbox()).to.have.length(1); // the first form's one message; a slow answer records nothing
  });

  it('sends nothing when the honeypot is filled, and shows success', async () => {
    const element = await shareForm();
    const honeypot = $<HTMLInputElement>(element, '[name=website]');
    // People and assistive technology never meet it.
    expect(honeypot.getAttribute('aria-hidden')).to.equal('true');
    expect(honeypot.tabIndex).to.equal(-1);
    expect(honeypot.getAttribute('autocomplete')).to.equal('off');
    // Out of sight: clipped to nothing (no longer moved off to the left, which scrolls in a right-to-left page).
    expect(getComputedStyle(honeypot).clipPath).to.equal('inset(50%)');
    expect(getComputedStyle(honeypot).position).to.equal('absolute');
    await fill(element);
    honeypot.value = 'https://spam.example';
    const posts = postsMade();
    let events = 0;
    for (const name of ['ik-share-submit', 'ik-share-success', 'ik-share-error']) element.addEventListener(name, () => events++);
    submitButton(element).click();
    await settle(element);
    expect(status(element)).to.equal('Tack! Tipset är skickat.');
    await sleep(200);
    expect(events).to.equal(0);
    // The browser made no request at all (the server drops such a message too, so its outbox alone would not tell).
    expect(postsMade()).to.equal(posts);
    expect(await outbox()).to.deep.equal([]);
  });

  it('sends nothing when a listener cancels ik-share-submit', async () => {
    const element = await shareForm();
    await fill(element);
    const cancel = (event: Event) => event.preventDefault();
    document.addEventListener('ik-share-submit', cancel);
    const posts = postsMade();
    try {
      const submitted = nextEvent(element, 'ik-share-submit');
      submitButton(element).click();
      const event = await submitted;
      expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
      await sleep(200);
      await settle(element);
      expect(status(element)).to.equal('');
      expect($<HTMLFormElement>(element, 'form').hidden).to.equal(false);
      expect(fieldValues(element)).to.deep.equal(typed);
      expect(postsMade()).to.equal(posts);
      expect(await outbox()).to.deep.equal([]);
    } finally {
      document.removeEventListener('ik-share-submit', cancel);
    }
  });

  it('takes a 2xx as success even when its body is not JSON (the contract: 2xx → success)', async () => {
    const element = await shareForm({ endpoint: '/api/share?fault=html' });
    await fill(element);
    await send(element);
    expect(status(element)).to.equal('Tack! Tipset är skickat.');
  });

  it('shares the canonical address, else this page without its #hash; url and page-title override', async () => {
    const submitted = async (element: ShareForm) => {
      const event = nextEvent<SharePayload>(element, 'ik-share-submit');
      submitButton(element).click();
      const { detail } = await event;
      return { url: detail.url, title: detail.title, lang: detail.lang };
    };
    const cancel = (event: Event) => event.preventDefault();
    document.addEventListener('ik-share-submit', cancel);
    const canonical = Object.assign(document.createElement('link'), { rel: 'canonical', href: '/industrikommuner?ref=1' });
    const title = document.title;
    try {
      document.title = 'Industrikommunerna – Trollhättan';
      location.hash = 'tipsa';
      const plain = await shareForm(undefined, undefined, 'en');
      await fill(plain);
      expect(await submitted(plain)).to.deep.equal({
        url: location.href.split('#')[0],
        title: 'Industrikommunerna – Trollhättan',
        lang: 'en',
      });
      document.head.append(canonical);
      expect((await submitted(plain)).url).to.equal(`${location.origin}/industrikommuner?ref=1`);
      const configured = await shareForm({ endpoint: '/api/share', url: '/sidan', 'page-title': 'Egen titel' });
      await fill(configured);
      expect(await submitted(configured)).to.deep.equal({ url: `${location.origin}/sidan`, title: 'Egen titel', lang: 'sv' });
      const perLanguage = await shareForm(undefined, { pageTitle: { sv: 'Svensk titel', en: 'English title' } }, 'en');
      await fill(perLanguage);
      expect((await submitted(perLanguage)).title).to.equal('English title');
    } finally {
      document.removeEventListener('ik-share-submit', cancel);
      canonical.remove();
      document.title = title;
      history.replaceState(null, '', location.href.split('#')[0]);
    }
    expect(await outbox()).to.deep.equal([]);
  });

  it('re-renders from the endpoint attribute: with one a form, without one the mail-client link', async () => {
    const element = await shareForm({});
    expect($(element, 'form')).to.equal(null);
    element.setAttribute('endpoint', '/api/share');
    await settle(element);
    expect($(element, 'form')).not.to.equal(null);
  });
});

describe('<ik-share-form> privacy notice', () => {
  it('says by default what is sent, to whom, and that nothing is stored', async () => {
    const element = await shareForm();
    expect($(element, '[part=privacy]').textContent!.trim()).to.equal('Det du skriver skickas till mottagaren. Formuläret sparar inget.');
  });

  it('takes its text and link from `privacy`, marking text in the other language', async () => {
    const element = await shareForm(
      { endpoint: '/api/share' },
      { privacy: { text: { sv: 'Läs om personuppgifter.' }, href: 'https://www.example.se/gdpr' } },
      'en',
    );
    const notice = $(element, '[part=privacy]');
    expect(notice.textContent!.trim()).to.equal('Läs om personuppgifter.');
    expect(notice.getAttribute('lang')).to.equal('sv');
    expect(notice.querySelector('a')!.getAttribute('href')).to.equal('https://www.example.se/gdpr');
  });

  it('drops a javascript: privacy link with a warning', async () => {
    const element = document.createElement('ik-share-form');
    element.setAttribute('endpoint', '/api/share');
    element.setAttribute('data-config', JSON.stringify({ privacy: { href: 'javascript:alert(1)' } }));
    const { warnings, errors } = await captureConsole(() => mount(element));
    expect(warnings.join()).to.contain('privacy.href');
    expect(errors).to.deep.equal([]);
    expect((element as ShareForm).shadowRoot.querySelector('[part=privacy] a')).to.equal(null);
  });
});

describe('<ik-share-form> fixtures', () => {
  it('drops an unsafe endpoint with a warning and falls back to mail-client mode', async () => {
    const fixture = shareFixtures.find((item) => JSON.stringify(item.config).includes('javascript:'))!;
    const { result: element, warnings } = await captureConsole(() => mountFixture(fixture));
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<ik-share-form>').and.contain('endpoint');
    expect(element.shadowRoot.querySelector('form')).to.equal(null);
  });
});
