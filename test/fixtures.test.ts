import { expect } from '@open-wc/testing';
import type { ConfigErrorDetail } from '../src/shared/config.js';
import { allFixtures } from '../fixtures/index.js';
import { captureConsole, mountFixture, nextEvent, showsFallback, waitFor } from './helpers.js';

/** Each fixture promises either a card or a named error: hold every one of them to it. */
describe('every fixture keeps its promise', () => {
  for (const fixture of allFixtures)
    it(`<${fixture.tag}> ${fixture.title}: ${fixture.error ? 'shows its fallback and reports the error' : 'renders'}`, async () => {
      const event = fixture.error && nextEvent<ConfigErrorDetail>(document, 'ik-config-error');
      const { result: element, errors } = await captureConsole(async () => {
        const mounted = await mountFixture(fixture);
        // A fixture with data-config-src renders once its file has arrived.
        if (!fixture.error) await waitFor(() => !showsFallback(mounted));
        else await event;
        return mounted;
      });
      if (fixture.error) {
        const { detail } = await event!;
        expect(detail.source).to.equal(fixture.error.source);
        expect(detail.message).to.contain(fixture.error.contains);
        expect(errors).to.have.length(1);
        expect(errors[0]).to.contain(`<${fixture.tag}>`).and.contain(fixture.error.contains);
        expect(showsFallback(element)).to.equal(true);
        expect(element.shadowRoot.querySelector('slot')!.assignedElements().at(-1)!.textContent).to.equal(fixture.fallback);
      } else {
        expect(errors).to.deep.equal([]);
        expect(showsFallback(element)).to.equal(false);
      }
    });
});
