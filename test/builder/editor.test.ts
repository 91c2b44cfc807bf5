import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { withScheme } from '../../demo/builder.snippet.js';
import { LANGUAGE_CODES } from '../../src/contract/languages.js';
import { $, listedProblems, mountBuilder, press, previewElement, shownSnippet, typeInto, waitFor } from './helpers.js';

/**
 * The builder as a CMS editor with no technical background meets it (issue 13): what it says before anything is
 * typed, when it checks, the words it uses, web addresses typed without https://, its layout at 320 px and on a
 * wide screen, and the reservation CSS it measures.
 */

const pastedElement = (snippet: string) =>
  new DOMParser().parseFromString(snippet, 'text/html').body.querySelector('ik-contact-card, ik-manifesto-card, ik-share-form')!;

/** The text an editor reads in the build tab, without the code itself and the part for web teams. */
function plainText(root: HTMLElement) {
  const copy = root.querySelector('#panel-build')!.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.web-team, #snippet, .technical, .preview').forEach((element) => element.remove());
  return copy.textContent!.replace(/\s+/g, ' ');
}

describe('snippet builder, as an editor meets it', () => {
  afterEach(() => setViewport({ width: 800, height: 600 }));

  it('greets an empty form with no error, and says what to do', async () => {
    for (const lang of ['sv', 'en'] as const) {
      const builder = await mountBuilder(undefined, lang);
      expect(listedProblems(builder.root)).to.deep.equal([]);
      const problems = $(builder, '#problems').textContent!;
      expect(problems).not.to.match(/\bfel\b|error|data-config/i);
      expect(problems).to.contain(lang == 'sv' ? 'Fyll i formuläret' : 'Fill in the form');
    }
  });

  it('checks a field when the editor leaves it, not at every keystroke', async () => {
    const builder = await mountBuilder();
    await typeInto(builder, '#f-contact-card-person-name-sv', 'Dick Eriksson');
    await press('Tab');
    expect(listedProblems(builder.root)).to.deep.equal([]);
    await typeInto(builder, '#f-contact-card-person-email', 'dick.eriksson@');
    // Halfway through an address: nothing is said yet.
    expect(listedProblems(builder.root)).to.deep.equal([]);
    await press('Tab');
    expect(listedProblems(builder.root)).to.deep.equal([
      'data-config: "person.email" "dick.eriksson@" is not a safe email and was left out',
    ]);
    $(builder, '#f-contact-card-person-email').focus();
    await typeInto(builder, '#f-contact-card-person-email', 'example.se');
    // Still the last check while typing, until the field is left again.
    expect(listedProblems(builder.root)).to.have.length(1);
    await press('Tab');
    expect(listedProblems(builder.root)).to.deep.equal([]);
  });

  it('adds https:// to a web address typed without it, and says so', async () => {
    const builder = await mountBuilder();
    await typeInto(builder, '#f-contact-card-person-name-sv', 'Dick Eriksson');
    await typeInto(builder, '#f-contact-card-unit-name-sv', 'Miljöenheten');
    await typeInto(builder, '#f-contact-card-unit-url', 'www.trollhattan.se/miljo');
    await press('Tab');
    expect(listedProblems(builder.root)).to.deep.equal([]);
    const note = $(builder, '#f-contact-card-unit-url-scheme');
    expect(note.textContent).to.contain('https://www.trollhattan.se/miljo');
    expect($(builder, '#f-contact-card-unit-url').getAttribute('aria-describedby')).to.contain('f-contact-card-unit-url-scheme');
    const element = pastedElement(shownSnippet(builder));
    expect(JSON.parse(element.getAttribute('data-config')!).unit.url).to.equal('https://www.trollhattan.se/miljo');
    // The fallback's link and the card's link both go to the site, not to /www.trollhattan.se/miljo on the editor's page.
    expect(element.querySelector('a[href*="trollhattan"]')!.getAttribute('href')).to.equal('https://www.trollhattan.se/miljo');
    const preview = await previewElement(builder, 'sv');
    expect(preview.shadowRoot.querySelector<HTMLAnchorElement>('a[href*="trollhattan"]')!.href).to.equal(
      'https://www.trollhattan.se/miljo',
    );
  });

  it('knows a bare address from a relative one', () => {
    expect(withScheme('www.trollhattan.se/miljo')).to.equal('https://www.trollhattan.se/miljo');
    expect(withScheme(' trollhattan.se ')).to.equal('https://trollhattan.se');
    expect(withScheme('vänersborg.se/näringsliv')).to.equal('https://vänersborg.se/näringsliv');
    for (const kept of [
      'https://www.trollhattan.se',
      'http://x.se',
      '/trollhattan/manifest.pdf',
      './a.json',
      '../b',
      '#top',
      'manifest.pdf',
      'mailto:a@b.se',
      'javascript:alert(1)',
      '',
    ])
      expect(withScheme(kept), kept).to.equal(undefined);
  });

  it('speaks plainly outside the part for web teams', async () => {
    for (const lang of ['sv', 'en'] as const) {
      const builder = await mountBuilder(undefined, lang);
      for (const tag of ['ik-contact-card', 'ik-manifesto-card', 'ik-share-form']) {
        $(builder, `input[value="${tag}"]`).click();
        await builder.fillExample();
        await builder.settled();
        const text = plainText(builder.root);
        for (const jargon of [
          'kodstycke',
          'element',
          'data-config',
          'skripttagg',
          'iife',
          'integritet',
          'integrity',
          'snippet',
          'script tag',
          'endpoint',
          'JSON',
        ])
          expect(text.toLowerCase(), `${lang} ${tag}: ${jargon}`).not.to.contain(jargon.toLowerCase());
      }
      // The technical words are there, in the part for web teams.
      expect($(builder, '.web-team').textContent).to.contain('data-config-src').and.contain('.iife.js');
    }
  });

  it('fits 320 px: shallow groups, wide inputs, nothing cut or overflowing, no word broken in its headings', async () => {
    await setViewport({ width: 320, height: 640 });
    const builder = await mountBuilder();
    await builder.fillExample();
    await builder.settled();
    $<HTMLDetailsElement>(builder, '.options').open = true;
    await builder.settled();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    const form = $(builder, '.form');
    expect(form.querySelectorAll('fieldset fieldset')).to.have.length(0);
    for (const input of form.querySelectorAll<HTMLElement>('input:not([type=radio], [type=checkbox]), select, textarea'))
      expect(input.getBoundingClientRect().width, input.id).to.be.at.least(240);
    for (const element of builder.root.querySelectorAll<HTMLElement>('.builder *')) {
      if (element.closest('.measure')) continue;
      expect(element.getBoundingClientRect().right, `${element.localName}.${element.className}`).to.be.at.most(320.5);
    }
    // Each select shows its longest choice whole.
    const context = document.createElement('canvas').getContext('2d')!;
    for (const select of form.querySelectorAll('select')) {
      context.font = getComputedStyle(select).font;
      const widest = Math.max(...[...select.options].map((option) => context.measureText(option.text).width));
      expect(widest + 40, select.id).to.be.at.most(select.clientWidth);
    }
    // No heading word is split over two lines (a hyphenated "Industrikommu-nernas").
    for (const heading of builder.root.querySelectorAll('h1, .site-name')) {
      const text = [...heading.childNodes].find((node) => node.nodeType == Node.TEXT_NODE && node.textContent!.trim())!;
      for (const match of text.textContent!.matchAll(/\S+/g)) {
        const range = document.createRange();
        range.setStart(text, match.index!);
        range.setEnd(text, match.index! + match[0].length);
        expect(range.getClientRects().length, match[0]).to.equal(1);
      }
    }
  });

  it('keeps the preview in view on a wide screen while the editor works down the form', async () => {
    await setViewport({ width: 1280, height: 800 });
    const builder = await mountBuilder();
    await builder.fillExample();
    await builder.settled();
    const last = [...builder.root.querySelectorAll<HTMLElement>('.content input')].at(-1)!;
    last.scrollIntoView({ block: 'center' });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(window.scrollY).to.be.greaterThan(500);
    const preview = $(builder, '#preview-sv').getBoundingClientRect();
    expect(preview.top).to.be.at.least(0);
    expect(preview.top).to.be.below(innerHeight / 2);
  });

  it('writes the reservation CSS for the card as configured, from its measured height at the chosen widths', async () => {
    const builder = await mountBuilder();
    await typeInto(builder, '#f-contact-card-person-name-sv', 'Dick Eriksson');
    await press('Tab');
    await builder.settled();
    const heights = () => {
      const css = $(builder, '#reserve-css').textContent!;
      const [wide, narrow] = [...css.matchAll(/min-height: ([\d.]+)rem/g)].map((match) => +match[1]);
      return { css, wide, narrow };
    };
    const small = heights();
    /** The card from the snippet, in a column of `width` px, as a page would show it. */
    const measured = async (width: number) => {
      let tallest = 0;
      for (const lang of LANGUAGE_CODES) {
        const column = document.createElement('div');
        column.style.width = `${width}px`;
        column.lang = lang;
        column.append(pastedElement(shownSnippet(builder)));
        document.body.append(column);
        const card = column.firstElementChild as HTMLElement & { updateComplete: Promise<unknown> };
        await waitFor(() => !!card.shadowRoot?.querySelector('.card'));
        await card.updateComplete;
        tallest = Math.max(tallest, card.getBoundingClientRect().height / 16);
        column.remove();
      }
      return tallest;
    };
    expect(small.wide)
      .to.be.closeTo(await measured(640), 0.011)
      .and.at.least(await measured(640));
    expect(small.narrow).to.be.closeTo(await measured(288), 0.011);
    expect(small.css).to.contain('@media (max-width: 640px)');

    await builder.fillExample();
    await builder.settled();
    const full = heights();
    expect(full.wide).to.be.greaterThan(small.wide);
    expect(full.narrow).to.be.greaterThan(full.wide);
    expect(full.wide).to.be.closeTo(await measured(640), 0.011);
    expect(full.narrow).to.be.closeTo(await measured(288), 0.011);

    // Other widths, chosen by the web team.
    $<HTMLDetailsElement>(builder, '.options').open = true;
    const narrow = $<HTMLInputElement>(builder, '#reserve-narrow');
    narrow.value = '400';
    narrow.dispatchEvent(new Event('change', { bubbles: true }));
    await builder.settled();
    expect(heights().narrow).to.be.closeTo(await measured(400), 0.011);
  });
});
