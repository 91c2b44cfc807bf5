import { expect } from '@open-wc/testing';
import { pick, resolveLang, toLang } from '../../src/shared/lang.js';
import { contactFixtures } from '../../fixtures/index.js';
import { createFixture } from '../../fixtures/index.js';
import { mount, settle, shadowText } from '../helpers.js';

describe('language', () => {
  it('maps tags to the languages we speak', () => {
    expect(['sv', 'SV', 'sv-FI', 'en', 'en-GB', 'EN-us', 'de', '', 'english', null].map(toLang)).to.deep.equal([
      'sv',
      'sv',
      'sv',
      'en',
      'en',
      'en',
      'sv',
      'sv',
      'sv',
      'sv',
    ]);
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
    expect(shadowText(element)).to.contain('Spara kontakt');
  });

  it('re-renders when its own or an ancestor lang changes at run time', async () => {
    const element = await mount(createFixture(contactFixtures[0]), 'sv');
    expect(shadowText(element)).to.contain('Spara kontakt');
    element.parentElement!.lang = 'en-GB';
    await new Promise((resolve) => setTimeout(resolve));
    await settle(element);
    expect(shadowText(element)).to.contain('Save contact');
    element.lang = 'sv';
    await new Promise((resolve) => setTimeout(resolve));
    await settle(element);
    expect(shadowText(element)).to.contain('Spara kontakt');
  });
});
