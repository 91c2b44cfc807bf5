import { expect } from '@open-wc/testing';
import { LANGUAGE_CODES } from '../src/contract/languages.js';
import { allFixtures } from '../fixtures/index.js';
import { captureConsole, mountFixture } from './helpers.js';

/** axe on every fixture, valid and broken, in every language. */
const all = allFixtures;

for (const lang of LANGUAGE_CODES)
  describe(`accessibility (${lang})`, () => {
    for (const item of all)
      it(`${item.tag}: ${item.title}`, async () => {
        const { result: element } = await captureConsole(() => mountFixture(item, lang));
        await expect(element).to.be.accessible();
      });
  });
