import { expect } from '@open-wc/testing';
import { $, mountBuilder, previewElement } from './helpers.js';

/**
 * axe on the builder itself: the form, the snippet, the problems and the
 * preview (the real elements, shadow roots included), in both languages, and
 * the check tab with its errors shown.
 */
for (const lang of ['sv', 'en'] as const)
  describe(`snippet builder accessibility (${lang})`, () => {
    it('the empty form, which shows no error before the editor has typed', async () => {
      const builder = await mountBuilder(undefined, lang);
      expect(builder.root.querySelectorAll('.finding')).to.have.length(0);
      await expect(builder.root).to.be.accessible();
    });

    for (const tag of ['ik-contact-card', 'ik-manifesto-card', 'ik-share-form'])
      it(`the ${tag} example, with lists, preview and fallback`, async () => {
        const builder = await mountBuilder(undefined, lang);
        $(builder, `input[value="${tag}"]`).click();
        await builder.fillExample();
        await builder.settled();
        await previewElement(builder, lang);
        $<HTMLDetailsElement>(builder, '.options').open = true;
        await expect(builder.root).to.be.accessible();
      });

    it('a problem and a warning linked to their fields', async () => {
      const builder = await mountBuilder(undefined, lang);
      builder.load('ik-contact-card', { person: { role: 'Chef' }, unit: { url: 'javascript:alert(1)' } });
      expect(builder.root.querySelectorAll('.finding a')).to.have.length(1);
      await expect(builder.root).to.be.accessible();
    });

    it('the check tab with errors, warnings and notes', async () => {
      const builder = await mountBuilder(undefined, lang);
      builder.setTab('check');
      builder.checkText =
        '<ik-contact data-config=‘{“x”: 1}’></ik-contact>\n<ik-contact-card data-config=‘{“person”: {“name”: 5}}’></ik-contact-card>';
      await builder.check();
      expect(builder.root.querySelectorAll('.finding--error').length).to.be.greaterThan(1);
      expect($(builder, '#fix-quotes')).to.exist;
      await expect(builder.root).to.be.accessible();
    });
  });
