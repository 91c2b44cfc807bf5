import { expect } from '@open-wc/testing';
import { allFixtures } from '../fixtures/index.js';
import { captureConsole, mountFixture } from './helpers.js';

/** axe on every fixture, valid and broken, in both languages. */
const all = allFixtures;

for (const lang of ['sv', 'en'])
  describe(`accessibility (${lang})`, () => {
    for (const item of all)
      it(`${item.tag}: ${item.title}`, async () => {
        const { result: element } = await captureConsole(() => mountFixture(item, lang));
        await expect(element).to.be.accessible();
      });
  });
