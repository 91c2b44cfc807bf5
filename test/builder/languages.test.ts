import { expect } from '@open-wc/testing';
import { LANGUAGE_CODES, LANGUAGES } from '../../src/contract/languages.js';
import { configToDraft, draftToConfig, specs } from '../../demo/builder.snippet.js';
import { $, listedProblems, mountBuilder, press, shownSnippet, typeInto, waitFor } from './helpers.js';
import type { Widget } from '../helpers.js';

/**
 * The content languages come from the contract's list (src/contract/languages.ts): every text field has an input
 * for each, the builder previews each language the editor fills in, with its lang and dir, and the fallback can be
 * written for a page in any of them. The builder's own words stay Swedish and English.
 */

const pastedElement = (snippet: string) =>
  new DOMParser().parseFromString(snippet, 'text/html').body.querySelector('ik-contact-card, ik-manifesto-card, ik-share-form')!;

describe('snippet builder: content languages', () => {
  it('offers an input for every language of the contract in each text field, with its lang and dir, named in the builder’s language', async () => {
    for (const [lang, names] of [
      ['sv', ['Svenska', 'Engelska', 'Finska', 'Arabiska']],
      ['en', ['Swedish', 'English', 'Finnish', 'Arabic']],
    ] as const) {
      const builder = await mountBuilder(undefined, lang);
      const inputs = LANGUAGE_CODES.map((code) => $<HTMLInputElement>(builder, `#f-contact-card-person-role-${code}`));
      expect(inputs.map((input) => [input.lang, input.dir])).to.deep.equal(LANGUAGE_CODES.map((code) => [code, LANGUAGES[code].dir]));
      expect(inputs.map((input) => builder.root.querySelector(`label[for="${input.id}"]`)!.textContent!.trim())).to.deep.equal(names);
      // A text that is the same in every language (a name) keeps one input.
      expect(builder.root.querySelector('#f-contact-card-person-name-fi')).to.equal(null);
    }
  });

  it('previews each language filled in, with lang and dir: Arabic runs right to left', async () => {
    const builder = await mountBuilder();
    await typeInto(builder, '#f-contact-card-person-name-sv', 'Dick Eriksson');
    await typeInto(builder, '#f-contact-card-person-role-sv', 'Näringslivschef');
    await typeInto(builder, '#f-contact-card-person-role-fi', 'Elinkeinojohtaja');
    await typeInto(builder, '#f-contact-card-person-role-ar', 'مدير التنمية الاقتصادية');
    await press('Tab');
    expect(listedProblems(builder.root)).to.deep.equal([]);
    const boxes = [...builder.root.querySelectorAll<HTMLElement>('.previews .preview')];
    expect(boxes.map((box) => [box.id, box.lang, box.dir])).to.deep.equal([
      ['preview-sv', 'sv', 'ltr'],
      ['preview-fi', 'fi', 'ltr'],
      ['preview-ar', 'ar', 'rtl'],
    ]);
    expect([...builder.root.querySelectorAll('.previews h3')].map((heading) => heading.textContent)).to.deep.equal([
      'På svenska',
      'På finska',
      'På arabiska',
    ]);
    const arabic = $(builder, '#preview-ar > ik-contact-card') as Widget;
    await waitFor(() => !!arabic.shadowRoot?.querySelector('.card'));
    expect(getComputedStyle(arabic.shadowRoot.querySelector('.card')!).direction).to.equal('rtl');
    // The card's own words and the Finnish and Arabic texts in it come with the widgets' fi and ar (branch languages):
    // here the box gives the card its language and direction, and the snippet carries every text.
    expect(JSON.parse(pastedElement(shownSnippet(builder)).getAttribute('data-config')!).person.role).to.deep.equal({
      sv: 'Näringslivschef',
      fi: 'Elinkeinojohtaja',
      ar: 'مدير التنمية الاقتصادية',
    });
  });

  it('keeps a text filled in only in Finnish or Arabic marked with its language, and reads such texts back into the form', () => {
    const schema = specs['ik-manifesto-card'].schema;
    const draft = configToDraft(schema, { heading: { ar: 'بيان' }, lead: { fi: 'Johdanto', en: 'Lead' }, closing: 'Slut' });
    expect(draftToConfig(schema, draft)).to.deep.equal({ heading: { ar: 'بيان' }, lead: { en: 'Lead', fi: 'Johdanto' }, closing: 'Slut' });
    // Swedish or English alone stay plain text, as before.
    expect(draftToConfig(schema, configToDraft(schema, { heading: { en: 'Manifesto' } }))).to.deep.equal({ heading: 'Manifesto' });
  });

  it('writes the fallback for a page in any of the languages, addresses left to right on an Arabic page', async () => {
    const builder = await mountBuilder();
    builder.load('ik-contact-card', { person: { name: 'Dick Eriksson', phones: [{ number: '0520-49 68 10' }], email: 'dick@example.se' } });
    const select = $<HTMLSelectElement>(builder, '#page-lang');
    expect([...select.options].map((option) => option.value)).to.deep.equal(LANGUAGE_CODES);
    select.value = 'fi';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(pastedElement(shownSnippet(builder)).textContent)
      .to.contain('Puhelin: 0520-49 68 10')
      .and.contain('Sähköposti');
    select.value = 'ar';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    const element = pastedElement(shownSnippet(builder));
    expect(element.textContent).to.contain('الهاتف');
    expect(element.querySelector('a[href="tel:+46520496810"]')!.getAttribute('dir')).to.equal('ltr');
    expect(element.querySelector('a[href^="mailto:"]')!.getAttribute('dir')).to.equal('ltr');
    const fallback = $(builder, '#preview-fallback');
    expect([fallback.lang, fallback.dir]).to.deep.equal(['ar', 'rtl']);
  });
});
