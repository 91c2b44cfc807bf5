import { expect } from '@open-wc/testing';
import { captureConsole } from '../helpers.js';
import {
  $,
  copyWithKeyboard,
  focused,
  listedProblems,
  mountBuilder,
  pasteIntoBlankPage,
  press,
  previewElement,
  shadowText,
  shownSnippet,
  typeInto,
} from './helpers.js';

const version = async () => (await (await fetch('/package.json')).json()).version as string;

/** The element part of a snippet, parsed as a page would parse it. */
const pastedElement = (snippet: string) =>
  new DOMParser().parseFromString(snippet, 'text/html').body.querySelector('ik-contact-card, ik-manifesto-card, ik-share-form')!;

describe('snippet builder: fill in, copy, paste into a blank page', () => {
  it('a contact card typed by keyboard renders the same content on a blank page as in the preview, in both languages', async () => {
    const builder = await mountBuilder();
    await typeInto(builder, '#f-contact-card-person-name-sv', 'Dick Eriksson');
    await typeInto(builder, '#f-contact-card-person-role-sv', 'Näringslivschef');
    await typeInto(builder, '#f-contact-card-person-role-en', 'Head of Business Development');
    // "Add a phone number" by keyboard: the new number field takes the focus.
    $(builder, '#f-contact-card-person-phones-add').focus();
    await press('Enter');
    expect(focused()?.id).to.match(/^f-contact-card-person-phones-\d+-number$/);
    await sendText('0520-49 68 10');
    await typeInto(builder, '#f-contact-card-unit-name-sv', 'Näringslivsenheten');
    await typeInto(builder, '#f-contact-card-unit-name-en', 'Business Development Unit');
    await typeInto(builder, '#f-contact-card-unit-address-street-sv', 'Gärdhemsvägen 9');
    expect(listedProblems(builder.root)).to.deep.equal([]);
    expect($(builder, '#problems').textContent).to.contain('Inga problem');

    const copied = await copyWithKeyboard(builder);
    expect(copied).to.equal(shownSnippet(builder));
    expect($(builder, '.status').textContent).to.match(/kopierad|markerad/);

    // The script tag: versioned URL, the build's integrity hash, CORS for SRI.
    expect(copied).to.contain(
      `<script type="module" src="https://cdn.example.se/industrikommun-widgets/9.8.7/industrikommun-widgets.js" integrity="sha384-SAMPLEhashOfTheESModuleForTheBuilderTestsAAAAAAAAAAAAAAAAAAAAAAAAAA" crossorigin="anonymous"></script>`,
    );
    // data-config: the JSON of what was typed, readable, in single quotes.
    const element = pastedElement(copied);
    expect(JSON.parse(element.getAttribute('data-config')!)).to.deep.equal({
      person: {
        name: 'Dick Eriksson',
        role: { sv: 'Näringslivschef', en: 'Head of Business Development' },
        phones: [{ number: '0520-49 68 10' }],
      },
      unit: { name: { sv: 'Näringslivsenheten', en: 'Business Development Unit' }, address: { street: 'Gärdhemsvägen 9' } },
    });
    expect(copied).to.contain(`data-config='{"person":{"name":"Dick Eriksson"`);
    // The fallback: the same data as plain HTML, with a working phone link.
    expect(element.textContent!.replace(/\s+/g, ' '))
      .to.contain('Dick Eriksson, Näringslivschef')
      .and.contain('Telefon: 0520-49 68 10')
      .and.contain('Gärdhemsvägen 9');
    expect(element.querySelector('a[href="tel:+46520496810"]')).to.exist;

    for (const lang of ['sv', 'en'] as const) {
      const page = await pasteIntoBlankPage(copied, lang);
      try {
        const preview = await previewElement(builder, lang);
        expect(shadowText(page.element)).to.equal(shadowText(preview));
        expect(shadowText(page.element)).to.contain(lang == 'sv' ? 'Näringslivschef' : 'Head of Business Development');
      } finally {
        page.remove();
      }
    }
  });

  it('the manifesto example, with its own heading level and link, renders on a blank page as in the preview', async () => {
    const builder = await mountBuilder();
    $(builder, 'input[value="ik-manifesto-card"]').click();
    $(builder, '#fill-example').click();
    await builder.settled();
    const level = $<HTMLSelectElement>(builder, '#heading-level');
    level.value = '3';
    level.dispatchEvent(new Event('change'));
    const href = $<HTMLInputElement>(builder, '#f-manifesto-card-link-href');
    href.select();
    await typeInto(builder, '#f-manifesto-card-link-href', '/trollhattan/manifest.pdf');
    expect(listedProblems(builder.root)).to.deep.equal([]);
    const snippet = await copyWithKeyboard(builder);
    const element = pastedElement(snippet);
    expect(element.getAttribute('heading-level')).to.equal('3');
    expect(element.querySelector('h3')!.textContent).to.equal('Industriell förnyelse är riktningen för Sveriges Industrikommuner');
    expect(element.querySelector('a')!.getAttribute('href')).to.equal('/trollhattan/manifest.pdf');
    for (const lang of ['sv', 'en'] as const) {
      const page = await pasteIntoBlankPage(snippet, lang);
      try {
        expect(page.element.shadowRoot.querySelector('h3')).to.exist;
        expect(shadowText(page.element)).to.equal(shadowText(await previewElement(builder, lang)));
        expect(shadowText(page.element)).to.contain(lang == 'sv' ? '600 000' : '600,000');
      } finally {
        page.remove();
      }
    }
  });

  it('a share form with an endpoint renders on a blank page as in the preview', async () => {
    const builder = await mountBuilder(undefined, 'en');
    $(builder, 'input[value="ik-share-form"]').click();
    await typeInto(builder, '#f-share-form-heading-sv', 'Tipsa en kollega');
    await typeInto(builder, '#f-share-form-heading-en', 'Tell a colleague');
    await typeInto(builder, '#f-share-form-endpoint', '/api/share');
    const snippet = await copyWithKeyboard(builder);
    expect(JSON.parse(pastedElement(snippet).getAttribute('data-config')!)).to.deep.equal({
      heading: { sv: 'Tipsa en kollega', en: 'Tell a colleague' },
      endpoint: '/api/share',
    });
    for (const lang of ['sv', 'en'] as const) {
      const page = await pasteIntoBlankPage(snippet, lang);
      try {
        expect(shadowText(page.element)).to.equal(shadowText(await previewElement(builder, lang)));
        expect(page.element.shadowRoot.querySelector('form')).to.exist;
      } finally {
        page.remove();
      }
    }
  });

  it('takes the content from data-config-src, as the element does, and lets the editor override one field', async () => {
    const builder = await mountBuilder();
    $(builder, 'input[value="ik-manifesto-card"]').click();
    $<HTMLDetailsElement>(builder, '.options').open = true;
    await typeInto(builder, '#config-src', '/fixtures/seed/manifesto.json');
    await press('Tab');
    await builder.settled();
    await typeInto(builder, '#f-manifesto-card-link-href', '/lokal/manifest.pdf');
    await typeInto(builder, '#f-manifesto-card-link-text-sv', 'Läs manifestet');
    expect(listedProblems(builder.root)).to.deep.equal([]);
    const element = pastedElement(shownSnippet(builder));
    expect(element.getAttribute('data-config-src')).to.equal('/fixtures/seed/manifesto.json');
    expect(JSON.parse(element.getAttribute('data-config')!)).to.deep.equal({
      link: { href: '/lokal/manifest.pdf', text: 'Läs manifestet' },
    });
    // The fallback comes from the file and the override together.
    expect(element.querySelector('h2')!.textContent).to.contain('Industriell förnyelse');
    expect(element.querySelector('a')!.getAttribute('href')).to.equal('/lokal/manifest.pdf');
    const preview = await previewElement(builder, 'sv');
    expect(preview.shadowRoot.querySelector('[part=link] a')!.getAttribute('href')).to.equal('/lokal/manifest.pdf');
  });

  it('says when the data-config-src file cannot be loaded, in the words of the element', async () => {
    const builder = await mountBuilder();
    $(builder, 'input[value="ik-manifesto-card"]').click();
    $<HTMLDetailsElement>(builder, '.options').open = true;
    await typeInto(builder, '#config-src', '/fixtures/seed/no-such-file.json');
    await press('Tab');
    await builder.settled();
    const { errors } = await captureConsole(async () => {
      const element = document.createElement('ik-manifesto-card');
      element.setAttribute('data-config-src', '/fixtures/seed/no-such-file.json');
      const failed = new Promise((resolve) => element.addEventListener('ik-config-error', resolve, { once: true }));
      document.body.append(element);
      await failed;
      element.remove();
    });
    expect(listedProblems(builder.root)).to.deep.equal([errors[0].replace('<ik-manifesto-card> ', '')]);
  });

  it('lists every problem in the element’s own words, explains it, and links it to its field', async () => {
    const builder = await mountBuilder();
    await typeInto(builder, '#f-contact-card-person-role-sv', 'Chef');
    await typeInto(builder, '#f-contact-card-unit-url', 'javascript:alert(1)');
    await press('Tab');
    expect(listedProblems(builder.root)).to.deep.equal([
      'data-config: needs a name: add "person.name" or "unit.name"',
      'data-config: "unit.url" "javascript:alert(1)" is not a safe link and was left out',
    ]);
    expect($(builder, '#problems').textContent).to.contain('Kortet behöver ett namn').and.contain('1 sak att rätta och 1 sak att se över');
    // The unsafe address never reaches the fallback as a link.
    expect(pastedElement(shownSnippet(builder)).querySelector('a[href^="javascript"]')).to.equal(null);
    const link = $<HTMLAnchorElement>(builder, '.finding--warning a');
    link.focus();
    await press('Enter');
    expect(focused()?.id).to.equal('f-contact-card-unit-url');
  });

  it('keeps the script address editable and versioned, and offers the classic script', async () => {
    const builder = await mountBuilder();
    await typeInto(builder, '#f-contact-card-person-name-sv', 'A');
    $<HTMLElement>(builder, '.options summary').click();
    const base = $<HTMLInputElement>(builder, '#script-base');
    base.select();
    await typeInto(builder, '#script-base', 'https://www.trollhattan.se/widgets');
    expect(shownSnippet(builder)).to.contain('src="https://www.trollhattan.se/widgets/9.8.7/industrikommun-widgets.js"');
    $(builder, '#classic-script').click();
    expect(shownSnippet(builder)).to.contain(
      '<script src="https://www.trollhattan.se/widgets/9.8.7/industrikommun-widgets.iife.js" integrity="sha384-SAMPLEhashOfTheClassicScriptForTheBuilderTestsAAAAAAAAAAAAAAAAAAAAA" crossorigin="anonymous" defer></script>',
    );
    $(builder, '#include-script').click();
    expect(shownSnippet(builder)).not.to.contain('<script');
  });

  it('escapes what the editor types: quotes, ampersands and markup stay text', async () => {
    const builder = await mountBuilder();
    await typeInto(builder, '#f-contact-card-person-name-sv', `Anna O'Brien & <b>"Co"</b>`);
    const snippet = shownSnippet(builder);
    expect(snippet).to.contain(`data-config='{"person":{"name":"Anna O&#39;Brien &amp; <b>\\"Co\\"</b>"}}'`);
    const element = pastedElement(snippet);
    expect(JSON.parse(element.getAttribute('data-config')!)).to.deep.equal({ person: { name: `Anna O'Brien & <b>"Co"</b>` } });
    expect(element.querySelector('b')).to.equal(null);
    expect(element.textContent).to.contain(`Anna O'Brien & <b>"Co"</b>`);
  });

  it('uses the package version and the hashes of the real build by default', async () => {
    const builder = await mountBuilder({});
    const integrity = await (await fetch('/dist/sri.json')).json().catch(() => undefined);
    expect(shownSnippet(builder)).to.contain(
      `/industrikommun-widgets/${integrity?.version ?? (await version())}/industrikommun-widgets.js`,
    );
  });
});

/** Types into whatever has the focus. */
const sendText = async (text: string) => (await import('@web/test-runner-commands')).sendKeys({ type: text });
