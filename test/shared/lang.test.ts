import { expect } from '@open-wc/testing';
import { pick, resolveLang, toLang } from '../../src/shared/lang.js';
import { contactFixtures } from '../../fixtures/index.js';
import { createFixture } from '../../fixtures/index.js';
import { mount, settle, shadowText } from '../helpers.js';

describe('language', () => {
  it('maps tags to the languages we speak', () => {
    expect(
      ['sv', 'SV', 'sv-FI', 'en', 'en-GB', 'EN-us', 'de', '', 'english', null, 'fi', 'fi-FI', 'ar', 'ar-SY', 'fa'].map(toLang),
    ).to.deep.equal(['sv', 'sv', 'sv', 'en', 'en', 'en', 'sv', 'sv', 'sv', 'sv', 'fi', 'fi', 'ar', 'ar', 'sv']);
  });

  it('resolves the nearest lang: own, ancestor, then <html>', () => {
    const outer = document.createElement('div');
    outer.lang = 'en-GB';
    const inner = document.createElement('span');
    outer.append(inner);
    document.body.append(outer);
    try {
      expect(resolveLang(inner)).to.equal('en');
      inner.lang = 'sv-FI';
      expect(resolveLang(inner)).to.equal('sv');
      outer.removeAttribute('lang');
      inner.removeAttribute('lang');
      const html = document.documentElement.getAttribute('lang');
      document.documentElement.lang = 'en';
      expect(resolveLang(inner)).to.equal('en');
      if (html === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.lang = html;
    } finally {
      outer.remove();
    }
  });

  it('picks per-language text, else the other language marked with its lang', () => {
    expect(pick({ sv: 'Hej', en: 'Hello' }, 'en')).to.deep.equal({ text: 'Hello' });
    expect(pick({ sv: 'Hej' }, 'en')).to.deep.equal({ text: 'Hej', lang: 'sv' });
    expect(pick({ en: 'Hello' }, 'sv')).to.deep.equal({ text: 'Hello', lang: 'en' });
    expect(pick('Hej', 'en')).to.deep.equal({ text: 'Hej' });
  });

  it('picks the element’s language, else sv, else en, else the first key, from any BCP 47 keys, marked with lang and dir', () => {
    const all = { sv: 'Hej', en: 'Hello', fi: 'Hei', ar: 'مرحبا' };
    expect(pick(all, 'fi')).to.deep.equal({ text: 'Hei' });
    expect(pick(all, 'ar')).to.deep.equal({ text: 'مرحبا' });
    // A region variant counts as its language: `fi-FI` is Finnish.
    expect(pick({ 'fi-FI': 'Hei', sv: 'Hej' }, 'fi')).to.deep.equal({ text: 'Hei' });
    // Not given in the element's language: Swedish before English, whatever the order of the keys.
    expect(pick({ en: 'Hello', sv: 'Hej' }, 'fi')).to.deep.equal({ text: 'Hej', lang: 'sv' });
    expect(pick({ de: 'Hallo', en: 'Hello' }, 'fi')).to.deep.equal({ text: 'Hello', lang: 'en' });
    // Neither: the first key given, marked with its own tag; a language we do not know gets dir="auto".
    expect(pick({ de: 'Hallo', se: 'Bures' }, 'sv')).to.deep.equal({ text: 'Hallo', lang: 'de', dir: 'auto' });
    // Left-to-right text in an Arabic card, and Arabic in a Swedish one, carry their direction.
    expect(pick({ sv: 'Hej' }, 'ar')).to.deep.equal({ text: 'Hej', lang: 'sv', dir: 'ltr' });
    expect(pick({ ar: 'مرحبا' }, 'sv')).to.deep.equal({ text: 'مرحبا', lang: 'ar', dir: 'rtl' });
    expect(pick({ ar: 'مرحبا' }, 'ar')).to.deep.equal({ text: 'مرحبا' });
  });

  it('lets a Swedish and an English card sit side by side', async () => {
    const pair = document.createElement('div');
    const sv = createFixture(contactFixtures[0], 'sv');
    const en = createFixture(contactFixtures[0], 'en');
    pair.append(sv, en);
    await mount(pair);
    await settle(sv as never);
    await settle(en as never);
    expect(shadowText(sv as never))
      .to.contain('Mobil 070')
      .and.contain('Näringslivschef');
    expect(shadowText(en as never))
      .to.contain('Mobile 070')
      .and.contain('Head of Business Development');
  });

  it('marks its own text with the language it speaks, under a lang it does not speak', async () => {
    const element = await mount(createFixture(contactFixtures[0]), 'de');
    expect(element.shadowRoot.querySelector('.card')!.getAttribute('lang')).to.equal('sv');
    expect(shadowText(element)).to.contain('Telefon');
  });

  it('re-renders when its own or an ancestor lang changes at run time', async () => {
    const element = await mount(createFixture(contactFixtures[0]), 'sv');
    expect(shadowText(element)).to.contain('Telefon');
    element.parentElement!.lang = 'en-GB';
    await new Promise((resolve) => setTimeout(resolve));
    await settle(element);
    expect(shadowText(element)).to.contain('Phone');
    element.lang = 'sv';
    await new Promise((resolve) => setTimeout(resolve));
    await settle(element);
    expect(shadowText(element)).to.contain('Telefon');
  });
});
