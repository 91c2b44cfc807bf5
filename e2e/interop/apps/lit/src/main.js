// A Lit component, as a supplier's design system builds one, that renders the widgets inside its
// own shadow root and switches their language there: the element's own `lang` (the share form)
// and an ancestor's (the wrapper around the cards).
import 'industrikommun-widgets';
import { LitElement, html, css } from 'lit';

const contact = {
  person: {
    name: 'Dick Eriksson',
    role: { sv: 'Näringslivschef', en: 'Head of Business Development' },
    phones: [{ number: '0520-49 68 10' }],
  },
  unit: { name: { sv: 'Näringslivsenheten', en: 'Business Development Unit' } },
};

class MunicipalPage extends LitElement {
  static properties = { lang: { state: true }, submitted: { state: true } };
  static styles = css`:host { display: block; max-width: 40rem; }`;

  constructor() {
    super();
    this.lang = 'sv';
    this.submitted = null;
  }

  render() {
    return html`
      <button id="switch" @click=${() => (this.lang = this.lang == 'sv' ? 'en' : 'sv')}>${this.lang == 'sv' ? 'English' : 'Svenska'}</button>
      <div id="cards" lang=${this.lang}>
        <ik-contact-card id="contact" .config=${contact}></ik-contact-card>
        <ik-manifesto-card id="manifesto" data-config-src="/seed/manifesto.json"></ik-manifesto-card>
      </div>
      <ik-share-form id="share" lang=${this.lang} endpoint="/api/share" @ik-share-submit=${this.#onSubmit}></ik-share-form>
      ${this.submitted ? html`<p id="submitted">Lit got a message to ${this.submitted.to}</p>` : ''}
    `;
  }

  #onSubmit = (event) => {
    event.preventDefault();
    this.submitted = event.detail;
  };
}
customElements.define('municipal-page', MunicipalPage);
