import { expect, fixture } from '@open-wc/testing';
import { html as litHtml, LitElement, render, type ReactiveController } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import { IkContactCard } from '../../src/contact-card/contact-card.js';
import { IkShareForm } from '../../src/share-form/share-form.js';
import type { ConfigErrorDetail } from '../../src/shared/config.js';
import { captureConsole, mount, nextEvent, settle, shadowText, showsFallback, type Widget } from '../helpers.js';

/** A tag of its own per test, so that an element can exist before its tag is defined. */
let count = 0;
const freshTag = (base: string) => `${base}-${++count}`;

const personName = (element: Widget) => element.shadowRoot.querySelector('[part=person] .card__name')?.textContent;
/** Two turns of the event loop: MutationObserver callbacks, then the update they ask for. */
const tick = () => new Promise((resolve) => setTimeout(resolve));

describe('properties, as the attributes', () => {
  it('takes every property set before the tag is defined (an element upgraded late)', async () => {
    const tag = freshTag('ik-late-contact');
    const element = document.createElement(tag) as IkContactCard & Widget;
    element.dataConfig = '{"person": {"name": "Före definitionen"}}';
    element.headingLevel = 3;
    document.body.append(element);
    try {
      customElements.define(tag, class extends IkContactCard {});
      await settle(element);
      expect(personName(element)).to.equal('Före definitionen');
      expect(element.shadowRoot.querySelector('h3')).to.exist;
    } finally {
      element.remove();
    }
  });

  it('keeps a timeout and a config object set before the tag is defined', async () => {
    const tag = freshTag('ik-late-share');
    const element = document.createElement(tag) as IkShareForm & Widget;
    element.timeout = 3000;
    element.config = { heading: 'Från config', endpoint: '/api/share' };
    document.body.append(element);
    try {
      customElements.define(tag, class extends IkShareForm {});
      await settle(element);
      expect(element.timeout).to.equal(3000);
      expect(element.shadowRoot.querySelector('h2')!.textContent!.trim()).to.equal('Från config');
      expect(element.shadowRoot.querySelector('form')).to.exist;
    } finally {
      element.remove();
    }
  });

  it('reads the numeric attributes as numbers', async () => {
    const element = await mount<IkShareForm>(Object.assign(document.createElement('ik-share-form'), {}));
    element.setAttribute('timeout', '2500');
    element.setAttribute('heading-level', '4');
    await settle(element);
    expect(element.timeout).to.equal(2500);
    expect(element.headingLevel).to.equal(4);
    expect(element.shadowRoot.querySelector('h4')).to.exist;
  });

  it('renders from el.dataConfig = json, as from the attribute', async () => {
    const element = await mount<IkContactCard>(document.createElement('ik-contact-card'));
    const { errors } = await captureConsole(async () => {
      element.dataConfig = '{"person": {"name": "Från egenskapen"}}';
      await settle(element);
    });
    expect(errors).to.deep.equal([]);
    expect(personName(element)).to.equal('Från egenskapen');
  });

  it('renders from a Lit template binding .dataConfig=${json} and .headingLevel=${n}', async () => {
    const host = await fixture<HTMLDivElement>(litHtml`<div></div>`);
    const json = '{"unit": {"name": "Näringslivsenheten"}}';
    render(litHtml`<ik-contact-card .dataConfig=${json} .headingLevel=${3}></ik-contact-card>`, host);
    const element = host.firstElementChild as IkContactCard;
    await settle(element as IkContactCard & Widget);
    expect(element.shadowRoot!.querySelector('h3')).to.exist;
    expect(element.shadowRoot!.querySelector('[part=unit] .card__name')!.textContent).to.equal('Näringslivsenheten');
  });

  it('shows its fallback again when the configuring attribute is removed', async () => {
    const element = document.createElement('ik-contact-card');
    element.setAttribute('data-config', '{"person": {"name": "A"}}');
    element.innerHTML = '<p>Reserv</p>';
    await mount(element);
    expect(showsFallback(element as Widget)).to.equal(false);
    await captureConsole(async () => {
      element.removeAttribute('data-config');
      await settle(element as Widget);
    });
    expect(showsFallback(element as Widget)).to.equal(true);
  });

  it('re-renders after config is changed in place and requestUpdate() is called', async () => {
    const element = document.createElement('ik-contact-card') as IkContactCard & Widget;
    element.config = { person: { name: 'Före' } };
    await mount(element);
    (element.config!.person as { name: string }).name = 'Efter';
    element.requestUpdate();
    await settle(element);
    expect(personName(element)).to.equal('Efter');
  });

  it('says what happened when a framework wrote config as an attribute, and recovers once the property is set', async () => {
    const element = document.createElement('ik-contact-card') as IkContactCard & Widget;
    element.setAttribute('config', '[object Object]');
    element.innerHTML = '<p>Reserv</p>';
    const event = nextEvent<ConfigErrorDetail>(document, 'ik-config-error');
    const { errors } = await captureConsole(() => mount(element));
    const { detail } = await event;
    expect(detail.source).to.equal('config');
    expect(detail.message).to.contain('[object Object]').and.contain('config property').and.contain('docs/frameworks.md');
    expect(errors).to.have.length(1);
    expect(showsFallback(element)).to.equal(true);
    element.config = { person: { name: 'Satt som egenskap' } };
    await settle(element);
    expect(personName(element)).to.equal('Satt som egenskap');
  });
});

