import { expect } from '@open-wc/testing';
import { createFixture, manifestoFixtures } from '../../fixtures/index.js';
import { manifestoSeed } from '../../fixtures/manifesto-card.js';
import type { ConfigErrorDetail } from '../../src/shared/config.js';
import { captureConsole, hrefs, mount, mountFixture, nextEvent, settle, shadowText, showsFallback, type Widget } from '../helpers.js';

const [seed, , everyField, minimal] = manifestoFixtures;

const card = (config: unknown, attributes: Record<string, string> = {}) =>
  createFixture({ title: '', tag: 'ik-manifesto-card', config, attributes, fallback: 'Fallback' });

const $ = (element: Widget, selector: string) => element.shadowRoot.querySelector(selector);
const $$ = (element: Widget, selector: string) => [...element.shadowRoot.querySelectorAll(selector)];
/** What a visitor reads in each matching element, one string per element. */
const texts = (element: Widget, selector: string) => $$(element, selector).map((node) => (node as HTMLElement).innerText.trim());

// Swedish groups digits with a no-break space (U+00A0 in today's CLDR data), so a number never wraps mid-way.
const NBSP = '\u00a0';

describe('<ik-manifesto-card>', () => {
  it('renders the seed manifesto in Swedish, every part in order', async () => {
    const element = await mountFixture(seed, 'sv');
    expect($(element, 'h2')!.textContent).to.equal('Industriell förnyelse är riktningen för Sveriges Industrikommuner');
    expect($(element, '[part=lead]')!.textContent).to.match(/^Den svenska industriella basen kantas/);
    expect(texts(element, '[part=body]')).to.have.length(2);
    expect(texts(element, '[part=body]')[1]).to.match(/följande fyra områden är prioriterade:$/);
    expect(texts(element, '[part=figures] li')).to.deep.equal([
      `över 1${NBSP}000${NBSP}000 sysselsatta inom industrin, inklusive de industrinära tjänsterna`,
      `600${NBSP}000 personer direkt sysselsatta inom industrin`,
    ]);
    expect(texts(element, '[part=priorities] li')).to.deep.equal([
      'Energisystemets förnyelse skapar industriella möjligheter',
      'Innovationsupphandlingar kräver ledarskap',
      'Kompetensförsörjning som stärker vår konkurrenskraft',
      'En ny verklighetsbild av svensk industri',
    ]);
    expect($(element, '[part=closing]')!.textContent).to.match(/^Industrikommunerna vill med manifestet/);
    const link = $(element, '[part=link] a')!;
    expect([link.getAttribute('href'), link.textContent]).to.deep.equal([
      'https://www.example.se/industrikommuner/manifest.pdf',
      'Läs hela manifestet',
    ]);
    expect($(element, '[part=reviewed]')!.textContent).to.equal('Senast granskad 20 december 2016 av Katarina Loodh');
    // The order a reader meets them: the figures back up the lead, the body introduces the priorities.
    const order = $$(element, '.card > *').map((node) => node.getAttribute('part'));
    expect(order).to.deep.equal(['heading', 'lead', 'figures', 'body', 'body', 'priorities', 'closing', 'link', 'reviewed']);
  });

  it('renders the same manifesto in English, numbers and date included', async () => {
    const element = await mountFixture(seed, 'en');
    expect($(element, 'h2')!.textContent).to.equal("Industrial renewal is the direction for Sweden's Industrial Municipalities");
    expect(texts(element, '[part=figures] li')).to.deep.equal([
      'over 1,000,000 people employed in industry, including industry-related services',
      '600,000 people directly employed in industry',
    ]);
    expect($(element, '[part=link] a')!.textContent).to.equal('Read the whole manifesto');
    expect($(element, '[part=reviewed]')!.textContent).to.equal('Last reviewed 20 December 2016 by Katarina Loodh');
    expect(shadowText(element)).not.to.match(/Senast|över|Läs|sysselsatta/);
  });

  it('puts the date in a <time> with its machine-readable form', async () => {
    for (const lang of ['sv', 'en']) {
      const time = $(await mountFixture(seed, lang), '[part=reviewed] time')!;
      expect(time.getAttribute('datetime')).to.equal('2016-12-20');
      expect(time.textContent).to.equal(lang == 'sv' ? '20 december 2016' : '20 December 2016');
    }
  });

  it('shows the first and last day of a year as written, not a day off', async () => {
    for (const [date, sv, en] of [
      ['2024-01-01', '1 januari 2024', '1 January 2024'],
      ['2023-12-31', '31 december 2023', '31 December 2023'],
      ['2024-02-29', '29 februari 2024', '29 February 2024'],
    ]) {
      const config = { heading: 'H', reviewed: { date } };
      expect($(await mount(card(config, { lang: 'sv' })), 'time')!.textContent).to.equal(sv);
      expect($(await mount(card(config, { lang: 'en' })), 'time')!.textContent).to.equal(en);
    }
  });

  it('formats numbers for the language: grouping, decimals, small numbers', async () => {
    const config = {
      heading: 'H',
      figures: [
        { value: 1234.5, label: 'a' },
        { value: 42, label: 'b' },
        { value: 12345678, label: 'c' },
      ],
    };
    const values = async (lang: string) => texts(await mount(card(config, { lang })), '[part=value]');
    expect(await values('sv')).to.deep.equal([`1${NBSP}234,5`, '42', `12${NBSP}345${NBSP}678`]);
    expect(await values('en')).to.deep.equal(['1,234.5', '42', '12,345,678']);
  });

  it('keeps each figure one unit: qualifier, number and label in one line of text', async () => {
    const element = await mountFixture(seed, 'sv');
    const item = $(element, '[part=figures] li') as HTMLElement;
    // innerText breaks lines at block boundaries; one line means a screen reader meets one phrase, not fragments.
    expect(item.innerText).not.to.contain('\n');
    expect(getComputedStyle($(element, '[part=value]')!).display).to.equal('inline');
    expect(item.children).to.have.length(1);
    expect(item.textContent!.replace(/[ \n]+/g, ' ').trim()).to.equal(
      `över 1${NBSP}000${NBSP}000 sysselsatta inom industrin, inklusive de industrinära tjänsterna`,
    );
  });

  it('re-formats numbers and the date when the language changes at run time', async () => {
    const element = await mountFixture(seed, 'sv');
    element.setAttribute('lang', 'en-GB');
    await settle(element);
    expect(texts(element, '[part=value]')).to.deep.equal(['1,000,000', '600,000']);
    expect($(element, 'time')!.textContent).to.equal('20 December 2016');
  });

  it('renders every field, at the heading level asked for', async () => {
    const element = await mountFixture(everyField, 'sv');
    expect($(element, 'h4')!.textContent).to.equal('Vårt industriella manifest');
    expect(texts(element, '[part=body]')).to.deep.equal(['Manifestet antogs i Finspång.', 'Det gäller alla medlemmar.']);
    expect(texts(element, '[part=figures] li')).to.deep.equal([
      `över 1${NBSP}000${NBSP}000 sysselsatta inom industrin`,
      `1${NBSP}234,5 miljoner kronor i exportvärde`,
      'cirka 42 medlemskommuner',
    ]);
    expect(texts(element, '[part=priorities] li b')).to.deep.equal(['Energi', 'Innovationsupphandling', 'Kompetens']);
    expect(texts(element, '[part=priorities] li')).to.deep.equal([
      'Energi\nEnergisystemets förnyelse skapar möjligheter.',
      'Innovationsupphandling',
      'Kompetens\nKompetensförsörjning som stärker konkurrenskraften.',
    ]);
    expect(hrefs(element)).to.deep.equal(['https://www.example.se/energi', '/innovation', 'https://www.example.se/manifest.pdf']);
    expect($(element, '[part=priorities] a')!.textContent).to.equal('Energi');
    expect($(element, '[part=closing]')!.textContent).to.equal('Tillsammans blir vi starkare.');
    expect($(element, '[part=link]')!.textContent!.trim()).to.equal('Läs manifestet (pdf)');
    expect($(element, '[part=reviewed]')!.textContent).to.equal('Senast granskad 5 januari 2024 av Katarina Loodh');
  });

  it('marks text that falls back to the other language with its lang, and only that text', async () => {
    const element = await mountFixture(everyField, 'en');
    // The card itself says which language it speaks; inside it, only the other language's text is marked.
    expect($(element, '.card')!.getAttribute('lang')).to.equal('en');
    const marked = $$(element, '.card [lang]').map((node) => [node.getAttribute('lang'), node.textContent]);
    expect(marked).to.deep.equal([
      ['sv', 'Fyra områden där kommunerna kan göra skillnad.'],
      ['sv', 'medlemskommuner'],
      ['sv', 'Innovationsupphandling'],
      ['sv', 'Kompetensförsörjning som stärker konkurrenskraften.'],
    ]);
    expect(texts(element, '[part=figures] li')[2]).to.equal('about 42 medlemskommuner');
  });

  it('renders a heading alone, with no empty boxes', async () => {
    const element = await mountFixture(minimal, 'sv');
    expect($$(element, '.card > *').map((node) => node.localName)).to.deep.equal(['h2']);
    expect(shadowText(element)).to.equal('Industriell förnyelse');
  });

  for (const field of ['lead', 'body', 'figures', 'priorities', 'closing', 'link', 'reviewed'])
    it(`leaves out ${field} cleanly when it is missing`, async () => {
      const config = { ...manifestoSeed, [field]: undefined };
      const element = await mount(card(config, { lang: 'sv' }));
      const parts = $$(element, '.card > *').map((node) => node.getAttribute('part'));
      expect(parts).not.to.contain(field);
      expect(parts.filter((part) => part != 'body')).to.have.length(field == 'body' ? 7 : 6);
      expect($$(element, ':empty:not(br)')).to.have.length(0);
    });

  it('writes the last-reviewed line without "av" when nobody is named', async () => {
    const config = { heading: 'H', reviewed: { date: '2016-12-20' } };
    expect($(await mount(card(config, { lang: 'sv' })), '[part=reviewed]')!.textContent).to.equal('Senast granskad 20 december 2016');
    expect($(await mount(card(config, { lang: 'en' })), '[part=reviewed]')!.textContent).to.equal('Last reviewed 20 December 2016');
  });

  it('leaves out a link without an address, and refuses one without text', async () => {
    const withoutHref = await mount(card({ heading: 'H', link: { text: 'Läs mer' } }));
    expect($(withoutHref, '[part=link]')).to.equal(null);
    expect(shadowText(withoutHref)).to.equal('H');
    const element = card({ heading: 'H', link: { href: '/manifest.pdf' } });
    const event = nextEvent<ConfigErrorDetail>(document, 'ik-config-error');
    await captureConsole(() => mount(element));
    expect((await event).detail.message).to.equal('"link.text" is required');
    expect(showsFallback(element as Widget)).to.equal(true);
  });

  it('leaves out empty lists', async () => {
    const element = await mount(card({ heading: 'H', body: [], figures: [], priorities: [] }));
    expect($$(element, 'ul, p')).to.have.length(0);
  });

  it('drops javascript: and data: links with a warning and keeps the card and the text', async () => {
    const {
      result: element,
      warnings,
      errors,
    } = await captureConsole(() =>
      mount(
        card({
          heading: 'H',
          priorities: [{ title: 'Energi', href: 'javascript:alert(1)' }],
          link: { href: 'data:text/html,<script>alert(1)</script>', text: 'Läs' },
        }),
      ),
    );
    expect(errors).to.deep.equal([]);
    expect(warnings.join('\n')).to.contain('priorities[0].href').and.contain('link.href');
    expect(element.shadowRoot.querySelectorAll('a')).to.have.length(0);
    expect(texts(element, '[part=priorities] li')).to.deep.equal(['Energi']);
  });

  it('renders XSS strings in every field as text, never as HTML', async () => {
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
    const both = { sv: payload, en: payload };
    const element = await mount(
      card({
        heading: payload,
        lead: both,
        body: [payload, both],
        figures: [{ value: 1, qualifier: payload, label: both }],
        priorities: [{ title: payload, text: both, href: `https://x.se/${payload}` }],
        closing: payload,
        link: { href: `/${payload}`, text: payload },
        reviewed: { date: '2016-12-20', by: payload },
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(element.shadowRoot.querySelectorAll('img, script')).to.have.length(0);
    // heading, lead, 2 body, qualifier, label, title, text, closing, link, reviewed by
    expect(shadowText(element).split('<img src=x').length - 1).to.equal(11);
  });

  it('refuses a date that is no such day, or not written as YYYY-MM-DD', async () => {
    for (const [date, contains] of [
      ['2016-02-30', 'no such day'],
      ['2023-02-29', 'no such day'],
      ['2016-13-01', 'no such day'],
      ['2016-12-00', 'no such day'],
      ['20 december 2016', 'YYYY-MM-DD'],
      ['2016-12-2', 'YYYY-MM-DD'],
    ]) {
      const element = card({ heading: 'H', reviewed: { date } });
      const event = nextEvent<ConfigErrorDetail>(document, 'ik-config-error');
      const { errors } = await captureConsole(() => mount(element));
      expect((await event).detail.message, date)
        .to.contain('reviewed.date')
        .and.contain(contains);
      expect(errors).to.have.length(1);
      expect(showsFallback(element as Widget)).to.equal(true);
    }
  });
});
