/**
 * The labels and hints of every configuration field in the builder's form, in its two languages, by the dotted
 * path of the element's descriptor. A field added to an element appears in the form once it has a label here.
 */
import type { Both, Tag } from './builder.strings.js';

export interface FieldWords {
  label: Both;
  hint?: Both;
  /** A list's item, such as "telefonnummer", for "Telefonnummer 2" and "Lägg till telefonnummer". */
  item?: Both;
  /** Long text: a text area. */
  long?: boolean;
  /** Text that is the same in every language (a name, an address): one input, unless it already has two languages. */
  single?: boolean;
  /** Choices of a `oneOf` field. */
  choices?: Record<string, Both>;
}

/** Labels of every field, by the dotted path of the descriptor (`[]` for a list's items). */
export const fieldWords: Record<Tag, Record<string, FieldWords>> = {
  'ik-contact-card': {
    heading: { label: { sv: 'Rubrik', en: 'Heading' }, hint: { sv: 'Lämna tomt för ”Kontakt”.', en: 'Leave empty for “Contact”.' } },
    person: { label: { sv: 'Person', en: 'Person' } },
    'person.name': { label: { sv: 'Namn', en: 'Name' }, single: true },
    'person.role': { label: { sv: 'Roll eller titel', en: 'Role or title' } },
    'person.phones': { label: { sv: 'Telefonnummer', en: 'Phone numbers' }, item: { sv: 'telefonnummer', en: 'phone number' } },
    'person.phones[].number': {
      label: { sv: 'Nummer', en: 'Number' },
      hint: { sv: 'Som det ska visas, till exempel 0520-49 68 10.', en: 'As it should be shown, such as 0520-49 68 10.' },
    },
    'person.phones[].kind': {
      label: { sv: 'Sort', en: 'Kind' },
      choices: {
        mobile: { sv: 'Mobil', en: 'Mobile' },
        switchboard: { sv: 'Växel', en: 'Switchboard' },
        fax: { sv: 'Fax', en: 'Fax' },
      },
    },
    'person.phones[].label': {
      label: { sv: 'Egen etikett', en: 'Own label' },
      hint: { sv: 'Valfritt. Ersätter ”Telefon”, ”Mobil” och så vidare.', en: 'Optional. Replaces “Phone”, “Mobile” and so on.' },
    },
    'person.email': { label: { sv: 'E-post', en: 'E-mail' } },
    unit: { label: { sv: 'Enhet', en: 'Unit' } },
    'unit.name': { label: { sv: 'Enhetens namn', en: 'Name of the unit' } },
    'unit.address': { label: { sv: 'Besöksadress', en: 'Visiting address' } },
    'unit.address.street': { label: { sv: 'Gatuadress', en: 'Street address' }, single: true },
    'unit.address.postalCode': { label: { sv: 'Postnummer', en: 'Postal code' }, single: true },
    'unit.address.locality': { label: { sv: 'Ort', en: 'Town' }, single: true },
    'unit.phone': { label: { sv: 'Växelnummer', en: 'Switchboard number' } },
    'unit.email': { label: { sv: 'Enhetens e-post', en: "The unit's e-mail" } },
    'unit.url': {
      label: { sv: 'Webbplats', en: 'Website' },
      hint: { sv: 'Till exempel https://www.kommun.se/naringsliv', en: 'Such as https://www.kommun.se/naringsliv' },
    },
  },
  'ik-manifesto-card': {
    heading: { label: { sv: 'Rubrik', en: 'Heading' } },
    lead: { label: { sv: 'Ingress', en: 'Lead' }, long: true },
    body: { label: { sv: 'Brödtext', en: 'Body text' }, item: { sv: 'stycke', en: 'paragraph' } },
    'body[]': { label: { sv: 'Stycke', en: 'Paragraph' }, long: true },
    figures: { label: { sv: 'Nyckeltal', en: 'Key figures' }, item: { sv: 'nyckeltal', en: 'key figure' } },
    'figures[].value': {
      label: { sv: 'Tal', en: 'Number' },
      hint: { sv: 'Bara siffror, till exempel 600 000.', en: 'Digits only, such as 600 000.' },
    },
    'figures[].qualifier': {
      label: { sv: 'Ord före talet', en: 'Word before the number' },
      hint: { sv: 'Valfritt, till exempel ”över”.', en: 'Optional, such as “over”.' },
    },
    'figures[].label': { label: { sv: 'Vad talet gäller', en: 'What the number counts' } },
    priorities: { label: { sv: 'Prioriterade områden', en: 'Prioritised areas' }, item: { sv: 'område', en: 'area' } },
    'priorities[].title': { label: { sv: 'Område', en: 'Area' } },
    'priorities[].text': { label: { sv: 'Text', en: 'Text' }, long: true },
    'priorities[].href': { label: { sv: 'Länk', en: 'Link' } },
    closing: { label: { sv: 'Avslutning', en: 'Closing text' }, long: true },
    link: { label: { sv: 'Länk till hela manifestet', en: 'Link to the whole manifesto' } },
    'link.href': { label: { sv: 'Adress', en: 'Address' } },
    'link.text': { label: { sv: 'Länktext', en: 'Link text' } },
    reviewed: { label: { sv: 'Senast granskad', en: 'Last reviewed' } },
    'reviewed.date': {
      label: { sv: 'Datum', en: 'Date' },
      hint: { sv: 'ÅÅÅÅ-MM-DD, till exempel 2016-12-20.', en: 'YYYY-MM-DD, such as 2016-12-20.' },
    },
    'reviewed.by': { label: { sv: 'Av', en: 'By' }, single: true },
  },
  'ik-share-form': {
    heading: {
      label: { sv: 'Rubrik', en: 'Heading' },
      hint: { sv: 'Lämna tomt för ”Tipsa en vän”.', en: 'Leave empty for “Tell a friend”.' },
    },
    intro: { label: { sv: 'Inledning', en: 'Introduction' }, long: true },
    endpoint: {
      label: { sv: 'Adress som tar emot tipset', en: 'Address that receives the tip' },
      hint: {
        sv: 'Får du av webbgruppen. Lämna tomt så skriver besökaren tipset i sitt eget e-postprogram.',
        en: 'Your web team gives it. Leave empty and the visitor writes the tip in their own mail program.',
      },
    },
    url: {
      label: { sv: 'Sidans adress', en: "The page's address" },
      hint: { sv: 'Lämna tomt för sidans egen adress.', en: "Leave empty for the page's own address." },
    },
    pageTitle: {
      label: { sv: 'Sidans titel', en: "The page's title" },
      hint: { sv: 'Lämna tomt för sidans egen titel.', en: "Leave empty for the page's own title." },
      single: true,
    },
    privacy: { label: { sv: 'Om personuppgifter', en: 'About personal data' } },
    'privacy.text': { label: { sv: 'Text', en: 'Text' }, long: true },
    'privacy.href': { label: { sv: 'Länk till mer information', en: 'Link to more information' } },
  },
};
