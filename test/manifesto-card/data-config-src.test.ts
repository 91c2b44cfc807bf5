import { expect } from '@open-wc/testing';
import { createFixture, manifestoFixtures } from '../../fixtures/index.js';
import type { ConfigErrorDetail } from '../../src/shared/config.js';
import { captureConsole, mount, nextEvent, settle, shadowText, showsFallback, waitFor, type Widget } from '../helpers.js';

/** The network's file, as every member site embeds it, plus what a member adds locally. */
const fromSrc = manifestoFixtures[1];
const SEED = '/fixtures/seed/manifesto.json';

const shared = (src: string, attributes: Record<string, string> = {}) =>
  createFixture({ ...fromSrc, attributes: { ...attributes, 'data-config-src': src } });

const loaded = (element: Widget) => !!element.shadowRoot.querySelector('.card');
const requestsFor = (path: string) => performance.getEntriesByType('resource').filter((entry) => entry.name.includes(path));

describe('<ik-manifesto-card> data-config-src over HTTP', () => {
  it('renders the shared manifesto from the file the demo serves', async () => {
    const element = await mount(createFixture(fromSrc, 'sv'));
    await waitFor(() => loaded(element));
    expect(element.shadowRoot.querySelector('h2')!.textContent).to.equal(
      'Industriell förnyelse är riktningen för Sveriges Industrikommuner',
    );
    expect(shadowText(element)).to.contain('Senast granskad 20 december 2016 av Katarina Loodh');
  });

  for (const lang of ['sv', 'en'])
    it(`passes axe once the shared file has loaded (${lang})`, async () => {
      const element = await mount(createFixture(fromSrc, lang));
      await waitFor(() => loaded(element));
      await expect(element).to.be.accessible();
    });

  it('fetches the file once, as a plain GET without cache-busting, and not again on re-render', async () => {
    const src = `${SEED}?member=trollhattan`;
    const element = await mount(shared(src));
    await waitFor(() => loaded(element));
    expect(requestsFor('manifesto.json?member=trollhattan').map((entry) => new URL(entry.name).search)).to.deep.equal([
      '?member=trollhattan',
    ]);
    element.setAttribute('data-config', '{"closing": "Lokal avslutning"}');
    element.setAttribute('lang', 'en');
    await settle(element);
    expect(shadowText(element)).to.contain('Lokal avslutning');
    expect(requestsFor('manifesto.json?member=trollhattan')).to.have.length(1);
  });

  it('lets a member override single fields locally: its own link, keeping the shared link text', async () => {
    const element = await mount(shared(SEED, { 'data-config': '{"link": {"href": "/trollhattan/manifest.pdf"}}', 'heading-level': '3' }));
    await waitFor(() => loaded(element));
    const link = element.shadowRoot.querySelector('[part=link] a')!;
    expect([link.getAttribute('href'), link.textContent]).to.deep.equal(['/trollhattan/manifest.pdf', 'Läs hela manifestet']);
    expect(element.shadowRoot.querySelector('h3')!.textContent).to.contain('Industriell förnyelse');
    // Everything else still comes from the shared file.
    expect(element.shadowRoot.querySelectorAll('[part=priorities] li')).to.have.length(4);
  });

  it('lets the config property override a fetched field too', async () => {
    const element = (await mount(shared(SEED))) as Widget & { config: unknown };
    await waitFor(() => loaded(element));
    element.config = { reviewed: { date: '2024-05-17', by: 'Näringslivsenheten' } };
    await settle(element);
    expect(element.shadowRoot.querySelector('[part=reviewed]')!.textContent).to.equal('Senast granskad 17 maj 2024 av Näringslivsenheten');
  });

  it('shows the fallback while a slow file loads, without holding up the page', async () => {
    const body = encodeURIComponent(JSON.stringify({ heading: 'Långsam' }));
    const start = performance.now();
    const element = await mount(shared(`/test-http/slow?ms=1500&body=${body}`));
    // Mounted and rendered (the fallback) long before the answer arrives.
    expect(performance.now() - start).to.be.below(1000);
    expect(showsFallback(element)).to.equal(true);
    await waitFor(() => loaded(element), 5000);
    expect(element.shadowRoot.querySelector('h2')!.textContent).to.equal('Långsam');
  });

  it('matches :state(loading) while its file is on its way, and not once drawn or after a failed load', async () => {
    const body = encodeURIComponent(JSON.stringify({ heading: 'Långsam' }));
    const element = await mount(shared(`/test-http/slow?ms=800&body=${body}`));
    expect(element.matches(':state(loading)')).to.equal(true);
    await waitFor(() => loaded(element), 5000);
    expect(element.matches(':state(loading)')).to.equal(false);
    const failing = await mount(shared('/fixtures/seed/no-such-manifesto.json'));
    await waitFor(() => !failing.matches(':state(loading)'), 5000);
    // The fallback stays, but for good: a page's reservation must not hold a hole below it.
    expect(showsFallback(failing)).to.equal(true);
  });

  for (const [what, src, contains] of [
    ['a 404', '/fixtures/seed/no-such-manifesto.json', '404'],
    ['malformed JSON', `/test-http/slow?ms=0&body=${encodeURIComponent('{"heading": "Industriell förnyelse",}')}`, 'invalid JSON'],
    [
      'a wrong type',
      `/test-http/slow?ms=0&body=${encodeURIComponent('{"heading": "H", "priorities": {"title": "Energi"}}')}`,
      '"priorities" must be a list',
    ],
    ['a file without a heading', `/test-http/slow?ms=0&body=${encodeURIComponent('{"lead": "Bara en ingress"}')}`, '"heading" is required'],
  ])
    it(`keeps the fallback and reports ${what}`, async () => {
      const element = shared(src);
      const event = nextEvent<ConfigErrorDetail>(document, 'ik-config-error');
      const { result: detail, errors } = await captureConsole(async () => {
        await mount(element);
        return (await event).detail;
      });
      expect(detail.source).to.equal('data-config-src');
      expect(detail.message).to.contain(contains);
      expect(errors).to.have.length(1);
      expect(errors[0]).to.contain('<ik-manifesto-card>').and.contain('data-config-src').and.contain(contains);
      expect(showsFallback(element as Widget)).to.equal(true);
      expect((element as Widget).shadowRoot.querySelector('slot')!.assignedElements()[0].textContent).to.equal(fromSrc.fallback);
    });
});
