import { expect } from '@open-wc/testing';
import type { ConfigErrorDetail } from '../../src/shared/config.js';
import { captureConsole, mount, nextEvent, settle, shadowText, showsFallback, waitFor, type Widget } from '../helpers.js';

const card = (attributes: Record<string, string> = {}, inner = ''): Widget => {
  const element = document.createElement('ik-contact-card') as unknown as Widget;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.innerHTML = inner;
  return element;
};

const personName = (element: Widget) => element.shadowRoot.querySelector('[part=person] .card__name')?.textContent;

describe('configuration sources and precedence', () => {
  it('merges defaults < data-config-src < script < data-config < attributes < config property', async () => {
    const element = card(
      {
        'data-config-src': '/fixtures/seed/contact.json',
        'data-config': '{"person": {"role": "från data-config"}}',
        email: 'attr@example.se',
      },
      '<script type="application/json">{"person": {"name": "från script", "role": "från script"}}</script>',
    );
    await mount(element);
    await waitFor(() => !!element.shadowRoot.querySelector('.card'));
    expect(personName(element)).to.equal('från script');
    expect(element.shadowRoot.querySelector('.card__role')!.textContent).to.equal('från data-config');
    expect(shadowText(element)).to.contain('attr@example.se');
    // The seed file's unit survives: objects merge by key.
    expect(shadowText(element)).to.contain('Gärdhemsvägen 9');
    (element as Widget & { config: unknown }).config = { person: { name: 'från config' } };
    await settle(element as Widget);
    expect(personName(element as Widget)).to.equal('från config');
  });

  it('replaces arrays instead of merging them', async () => {
    const element = card(
      { 'data-config': '{"person": {"name": "A", "phones": [{"number": "0520-1"}]}}' },
      '<script type="application/json">{"person": {"phones": [{"number": "0520-2"}, {"number": "0520-3"}]}}</script>',
    );
    await mount(element);
    expect([...element.shadowRoot.querySelectorAll('a[href^="tel:"]')].map((a) => a.textContent)).to.deep.equal(['0520-1']);
  });

  it('re-renders when data-config or a plain attribute changes', async () => {
    const element = await mount(card({ name: 'Första' }));
    expect(personName(element)).to.equal('Första');
    element.setAttribute('name', 'Andra');
    await settle(element);
    expect(personName(element)).to.equal('Andra');
    element.removeAttribute('name');
    element.setAttribute('data-config', '{"person": {"name": "Tredje"}}');
    await settle(element);
    expect(personName(element)).to.equal('Tredje');
  });

  it('ignores unknown fields and drops __proto__, constructor and prototype', async () => {
    const element = await mount(
      card({
        'data-config':
          '{"person": {"name": "A", "shoeSize": 44, "__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}}, "prototype": 1}',
      }),
    );
    expect(personName(element)).to.equal('A');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.prototype).not.to.have.property('polluted');
  });
});

describe('bad configuration', () => {
  async function expectFailure(element: HTMLElement, source: string, contains: string) {
    element.append(Object.assign(document.createElement('p'), { textContent: 'Fallback text' }));
    const event = nextEvent<ConfigErrorDetail>(document, 'ik-config-error');
    const { errors, result } = await captureConsole(async () => {
      const mounted = await mount(element);
      return { mounted, detail: (await event).detail };
    });
    expect(showsFallback(result.mounted)).to.equal(true);
    expect(result.detail.source).to.equal(source);
    expect(result.detail.message).to.contain(contains);
    expect(errors).to.have.length(1);
    expect(errors[0]).to.contain('<ik-contact-card>').and.contain(source).and.contain(contains);
    // The fallback is really what the visitor sees: it is slotted.
    const slot = result.mounted.shadowRoot.querySelector('slot')!;
    expect(slot.assignedElements().at(-1)!.textContent).to.equal('Fallback text');
  }

  it('malformed JSON in data-config', () =>
    expectFailure(card({ 'data-config': '{"person": {"name": "A"' }), 'data-config', 'invalid JSON'));
  it('curly quotes get a hint', () => expectFailure(card({ 'data-config': '{“person”: {“name”: “A”}}' }), 'data-config', 'curly quotes'));
  it('a wrong type names the field', () =>
    expectFailure(card({ 'data-config': '{"person": {"name": 5}}' }), 'data-config', '"person.name" must be text'));
  it('a wrong type in a list names the item', () =>
    expectFailure(
      card({ 'data-config': '{"person": {"name": "A", "phones": [{"number": "1"}, {"number": 2}]}}' }),
      'data-config',
      '"person.phones[1].number" must be text',
    ));
  it('an unknown phone kind lists the allowed ones', () =>
    expectFailure(
      card({ 'data-config': '{"person": {"name": "A", "phones": [{"number": "1", "kind": "home"}]}}' }),
      'data-config',
      'work, mobile, switchboard, fax',
    ));
  it('a missing required field', () =>
    expectFailure(card({ 'data-config': '{"person": {"role": "Chef"}}' }), 'data-config', 'person.name'));
  it('no configuration at all names no source it was not given', () =>
    expectFailure(card(), 'configuration', 'none was given (needs a name: add "person.name"'));
  it('a non-object', () => expectFailure(card({ 'data-config': '[1, 2]' }), 'data-config', 'must be an object'));
  it('malformed JSON in the child script', () =>
    expectFailure(card({}, '<script type="application/json">{oops}</script>'), '<script type="application/json">', 'invalid JSON'));
  it('a bad heading-level', () => expectFailure(card({ name: 'A', 'heading-level': '7' }), 'heading-level', '1 to 6'));
  it('a config property of the wrong type', () => {
    const element = card() as Widget & { config?: unknown };
    element.config = 'not an object';
    return expectFailure(element, 'config', 'must be an object');
  });
  it('a config property whose getters throw', () => {
    const element = card() as Widget & { config?: unknown };
    element.config = {
      get person() {
        throw new Error('host bug');
      },
    };
    return expectFailure(element, 'config', 'could not be read');
  });

  it('recovers when the editor fixes the JSON', async () => {
    const { result: element } = await captureConsole(() => mount(card({ 'data-config': '{bad' }, '<p>Fallback</p>')));
    expect(showsFallback(element)).to.equal(true);
    element.setAttribute('data-config', '{"person": {"name": "Rättad"}}');
    await settle(element);
    expect(showsFallback(element)).to.equal(false);
    expect(personName(element)).to.equal('Rättad');
  });

  it('drops a phone whose number is not one, with a warning, and keeps the card', async () => {
    const {
      result: element,
      warnings,
      errors,
    } = await captureConsole(() =>
      mount(card({ name: 'A', phone: 'javascript:alert(1)', 'data-config': '{"unit": {"name": "B", "phone": "ring mig"}}' })),
    );
    expect(errors).to.deep.equal([]);
    expect(showsFallback(element)).to.equal(false);
    expect(warnings.join('\n')).to.contain('person.phones[0].number').and.contain('unit.phone');
    expect(element.shadowRoot.querySelectorAll('a[href^="tel:"]')).to.have.length(0);
  });

  it('drops javascript: and data: links with a warning and keeps the card', async () => {
    const {
      result: element,
      warnings,
      errors,
    } = await captureConsole(() =>
      mount(
        card({
          'data-config': JSON.stringify({
            unit: { name: 'Enhet', url: 'javascript:alert(1)', email: 'javascript:alert(1)' },
            person: { name: 'A', email: 'data:text/html,x' },
          }),
        }),
      ),
    );
    expect(showsFallback(element)).to.equal(false);
    expect(errors).to.deep.equal([]);
    expect(warnings.join('\n')).to.contain('unit.url').and.contain('unit.email').and.contain('person.email');
    for (const a of element.shadowRoot.querySelectorAll('a')) expect(a.getAttribute('href')).not.to.match(/^\s*(javascript|data):/i);
    expect(element.shadowRoot.querySelectorAll('a')).to.have.length(0);
  });
});

