import { expect } from '@open-wc/testing';
import { contactFixtures } from '../../fixtures/index.js';
import type { IkContactCard } from '../../src/index.js';
import { hrefs, mount, mountFixture, settle, shadowText, type Widget } from '../helpers.js';

const [seed, attributesOnly, everyField, unitOnly] = contactFixtures;

describe('<ik-contact-card>', () => {
  it('renders the seed person and unit in Swedish', async () => {
    const element = await mountFixture(seed, 'sv');
    const text = shadowText(element);
    for (const part of [
      'Kontakt',
      'Dick Eriksson',
      'Näringslivschef',
      'Telefon',
      '0520-49 68 10',
      'Mobil',
      '070-164 29 00',
      'Näringslivsenheten',
      'Besöksadress',
      'Gärdhemsvägen 9',
      '461 83 Trollhättan',
      'Växel',
      '0520-49 50 00',
    ])
      expect(text).to.contain(part);
    expect(element.shadowRoot.querySelector('h2')!.textContent!.trim()).to.equal('Kontakt');
  });

  it('renders the same card in English, labels and content', async () => {
    const text = shadowText(await mountFixture(seed, 'en'));
    for (const part of [
      'Contact',
      'Head of Business Development',
      'Phone',
      'Mobile',
      'Business Development Unit',
      'Visiting address',
      'Switchboard',
    ])
      expect(text).to.contain(part);
    expect(text).not.to.contain('Näringslivschef');
  });

  it('links phone numbers in E.164 and shows them as written', async () => {
    const element = await mountFixture(seed);
    const links = [...element.shadowRoot.querySelectorAll('a[href^="tel:"]')].map((a) => [a.getAttribute('href'), a.textContent]);
    expect(links).to.deep.equal([
      ['tel:+46520496810', '0520-49 68 10'],
      ['tel:+46701642900', '070-164 29 00'],
      ['tel:+46520495000', '0520-49 50 00'],
    ]);
  });

  it('works from plain attributes alone', async () => {
    const element = await mountFixture(attributesOnly);
    expect(shadowText(element)).to.contain('Dick Eriksson').and.contain('Näringslivschef').and.contain('0520-49 68 10');
    expect(hrefs(element)).to.deep.equal(['tel:+46520496810', 'mailto:dick.eriksson@example.se']);
    // The role attribute is taken, so the host carries no invalid ARIA role.
    expect(element.hasAttribute('role')).to.equal(false);
    element.setAttribute('role', 'Chef');
    await settle(element);
    expect(element.shadowRoot.querySelector('.card__role')!.textContent).to.equal('Chef');
    expect(element.hasAttribute('role')).to.equal(false);
  });

  it('takes person-role, the attribute frameworks render, and leaves it in place (no hydration mismatch)', async () => {
    const element = document.createElement('ik-contact-card') as IkContactCard & Widget;
    element.setAttribute('name', 'Katarina Loodh');
    element.setAttribute('person-role', 'Kommunikatör');
    document.body.append(element);
    await settle(element);
    expect(element.shadowRoot!.querySelector('.card__role')!.textContent).to.equal('Kommunikatör');
    expect(element.getAttribute('person-role')).to.equal('Kommunikatör');
    element.setAttribute('person-role', 'Chef');
    await settle(element);
    expect(element.shadowRoot!.querySelector('.card__role')!.textContent).to.equal('Chef');
    expect(element.personRole).to.equal('Chef');
    element.remove();
  });

  it('shows every field, each phone with its kind or label', async () => {
    const element = await mountFixture(everyField, 'sv');
    const rows = [...element.shadowRoot.querySelectorAll('.card__row')].map(
      (row) => `${row.querySelector('dt')!.textContent} ${row.querySelector('dd')!.textContent}`,
    );
    expect(rows).to.deep.equal([
      'Telefon 0520-49 68 11',
      'Mobil 070-123 45 67',
      'Växel 0520-49 50 00',
      'Fax +46 520 49 68 99',
      'Direkt 0520-49 68 12',
      'E-post anna.lind@example.se',
      'Besöksadress Gärdhemsvägen 9461 83 Trollhättan',
      'Växel 0520-49 50 00',
      'E-post naringsliv@example.se',
      'Webbplats www.example.se/naringsliv',
    ]);
    expect(element.shadowRoot.querySelector('h3')!.textContent!.trim()).to.equal('Kontakta oss');
    expect(element.shadowRoot.querySelector('address')!.innerText).to.equal('Gärdhemsvägen 9\n461 83 Trollhättan');
  });

  it('marks text that falls back to the other language with its lang', async () => {
    const element = await mountFixture(everyField, 'en');
    const role = element.shadowRoot.querySelector('.card__role')!;
    expect(role.textContent).to.equal('Etableringsrådgivare');
    expect(role.getAttribute('lang')).to.equal('sv');
    expect(element.shadowRoot.querySelector('h3')!.hasAttribute('lang')).to.equal(false);
  });

  it('renders a unit alone', async () => {
    const element = await mountFixture(unitOnly);
    expect(element.shadowRoot.querySelector('[part=person]')).to.equal(null);
    expect(shadowText(element)).to.contain('Kontaktcenter');
  });

  it('renders XSS strings as text, never as HTML', async () => {
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=1</script>';
    const element = document.createElement('ik-contact-card') as unknown as Widget;
    element.setAttribute(
      'data-config',
      JSON.stringify({
        heading: payload,
        person: {
          name: payload,
          role: { sv: payload, en: payload },
          phones: [{ number: `0520 ${payload}`, label: payload }],
          email: `a${payload}@b.se`,
        },
        unit: { name: payload, address: { street: payload, postalCode: payload, locality: payload }, url: `https://x.se/${payload}` },
      }),
    );
    await mount(element);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((window as { __xss?: number }).__xss).to.equal(undefined);
    expect(element.shadowRoot.querySelectorAll('img, script')).to.have.length(0);
    expect(shadowText(element)).to.contain('<img src=x');
  });
});
