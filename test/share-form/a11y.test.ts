import { expect } from '@open-wc/testing';
import { LANGUAGE_CODES } from '../../src/contract/languages.js';
import { nextEvent, settle } from '../helpers.js';
import { fill, newVisitor, shareForm, status, submitButton, type ShareForm } from './helpers.js';

/** axe on the form in each state a visitor meets, in every language. (The fixtures' loop covers the rest.) */
for (const lang of LANGUAGE_CODES)
  describe(`<ik-share-form> accessibility in every state (${lang})`, () => {
    beforeEach(newVisitor);

    const form = (endpoint = '/api/share') => shareForm({ endpoint }, undefined, lang);

    const sendAndWait = async (element: ShareForm) => {
      const done = Promise.race([nextEvent(element, 'ik-share-success'), nextEvent(element, 'ik-share-error')]);
      submitButton(element).click();
      await done;
      await settle(element);
    };

    it('empty', async () => {
      await expect(await form()).to.be.accessible();
    });

    it('errors shown', async () => {
      const element = await form();
      await fill(element, { to: 'fel', message: 'x'.repeat(501) });
      submitButton(element).click();
      await settle(element);
      await expect(element).to.be.accessible();
    });

    it('sending', async () => {
      const element = await form('/api/share?fault=slow&ms=3000');
      await fill(element);
      submitButton(element).click();
      await settle(element);
      expect(status(element)).to.match(/^(Skickar|Sending|Lähetetään|جارٍ الإرسال)…$/);
      await expect(element).to.be.accessible();
    });

    it('success', async () => {
      const element = await form();
      await fill(element);
      await sendAndWait(element);
      // Finnish and Arabic shares need a relay that takes lang fi and ar (the relay-edge branch of issue 18).
      expect(status(element)).to.match(/^(Tack|Thank|Kiitos|شكرًا)/);
      await expect(element).to.be.accessible();
    });

    it('failure', async () => {
      const element = await form('/api/share?fault=500');
      await fill(element);
      await sendAndWait(element);
      await expect(element).to.be.accessible();
    });

    it('server field errors', async () => {
      const element = await form('/api/share?fault=422');
      await fill(element);
      await sendAndWait(element);
      await expect(element).to.be.accessible();
    });

    it('too many messages', async () => {
      const element = await form('/api/share?fault=429');
      await fill(element);
      await sendAndWait(element);
      await expect(element).to.be.accessible();
    });

    it('mail-client mode', async () => {
      await expect(await shareForm({}, undefined, lang)).to.be.accessible();
    });
  });