describe('data-config-src over HTTP', () => {
  it('fetches once, without credentials or cache-busting', async () => {
    const element = card({ 'data-config-src': '/fixtures/seed/contact.json?one' }, '<p>Laddar</p>');
    await mount(element);
    await waitFor(() => !!element.shadowRoot.querySelector('.card'));
    expect(shadowText(element as Widget)).to.contain('Dick Eriksson');
    const requests = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('contact.json?one'));
    expect(requests.map((entry) => new URL(entry.name).search)).to.deep.equal(['?one']);
    element.setAttribute('name', 'Ny');
    await settle(element as Widget);
    expect(performance.getEntriesByType('resource').filter((entry) => entry.name.includes('contact.json?one'))).to.have.length(1);
  });

  it('forgets the fetched configuration when data-config-src is removed', async () => {
    const element = card({ 'data-config-src': '/fixtures/seed/contact.json?forget', name: 'Lokal' }, '<p>Fallback</p>');
    await mount(element);
    await waitFor(() => !!element.shadowRoot.querySelector('.card'));
    expect(shadowText(element)).to.contain('Gärdhemsvägen 9');
    element.removeAttribute('data-config-src');
    await settle(element);
    expect(personName(element)).to.equal('Lokal');
    expect(shadowText(element)).not.to.contain('Gärdhemsvägen 9');
  });

  it('shows the fallback while loading, then the card', async () => {
    const body = encodeURIComponent(JSON.stringify({ person: { name: 'Långsam' } }));
    const element = await mount(card({ 'data-config-src': `/test-http/slow?ms=400&body=${body}` }, '<p>Laddar</p>'));
    expect(showsFallback(element)).to.equal(true);
    await waitFor(() => !!element.shadowRoot.querySelector('.card'));
    expect(personName(element)).to.equal('Långsam');
  });

  for (const [what, src, contains] of [
    ['a 404', '/fixtures/does-not-exist.json', '404'],
    ['a 500 HTML page', '/test-http/status/500', '500'],
    ['malformed JSON', `/test-http/slow?ms=0&body=${encodeURIComponent('{"person": ')}`, 'invalid JSON'],
    ['a wrong type', `/test-http/slow?ms=0&body=${encodeURIComponent('{"person": "Dick"}')}`, '"person" must be an object'],
    ['an unsafe scheme', 'javascript:alert(1)', 'https://'],
  ])
    it(`reports ${what}`, async () => {
      const element = card({ 'data-config-src': src }, '<p>Fallback</p>');
      const event = nextEvent<ConfigErrorDetail>(document, 'ik-config-error');
      const { result } = await captureConsole(async () => {
        await mount(element);
        return (await event).detail;
      });
      expect(result.source).to.equal('data-config-src');
      expect(result.message).to.contain(contains);
      expect(showsFallback(element as Widget)).to.equal(true);
    });

  it('aborts the fetch when the element is removed', async () => {
    const id = `abort-${Math.random()}`;
    const element = card({ 'data-config-src': `/test-http/slow?ms=2000&id=${id}` });
    const { errors } = await captureConsole(async () => {
      await mount(element);
      await new Promise((resolve) => setTimeout(resolve, 200));
      element.remove();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expect(errors).to.deep.equal([]);
    // The test server saw the browser close the connection before it answered.
    expect(await (await fetch(`/test-http/aborted?id=${id}`)).json()).to.equal(true);
  });
});
