import { LANGUAGE_CODES } from '../../src/contract/languages.js';
import { MESSAGE_LIMIT } from '../../src/contract/share.js';
import { expect } from '@open-wc/testing';
import { nextEvent, settle } from '../helpers.js';
import { $, fill, newVisitor, shareForm, status, submitButton, type, type ShareForm } from './helpers.js';

/**
 * The share form's states as GOV.UK does them (issue 13): a failure or a refusal in a notification banner that says
 * what to do next; success as a confirmation panel that replaces the form; the privacy notice before the send
 * button; the main action styled as the primary button in both modes; plural-correct English.
 */

const visible = (element: Element | null) =>
  !!element && (element as HTMLElement).offsetParent !== null && element.getClientRects().length > 0;

const sendAndWait = async (element: ShareForm) => {
  const done = Promise.race([nextEvent(element, 'ik-share-success'), nextEvent(element, 'ik-share-error')]);
  submitButton(element).click();
  await done;
  await settle(element);
};

/** True when `a` comes before `b` in the document. */
const before = (a: Node, b: Node) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);

describe('<ik-share-form> states', () => {
  beforeEach(newVisitor);

  for (const [lang, failed, busy, next] of [
    ['sv', 'Tipset kunde inte skickas.', 'För många tips på kort tid. Försök igen om 2 minuter.', 'Det du skrev finns kvar.'],
    ['en', 'Your tip could not be sent.', 'Too many tips in a short time. Try again in 2 minutes.', 'What you wrote is still here.'],
  ])
    it(`shows a failure and a refusal in a notification banner that says what to do next (${lang})`, async () => {
      for (const [endpoint, words] of [
        ['/api/share?fault=500', failed],
        ['/api/share?fault=429', busy],
      ]) {
        const element = await shareForm({ endpoint }, undefined, lang);
        await fill(element);
        await sendAndWait(element);
        const banner = $(element, '[part=notification]');
        expect(visible(banner), endpoint).to.equal(true);
        expect(banner.querySelector('[role=heading]')!.textContent).to.equal(lang == 'sv' ? 'Viktigt' : 'Important');
        expect(banner.textContent!.replace(/\s+/g, ' ')).to.contain(words).and.contain(next);
        // Above the form, not wedged between its buttons.
        expect(before(banner, $(element, 'form'))).to.equal(true);
        // Said once, by the live region, with the same words; the button keeps its name.
        expect(status(element)).to.contain(words).and.contain(next);
        expect(submitButton(element).textContent!.trim()).to.equal(lang == 'sv' ? 'Skicka' : 'Send');
        element.remove();
      }
    });

  it('replaces the form with a confirmation panel holding "send another", and the privacy notice goes', async () => {
    const element = await shareForm();
    await fill(element);
    expect(visible($(element, '[part=privacy]'))).to.equal(true);
    await sendAndWait(element);
    const panel = $(element, '[part=panel]');
    expect(visible(panel)).to.equal(true);
    expect(panel.querySelector('[role=heading]')!.textContent).to.equal('Tipset är skickat');
    expect(panel.querySelector('[role=heading]')!.getAttribute('aria-level')).to.equal('3');
    const again = panel.querySelector('button')!;
    expect(again.textContent!.trim()).to.equal('Skicka ett till');
    expect(element.shadowRoot.activeElement).to.equal(again);
    expect(visible($(element, 'form'))).to.equal(false);
    expect(visible($(element, '[part=privacy]'))).to.equal(false);
    expect(visible($(element, '[part=notification]'))).to.equal(false);
    again.click();
    await settle(element);
    expect($(element, '[part=panel]')).to.equal(null);
    expect(visible($(element, 'form'))).to.equal(true);
    expect(visible($(element, '[part=privacy]'))).to.equal(true);
  });

  it('puts the privacy notice before the send button, and before the mail link', async () => {
    const element = await shareForm();
    expect(before($(element, '[part=privacy]'), submitButton(element))).to.equal(true);
    const mail = await shareForm({}, { privacy: { text: 'Inget skickas härifrån.' } });
    expect(before($(mail, '[part=privacy]'), $(mail, 'a[href^="mailto:"]'))).to.equal(true);
  });

  it('styles the main action as the primary button in both modes, and "copy link" as a secondary one', async () => {
    const form = await shareForm();
    const mail = await shareForm({});
    const send = getComputedStyle(submitButton(form));
    const link = $(mail, 'a[href^="mailto:"]');
    const mailStyle = getComputedStyle(link);
    expect(link.getAttribute('part')).to.equal('submit');
    for (const property of ['backgroundColor', 'color', 'borderTopColor', 'borderTopWidth', 'paddingLeft'] as const)
      expect(mailStyle[property], property).to.equal(send[property]);
    expect(link.getBoundingClientRect().height).to.be.at.least(44);
    expect(mailStyle.textDecorationLine).to.equal('none');
    const copy = getComputedStyle($(mail, '[part=tools] button'));
    expect(copy.backgroundColor).not.to.equal(mailStyle.backgroundColor);
  });

  it('counts characters in plural-correct English, and in Swedish', async () => {
    const cases: [string, number, string][] = [
      ['en', 499, 'You have 1 character remaining'],
      ['en', 498, 'You have 2 characters remaining'],
      ['en', 500, 'You have 0 characters remaining'],
      ['en', 501, 'You have 1 character too many'],
      ['en', 510, 'You have 10 characters too many'],
      ['sv', 499, 'Du har 1 tecken kvar'],
      ['sv', 501, 'Du har 1 tecken för mycket'],
    ];
    for (const [lang, length, words] of cases) {
      const element = await shareForm(undefined, undefined, lang);
      type(element, 'message', 'x'.repeat(length));
      await settle(element);
      expect($(element, '#message-hint').textContent!.trim()).to.equal(words);
      element.remove();
    }
  });

  // Every plural category each language uses (Intl.PluralRules), with a count that falls in it: under and over the
  // limit (500). Arabic: zero 0, one 1, two 2, few 3–10, many 11–99, other 100–102.
  const pluralCases: Record<string, [number, string, string][]> = {
    sv: [
      [1, 'one', 'Du har 1 tecken kvar'],
      [7, 'other', 'Du har 7 tecken kvar'],
      [-1, 'one', 'Du har 1 tecken för mycket'],
      [-7, 'other', 'Du har 7 tecken för mycket'],
    ],
    en: [
      [1, 'one', 'You have 1 character remaining'],
      [7, 'other', 'You have 7 characters remaining'],
      [-1, 'one', 'You have 1 character too many'],
      [-7, 'other', 'You have 7 characters too many'],
    ],
    fi: [
      [1, 'one', 'Sinulla on 1 merkki jäljellä'],
      [7, 'other', 'Sinulla on 7 merkkiä jäljellä'],
      [-1, 'one', 'Sinulla on 1 merkki liikaa'],
      [-7, 'other', 'Sinulla on 7 merkkiä liikaa'],
    ],
    ar: [
      [0, 'zero', 'يتبقّى لك 0 حرف'],
      [1, 'one', 'يتبقّى لك 1 حرف'],
      [2, 'two', 'يتبقّى لك 2 حرفان'],
      [5, 'few', 'يتبقّى لك 5 أحرف'],
      [11, 'many', 'يتبقّى لك 11 حرفًا'],
      [100, 'other', 'يتبقّى لك 100 حرف'],
      [-1, 'one', 'لقد تجاوزت الحد بـ1 حرف'],
      [-2, 'two', 'لقد تجاوزت الحد بـ2 حرفين'],
      [-5, 'few', 'لقد تجاوزت الحد بـ5 أحرف'],
      [-11, 'many', 'لقد تجاوزت الحد بـ11 حرفًا'],
      [-100, 'other', 'لقد تجاوزت الحد بـ100 حرف'],
    ],
  };
  for (const lang of LANGUAGE_CODES)
    it(`counts characters in each of ${lang}'s plural categories, under and over the limit`, async () => {
      const cases = pluralCases[lang];
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      // Every category the language has is tested, under the limit (over it, zero cannot happen).
      expect([...new Set(cases.filter(([left]) => left >= 0).map(([, category]) => category))].sort()).to.deep.equal(
        [...categories].sort(),
      );
      const element = await shareForm(undefined, undefined, lang);
      for (const [left, category, words] of cases) {
        const count = Math.abs(left);
        expect(new Intl.PluralRules(lang).select(count), `${lang} ${count}`).to.equal(category);
        type(element, 'message', 'x'.repeat(MESSAGE_LIMIT - left));
        await settle(element);
        expect($(element, '#message-hint').textContent!.trim(), `${lang} ${category} (${left})`).to.equal(words);
      }
      element.remove();
    });
});
