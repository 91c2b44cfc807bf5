// The relay's texts: one table per language of the contract's list, plurals by Intl.PluralRules, and
// the answers of the real HTTP relay in each language.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LANGUAGE_CODES } from '../dist/contract/index.js';
import { MESSAGES, say } from '../dist/index.js';
import { post, startRelay, valid } from './helpers.mjs';

describe('the texts', () => {
  test('every language of the contract has every text, and every plural category its language has', () => {
    const keys = Object.keys(MESSAGES.sv).sort();
    assert.deepEqual(Object.keys(MESSAGES).sort(), [...LANGUAGE_CODES].sort());
    for (const lang of LANGUAGE_CODES) {
      assert.deepEqual(Object.keys(MESSAGES[lang]).sort(), keys, lang);
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [key, entry] of Object.entries(MESSAGES[lang])) {
        if (typeof entry === 'string') assert.ok(entry.trim(), `${lang} ${key}`);
        else for (const category of categories) assert.ok(entry[category]?.trim(), `${lang} ${key} lacks "${category}"`);
      }
    }
    assert.equal(new Intl.PluralRules('ar').resolvedOptions().pluralCategories.length, 6);
  });

  test('limits in minutes, plural-correct in each language', () => {
    const minutes = (lang, n) => say(lang, 'limitClient', { n });
    assert.equal(minutes('sv', 1), 'Du har skickat många tips på kort tid. Försök igen om 1 minut.');
    assert.equal(minutes('sv', 10), 'Du har skickat många tips på kort tid. Försök igen om 10 minuter.');
    assert.equal(minutes('en', 1), 'You have sent many tips in a short time. Try again in 1 minute.');
    assert.match(minutes('fi', 10), /10 minuutin kuluttua\.$/);
    // Arabic: 1 and 2 by their own words, 3–10 with the plural noun, 11–99 and 100 with the singular.
    assert.match(minutes('ar', 1), /بعد دقيقة واحدة\.$/);
    assert.match(minutes('ar', 2), /بعد دقيقتين\.$/);
    assert.match(minutes('ar', 3), /بعد 3 دقائق\.$/);
    assert.match(minutes('ar', 11), /بعد 11 دقيقة\.$/);
    assert.match(minutes('ar', 100), /بعد 100 دقيقة\.$/);
    assert.notEqual(say('sv', 'limitService', { n: 5 }), say('sv', 'limitClient', { n: 5 }));
    assert.match(say('sv', 'limitService', { n: 5 }), /^Tjänsten .* 5 minuter\.$/);
  });
});

describe('answers in the form language', () => {
  let relay;
  before(async () => (relay = await startRelay()));
  after(() => relay.cleanup());

  for (const [lang, required] of [
    ['sv', 'Skriv ditt namn'],
    ['en-GB', 'Enter your name'],
    ['fi-FI', 'Kirjoita nimesi'],
    ['fi', 'Kirjoita nimesi'],
    ['ar', 'اكتب اسمك'],
    ['ar-SE', 'اكتب اسمك'],
    ['de', 'Skriv ditt namn'],
    ['x-klingon', 'Skriv ditt namn'],
  ])
    test(`lang ${lang}: a 422 in ${required}; only the field at fault`, async () => {
      const res = await post(relay.base, valid({ lang, name: '' }));
      assert.equal(res.status, 422);
      assert.deepEqual(res.json.errors, { name: required });
    });

  test("a field's limit is written with the contract's number", async () => {
    const res = await post(relay.base, valid({ lang: 'fi', message: 'x'.repeat(501) }));
    assert.deepEqual(res.json.errors, { message: 'Viestissä voi olla enintään 500 merkkiä' });
  });
});
