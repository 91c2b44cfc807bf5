import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { mount, nextEvent, settle } from '../helpers.js';
import { $, address, fieldValues, newVisitor, outbox, status, type ShareForm } from './helpers.js';

/** The form after a focusable button, as on a page: the keyboard walk starts from that button. */
async function formAfterButton() {
  const wrapper = document.createElement('div');
  const before = Object.assign(document.createElement('button'), { textContent: 'Före' });
  const element = document.createElement('ik-share-form');
  element.setAttribute('endpoint', '/api/share');
  wrapper.append(before, element);
  await mount(wrapper);
  await settle(element as ShareForm);
  before.focus();
  return element as ShareForm;
}

const focused = (element: ShareForm) => element.shadowRoot.activeElement as HTMLElement | null;

describe('<ik-share-form> by keyboard alone', () => {
  beforeEach(newVisitor);

  it('is filled in and sent with Tab, typing and Enter; "send another" takes the focus', async () => {
    const element = await formAfterButton();
    const keys: [string, string][] = [
      ['to', address('van')],
      ['name', 'Åsa Öberg'],
      ['from', 'asa@exempel.se'],
      ['message', 'Hej! Läs det här.'],
    ];
    for (const [id, text] of keys) {
      await sendKeys({ press: 'Tab' });
      expect(focused(element)?.id).to.equal(id);
      await sendKeys({ type: text });
    }
    // The honeypot is skipped: the next stop is the send button.
    await sendKeys({ press: 'Tab' });
    expect(focused(element)?.getAttribute('part')).to.equal('submit');
    const success = nextEvent(element, 'ik-share-success');
    await sendKeys({ press: 'Enter' });
    await success;
    await settle(element);
    expect(status(element)).to.equal('Tack! Tipset är skickat.');
    expect(focused(element)?.textContent!.trim()).to.equal('Skicka ett till');
    const [sent] = await outbox();
    expect({ to: sent.to, name: sent.name, from: sent.from, message: sent.message }).to.deep.equal(Object.fromEntries(keys));
    await sendKeys({ press: 'Enter' });
    await settle(element);
    expect(focused(element)?.id).to.equal('to');
    expect(fieldValues(element)).to.deep.equal({ to: '', name: 'Åsa Öberg', from: 'asa@exempel.se', message: '' });
  });

  it('moves focus to the error summary, whose links lead to each field', async () => {
    const element = await formAfterButton();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: address('van') });
    // Enter in a field submits the form, as in any form.
    await sendKeys({ press: 'Enter' });
    await settle(element);
    expect(focused(element)).to.equal($(element, '[part=summary]'));
    await sendKeys({ press: 'Tab' });
    expect(focused(element)?.getAttribute('href')).to.equal('#name');
    await sendKeys({ press: 'Enter' });
    await settle(element);
    expect(focused(element)?.id).to.equal('name');
    await sendKeys({ type: 'Åsa' });
    expect($<HTMLInputElement>(element, '#name').value).to.equal('Åsa');
    expect(await outbox()).to.deep.equal([]);
  });
});
