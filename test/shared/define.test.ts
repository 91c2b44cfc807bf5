import { expect } from '@open-wc/testing';
import { defineOnce } from '../../src/shared/define.js';
import { IkContactCard } from '../../src/index.js';

describe('defining the elements', () => {
  it('keeps the first definition when another copy defines the tag again', () => {
    class OtherVersion extends HTMLElement {}
    expect(() => defineOnce('ik-contact-card', OtherVersion)).not.to.throw();
    expect(customElements.get('ik-contact-card')).to.equal(IkContactCard);
  });

  it('survives the whole entry module running twice', async () => {
    // A query string makes the browser evaluate the entry module a second time, as a second script tag would.
    await import(`../../src/index.ts?second-copy=${Date.now()}`);
    expect(customElements.get('ik-contact-card')).to.equal(IkContactCard);
  });
});
