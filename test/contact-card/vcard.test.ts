import { expect } from '@open-wc/testing';
import { toVCard } from '../../src/contact-card/vcard.js';
import { contactFixtures } from '../../fixtures/index.js';
import { mountFixture } from '../helpers.js';
import type { ContactConfig } from '../../src/contact-card/contact-card.config.js';

const seed = contactFixtures[0].config as ContactConfig;

describe('vCard', () => {
  it('is a vCard 4.0 of the person and unit, with CRLF line ends', () => {
    const card = toVCard(seed, 'sv');
    expect(card.split('\r\n')).to.deep.equal([
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Dick Eriksson',
      'N:Eriksson;Dick;;;',
      'TITLE:Näringslivschef',
      'ORG:Näringslivsenheten',
      'TEL;VALUE=uri;TYPE=work:tel:+46520496810',
      'TEL;VALUE=uri;TYPE=cell:tel:+46701642900',
      'TEL;VALUE=uri;TYPE=work:tel:+46520495000',
      'ADR;TYPE=work:;;Gärdhemsvägen 9;Trollhättan;;461 83;',
      'END:VCARD',
      '',
    ]);
  });

  it('uses the language asked for', () => {
    expect(toVCard(seed, 'en')).to.contain('TITLE:Head of Business Development\r\n');
  });

  it('escapes commas, semicolons and backslashes, and folds long lines at 75 octets', () => {
    const card = toVCard({ person: { name: 'A, B; C\\D', role: 'å'.repeat(60) } }, 'sv');
    expect(card).to.contain('FN:A\\, B\\; C\\\\D');
    for (const line of card.split('\r\n')) expect(new TextEncoder().encode(line).length).to.be.at.most(75);
    expect(card).to.contain('\r\n å');
  });

  it('describes an organisation when there is no person', () => {
    const card = toVCard({ unit: { name: 'Kontaktcenter', email: 'k@example.se', url: 'https://example.se' } }, 'sv');
    expect(card)
      .to.contain('FN:Kontaktcenter\r\nKIND:org')
      .and.contain('EMAIL;TYPE=work:k@example.se')
      .and.contain('URL:https://example.se/');
  });

  it('downloads from the button with no request', async () => {
    const element = await mountFixture(contactFixtures[0]);
    const before = performance.getEntriesByType('resource').length;
    let downloaded: HTMLAnchorElement | undefined;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloaded = this;
    };
    try {
      element.shadowRoot.querySelector<HTMLButtonElement>('[part=save]')!.click();
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(downloaded!.download).to.equal('Dick Eriksson.vcf');
    expect(downloaded!.href).to.match(/^blob:/);
    const text = await (await fetch(downloaded!.href)).text();
    expect(text).to.contain('FN:Dick Eriksson');
    expect(performance.getEntriesByType('resource').length).to.equal(before);
  });
});
