import { expect } from '@open-wc/testing';
import { newIdempotencyKey, postShare, retryMinutes, type SharePayload } from '../../src/share-form/share-send.js';
import { captureConsole, nextEvent, settle } from '../helpers.js';
import { fieldValues, fill, newVisitor, shareForm, status, submitButton, typed } from './helpers.js';

const payload: SharePayload = {
  to: 'a@exempel.se',
  name: 'A',
  from: 'b@exempel.se',
  message: 'Hej',
  url: 'https://exempel.se/',
  title: 'T',
  lang: 'sv',
};
const recorded = async (id: string): Promise<string[]> => (await fetch(`/test-http/recorded?id=${id}`)).json();
const uniqueId = () => Math.random().toString(36).slice(2);

describe('sending (share-send.ts)', () => {
  beforeEach(newVisitor);

  it('reads Retry-After as seconds or an HTTP date, in whole minutes rounded up', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    expect(retryMinutes('120', now)).to.equal(2);
    expect(retryMinutes('61', now)).to.equal(2);
    expect(retryMinutes('Mon, 30 Nov 2026 12:05:00 GMT', now)).to.equal(5);
    expect([retryMinutes(null), retryMinutes('soon'), retryMinutes('0')]).to.deep.equal([0, 0, 0]);
  });

  it('makes a new random 128-bit key each time', () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
    expect(keys.size).to.equal(50);
    for (const key of keys) expect(key).to.match(/^[0-9a-f]{32}$/);
  });

  it('POSTs with the Idempotency-Key header and sorts the answers', async () => {
    const id = uniqueId();
    expect(await postShare(`/test-http/record?id=${id}`, payload, 'k1', 5000)).to.deep.equal({ outcome: 'sent', status: 200 });
    expect(await postShare(`/test-http/record?id=${id}&status=503&retry-after=90`, payload, 'k2', 5000)).to.deep.equal({
      outcome: 'unavailable',
      status: 503,
      minutes: 2,
      message: 'HTTP 503',
    });
    expect((await postShare(`/test-http/record?id=${id}&status=429`, payload, 'k3', 5000)).outcome).to.equal('busy');
    expect((await postShare(`/test-http/record?id=${id}&status=418`, payload, 'k4', 5000)).outcome).to.equal('failed');
    expect(await recorded(id)).to.deep.equal(['k1', 'k2', 'k3', 'k4']);
  });
});

describe('the share form and its Idempotency-Key', () => {
  beforeEach(newVisitor);

  it('sends one key for a message and all its retries, and a new one for the next message', async () => {
    const id = uniqueId();
    const element = await shareForm({ endpoint: `/test-http/record?id=${id}&status=500` });
    await fill(element);
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = nextEvent(element, 'ik-share-error');
      submitButton(element).click();
      await error;
      await settle(element);
    }
    element.setAttribute('endpoint', `/test-http/record?id=${id}`);
    await settle(element);
    const success = nextEvent(element, 'ik-share-success');
    submitButton(element).click();
    await success;
    await settle(element);
    // "Send another": a new message, so a new key.
    (element.shadowRoot.querySelector('.again') as HTMLButtonElement).click();
    await settle(element);
    await fill(element, { to: typed.to, message: 'Ett till tips' });
    const second = nextEvent(element, 'ik-share-success');
    submitButton(element).click();
    await second;
    const keys = await recorded(id);
    expect(keys).to.have.length(4);
    expect(new Set(keys.slice(0, 3)).size, 'the first message and its retries').to.equal(1);
    expect(keys[3]).not.to.equal(keys[0]);
  });

  it('takes a new key when the visitor changes the text after a failure', async () => {
    const id = uniqueId();
    const element = await shareForm({ endpoint: `/test-http/record?id=${id}&status=500` });
    await fill(element);
    for (const message of ['Första lydelsen', 'Andra lydelsen']) {
      await fill(element, { message });
      const error = nextEvent(element, 'ik-share-error');
      submitButton(element).click();
      await error;
      await settle(element);
    }
    const [first, second] = await recorded(id);
    expect(first).not.to.equal(second);
  });

  it('says when the server cannot take tips now (503), from Retry-After, and keeps what was typed', async () => {
    for (const [lang, words] of [
      ['sv', 'Tips kan inte tas emot just nu. Försök igen om 2 minuter.'],
      ['en', 'Tips cannot be received right now. Try again in 2 minutes.'],
    ]) {
      const element = await shareForm({ endpoint: `/test-http/record?id=${uniqueId()}&status=503&retry-after=120` }, undefined, lang);
      await fill(element);
      const error = nextEvent<{ status: number }>(element, 'ik-share-error');
      await captureConsole(async () => submitButton(element).click());
      expect((await error).detail.status).to.equal(503);
      await settle(element);
      expect(status(element)).to.contain(words);
      expect(fieldValues(element)).to.deep.equal(typed);
    }
  });
});