describe('ik-config-error', () => {
  it('fires once the fallback is on screen', async () => {
    const element = document.createElement('ik-contact-card') as IkContactCard & Widget;
    element.innerHTML = '<p>Reserv</p>';
    element.dataConfig = '{"person": {"name": "A"}}';
    await mount(element);
    let fallbackShownAtEvent: boolean | undefined;
    element.addEventListener('ik-config-error', () => (fallbackShownAtEvent = showsFallback(element)));
    await captureConsole(async () => {
      element.dataConfig = '{oops';
      await settle(element);
    });
    expect(fallbackShownAtEvent).to.equal(true);
  });

  it('reports an error once, not at every re-render', async () => {
    const element = document.createElement('ik-contact-card') as IkContactCard & Widget;
    element.dataConfig = '{"person": {}}';
    const { errors } = await captureConsole(async () => {
      await mount(element);
      element.requestUpdate();
      await settle(element);
      element.setAttribute('lang', 'en');
      await settle(element);
    });
    expect(errors).to.have.length(1);
  });
});

describe('language wherever the element stands', () => {
  /** A component of the host's own: `<ik-contact-card>` inside its shadow root, in a wrapper with a `lang`. */
  class LangHost extends LitElement {
    static override properties = { lang: { reflect: true } };
    override render() {
      return litHtml`<section lang=${this.lang || 'sv'}><ik-contact-card name="Anna" phone="070-1"></ik-contact-card></section>`;
    }
  }
  customElements.define('ik-test-lang-host', LangHost);
  const inner = (host: Element) => host.shadowRoot!.querySelector('ik-contact-card') as IkContactCard & Widget;

  it("switches when a lang changes inside another component's shadow root", async () => {
    const host = await fixture<LangHost>(litHtml`<ik-test-lang-host lang="sv"></ik-test-lang-host>`);
    await settle(inner(host));
    expect(shadowText(inner(host))).to.contain('Kontakt');
    host.lang = 'en';
    await host.updateComplete;
    await tick();
    await settle(inner(host));
    expect(shadowText(inner(host))).to.contain('Contact');
  });

  it('switches on a lang change in the document above nested shadow roots', async () => {
    const outer = await fixture<HTMLDivElement>(litHtml`<div lang="sv"><div></div></div>`);
    // Two shadow roots deep, with no lang of their own in between.
    const level1 = outer.firstElementChild!.attachShadow({ mode: 'open' });
    const middle = document.createElement('div');
    level1.append(middle);
    const level2 = middle.attachShadow({ mode: 'open' });
    const card = document.createElement('ik-contact-card') as IkContactCard & Widget;
    card.setAttribute('name', 'Anna');
    level2.append(card);
    await settle(card);
    expect(shadowText(card)).to.contain('Kontakt');
    outer.lang = 'en-GB';
    await tick();
    await settle(card);
    expect(shadowText(card)).to.contain('Contact');
    // And a lang set on a node inside the first shadow root wins over the document's.
    middle.lang = 'sv';
    await tick();
    await settle(card);
    expect(shadowText(card)).to.contain('Kontakt');
  });

  it('switches on its own lang attribute', async () => {
    const card = await mount<IkContactCard>(Object.assign(document.createElement('ik-contact-card'), {}), 'sv');
    card.setAttribute('name', 'Anna');
    card.setAttribute('lang', 'en');
    await settle(card);
    expect(shadowText(card)).to.contain('Contact');
  });

  it('stops watching when removed: no observer keeps a removed card alive or re-rendering', async () => {
    const wrapper = await fixture<HTMLDivElement>(litHtml`<div lang="sv"><ik-contact-card name="Anna"></ik-contact-card></div>`);
    const card = wrapper.firstElementChild as IkContactCard & Widget;
    await settle(card);
    let updates = 0;
    card.addController({ hostUpdate: () => updates++ });
    card.remove();
    wrapper.lang = 'en';
    await tick();
    expect(updates).to.equal(0);
  });
});

describe('reactive controllers', () => {
  it('runs hostConnected, hostUpdate, hostUpdated and hostDisconnected, and can be removed', async () => {
    const element = document.createElement('ik-contact-card') as IkContactCard & Widget;
    element.setAttribute('name', 'Anna');
    const calls: string[] = [];
    const controller: ReactiveController = {
      hostConnected: () => calls.push('connected'),
      hostUpdate: () => calls.push('update'),
      hostUpdated: () => calls.push(`updated:${personName(element)}`),
      hostDisconnected: () => calls.push('disconnected'),
    };
    element.addController(controller);
    await mount(element);
    element.remove();
    element.removeController(controller);
    document.body.append(element);
    await settle(element);
    element.remove();
    expect(calls).to.deep.equal(['connected', 'update', 'updated:Anna', 'disconnected']);
  });
});

describe('Lit lifecycle', () => {
  it('calls firstUpdated and updated, and disconnects an AsyncDirective when the element leaves', async () => {
    const events: string[] = [];
    class Watch extends AsyncDirective {
      render() {
        return '';
      }
      override disconnected() {
        events.push('directive disconnected');
      }
    }
    const watch = directive(Watch);
    const tag = freshTag('ik-lifecycle-contact');
    customElements.define(
      tag,
      class extends IkContactCard {
        override firstUpdated() {
          events.push('firstUpdated');
        }
        override updated() {
          events.push('updated');
        }
        override render() {
          return litHtml`${super.render()}${watch()}`;
        }
      },
    );
    const element = document.createElement(tag) as IkContactCard & Widget;
    element.setAttribute('name', 'Anna');
    await mount(element);
    element.remove();
    expect(events).to.deep.equal(['firstUpdated', 'updated', 'directive disconnected']);
  });
});
