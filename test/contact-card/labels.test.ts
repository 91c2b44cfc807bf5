import { expect } from '@open-wc/testing';
import { contactFixtures } from '../../fixtures/index.js';
import { hrefs, mountFixture } from '../helpers.js';

const [, , everyField] = contactFixtures;

/** The contact card's rough edges (issue 13): its labels and its fax number. */
describe('<ik-contact-card> labels and fax', () => {
  for (const lang of ['sv', 'en'])
    it(`styles every label one way (${lang})`, async () => {
      const element = await mountFixture(everyField, lang);
      const root = element.shadowRoot;
      const labels = [...root.querySelectorAll('dt')];
      // Phone, mobile, switchboard, fax, own label, e-mail, visiting address, switchboard, e-mail, website.
      expect(labels).to.have.length(10);
      expect(labels.map((label) => label.textContent)).to.include(lang == 'sv' ? 'Besöksadress' : 'Visiting address');
      const style = (element: Element) => {
        const { color, fontSize, fontWeight, fontStyle } = getComputedStyle(element);
        return { color, fontSize, fontWeight, fontStyle };
      };
      const first = style(labels[0]);
      for (const label of labels) expect(style(label), label.textContent!).to.deep.equal(first);
      // No other kind of label: nothing outside the lists is styled as one.
      expect(root.querySelectorAll('.card__label')).to.have.length(0);
      // The role is text about the person, in the card's text colour, not a label's.
      expect(getComputedStyle(root.querySelector('.card__role')!).color).not.to.equal(first.color);
    });

  it('shows a fax number as text, not as a tel: link', async () => {
    const element = await mountFixture(everyField, 'sv');
    const fax = [...element.shadowRoot.querySelectorAll('.card__row')].find((row) => row.querySelector('dt')!.textContent == 'Fax')!;
    expect(fax.querySelector('dd')!.textContent).to.equal('+46 520 49 68 99');
    expect(fax.querySelector('a')).to.equal(null);
    expect(hrefs(element)).not.to.include('tel:+46520496899');
    // The other numbers stay links.
    expect(hrefs(element)).to.include('tel:+46520496811');
  });
});
