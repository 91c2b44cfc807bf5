import { html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { WidgetController } from '../shared/config-controller.js';
import { pick, type Lang } from '../shared/lang.js';
import type { Text } from '../shared/schema.js';
import { baseStyles, fallback, heading } from '../shared/styles.js';
import { msg } from '../shared/translate.js';
import { mailHref, telHref } from '../shared/url.js';
import { IkWidget } from '../shared/widget.js';
import { contactSpec, type ContactConfig, type Phone } from './contact-card.config.js';
import { contactStyles } from './contact-card.styles.js';

const phoneLabel = (kind: Phone['kind']) =>
  kind == 'mobile'
    ? msg('Mobil', { id: 'contact.mobile', desc: 'Label before a mobile phone number' })
    : kind == 'switchboard'
      ? msg('Växel', { id: 'contact.switchboard', desc: "Label before an organisation's switchboard phone number" })
      : kind == 'fax'
        ? msg('Fax', { id: 'contact.fax', desc: 'Label before a fax number' })
        : msg('Telefon', { id: 'contact.phone', desc: 'Label before a work phone number' });

/**
 * A contact card: a person (name, role, phone numbers, e-mail) and their unit
 * (name, visiting address, switchboard, e-mail, web address).
 *
 * @tag ik-contact-card
 * @tagname ik-contact-card
 * @summary A person and their unit, with phone and e-mail links.
 *
 * @attr {string} data-config - JSON configuration (see the README for the fields).
 * @attr {string} data-config-src - Address of a JSON configuration file, fetched once.
 * @attr {string} heading-level - Level of the card's heading, 1–6; default 2.
 * @attr {string} person-role - The person's role, for an embed with no JSON; what frameworks should render.
 * @attr {string} role - The same, for a hand-written embed (read, then removed from the host: it is no ARIA role).
 *
 * @slot - Fallback content, shown until the card is ready and whenever its configuration is wrong.
 *
 * @cssstate loading - Showing the fallback while the card is on its way (its data-config-src file or its
 *   language's strings not yet loaded): keep the card's place with `:state(loading)` (README).
 * @csspart card - The card's outer box.
 * @csspart heading - The card's heading.
 * @csspart person - The person's block.
 * @csspart unit - The unit's block.
 * @csspart address - The unit's visiting address.
 * @csspart details - Each list of phone numbers, e-mail and web address.
 *
 * @cssprop [--ik-font-family=inherit] - Font of the whole card.
 * @cssprop [--ik-color-text=inherit] - Text colour.
 * @cssprop [--ik-color-background=transparent] - Card background.
 * @cssprop [--ik-color-border=#8c8c8c] - Card border colour.
 * @cssprop [--ik-border-width=1px] - Card border width.
 * @cssprop [--ik-radius=0.25rem] - Corner radius of the card and buttons.
 * @cssprop [--ik-space=1rem] - Padding inside the card.
 * @cssprop [--ik-color-link=#0b57a4] - Link colour.
 * @cssprop [--ik-color-accent=#0b57a4] - Button colour.
 * @cssprop [--ik-color-on-accent=#fff] - Text on accent-coloured buttons.
 * @cssprop [--ik-color-focus=#ca3f00] - Focus outline colour.
 * @cssprop [--ik-color-muted=#595959] - Colour of labels and secondary text.
 * @cssprop [--ik-heading-size=1.375em] - Heading font size.
 * @cssprop [--ik-line-height=1.5] - Line height.
 *
 * @fires ik-config-error - The configuration is wrong; the fallback is shown. `detail: {source, message}`.
 */
export class IkContactCard extends IkWidget<ContactConfig> {
  static override properties: PropertyDeclarations = {
    name: {},
    phone: {},
    email: {},
    personRole: { attribute: 'person-role' },
  };

  static override get observedAttributes() {
    return [...super.observedAttributes, 'role'];
  }

  static override styles = [baseStyles, contactStyles];

  /** The person's name, for an embed with no JSON. */
  declare name?: string | null;
  /** The person's phone number, for an embed with no JSON. */
  declare phone?: string | null;
  /** The person's e-mail address, for an embed with no JSON. */
  declare email?: string | null;
  /**
   * The person's role (attribute `person-role`, or `role`). The host keeps no
   * `role` attribute, since a value such as "Näringslivschef" would be read as
   * an invalid ARIA role: the card takes it and removes it. A framework that
   * hydrates server-rendered HTML would report that removal as a mismatch, so
   * frameworks render `person-role`, which stays.
   */
  declare personRole?: string | null;

  protected readonly widget = new WidgetController<ContactConfig>(this, contactSpec);

  override attributeChangedCallback(name: string, old: string | null, value: string | null) {
    if (name != 'role') return super.attributeChangedCallback(name, old, value);
    // Our own removal of `role` below calls back with null: the role it gave the card stays.
    if (value === null) return;
    this.personRole = value;
    this.removeAttribute('role');
  }

  override render() {
    const config = this.widget.value;
    if (!config) return fallback;
    const lang = this.widget.lang;
    const { person, unit } = config;
    const title = pick(config.heading, lang);
    return html`<div class="card" part="card" lang=${lang} dir=${this.widget.dir}>
      ${heading(this.widget.level, title.text ?? msg('Kontakt', { id: 'contact.heading', desc: 'Default heading of the contact card' }), title.lang, title.dir)}
      <div class="card__body">
        ${
          person
            ? html`<div class="card__block" part="person">
              ${line(person.name, lang, 'card__name')} ${line(person.role, lang, 'card__role')}
              ${details([...(person.phones ?? []).map((phone) => phoneRow(phone, lang)), person.email && emailRow(person.email)])}
            </div>`
            : nothing
        }
        ${
          unit
            ? html`<div class="card__block" part="unit">
              ${line(unit.name, lang, 'card__name')}
              ${details([
                unit.address && address(unit.address, lang),
                unit.phone && phoneRow({ number: unit.phone, kind: 'switchboard' }, lang),
                unit.email && emailRow(unit.email),
                unit.url &&
                  row(
                    msg('Webbplats', { id: 'contact.website', desc: 'Label before a web address' }),
                    html`<a href=${unit.url} dir="ltr">${unit.url.replace(/^https?:\/\/|\/$/g, '')}</a>`,
                  ),
              ])}
            </div>`
            : nothing
        }
      </div>
    </div>`;
  }
}

function line(value: Text | undefined, lang: Lang, className: string) {
  const picked = pick(value, lang);
  return picked.text ? html`<p class=${className} lang=${ifDefined(picked.lang)} dir=${ifDefined(picked.dir)}>${picked.text}</p>` : nothing;
}

/** The visiting address: a row like every other, so that every label on the card looks the same. */
function address(value: NonNullable<NonNullable<ContactConfig['unit']>['address']>, lang: Lang) {
  const street = pick(value.street, lang).text;
  const town = [pick(value.postalCode, lang).text, pick(value.locality, lang).text].filter(Boolean).join(' ');
  if (!street && !town) return undefined;
  return row(
    msg('Besöksadress', { id: 'contact.address', desc: 'Label before the visiting address' }),
    // `dir=auto`: a Swedish address in an Arabic card keeps its order ("461 83 Trollhättan"), an Arabic one its own.
    html`<address class="card__address" part="address" dir="auto">${street}${street && town ? html`<br />` : nothing}${town}</address>`,
  );
}

const row = (label: string, value: unknown) => html`<div class="card__row"><dt>${label}</dt><dd>${value}</dd></div>`;

function phoneRow(phone: Phone, lang: Lang) {
  // A fax number is for a fax machine: a tel: link would only start a call that no one answers.
  const href = phone.kind == 'fax' ? undefined : telHref(phone.number);
  // Numbers and addresses read left to right inside right-to-left text: `dir` isolates them (HTML's `unicode-bidi: isolate`).
  return row(
    pick(phone.label, lang).text ?? phoneLabel(phone.kind),
    href ? html`<a href=${href} dir="ltr">${phone.number}</a>` : html`<bdi dir="ltr">${phone.number}</bdi>`,
  );
}

const emailRow = (email: string) =>
  row(
    msg('E-post', { id: 'contact.email', desc: 'Label before an e-mail address' }),
    html`<a href=${mailHref(email)} dir="ltr">${email}</a>`,
  );

function details(rows: unknown[]) {
  const present = rows.filter(Boolean);
  return present.length ? html`<dl class="card__details" part="details">${present}</dl>` : nothing;
}
