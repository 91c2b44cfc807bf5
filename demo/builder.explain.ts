import type { Both, Lang } from './builder.strings.js';

/**
 * What each of the elements' messages means, for an editor, by a pattern of
 * the message. The elements speak English in the console; this says the same
 * in the builder's language and says what to do.
 */
export const explanations: [RegExp, Both][] = [
  [
    /curly quotes/,
    {
      sv: 'JSON-texten har typografiska citattecken (” “ ’), som Word och e-post lägger in. Tryck på ”Rätta citattecken” eller skriv raka citattecken (").',
      en: 'The JSON has curly quotes (” “ ’), which Word and e-mail put in. Press “Fix quotes” or type straight quotes (").',
    },
  ],
  [
    /not single quotes/,
    {
      sv: 'JSON kräver raka dubbla citattecken (") runt namn och texter, inte enkla (\'). Tryck på ”Rätta citattecken”.',
      en: 'JSON needs straight double quotes (") around names and texts, not single ones (\'). Press “Fix quotes”.',
    },
  ],
  [
    /^invalid JSON/,
    {
      sv: 'JSON-texten går inte att läsa. Raden och kolumnen visar var felet märktes; ofta sitter det strax före, till exempel ett saknat kommatecken eller en saknad }.',
      en: 'The JSON cannot be read. The line and column show where the error was noticed; it is often just before, such as a missing comma or }.',
    },
  ],
  [
    /could not load/,
    {
      sv: 'Filen i data-config-src gick inte att hämta. Kontrollera adressen, och att servern tillåter CORS (se webbgruppens guide).',
      en: "The file in data-config-src could not be loaded. Check the address, and that the server allows CORS (see the web team's guide).",
    },
  ],
  [
    /is not a safe link/,
    {
      sv: 'Adressen blir ingen länk: bara https:, http:, mailto:, tel: och relativa adresser blir länkar. Kortet visas ändå, utan den.',
      en: 'The address does not become a link: only https:, http:, mailto:, tel: and relative addresses do. The card still shows, without it.',
    },
  ],
  [
    /is not a safe email/,
    {
      sv: 'Det ser inte ut som en e-postadress (namn@exempel.se). Kortet visas ändå, utan den.',
      en: 'That does not look like an e-mail address (name@example.se). The card still shows, without it.',
    },
  ],
  [
    /is not a safe phone/,
    {
      sv: 'Ett telefonnummer måste innehålla siffror och ingen adress som tel:. Kortet visas ändå, utan det.',
      en: 'A phone number must hold digits and no address such as tel:. The card still shows, without it.',
    },
  ],
  [
    /needs a name/,
    {
      sv: 'Kortet behöver ett namn: fyll i personens namn eller enhetens namn.',
      en: "The card needs a name: fill in the person's name or the unit's name.",
    },
  ],
  [
    /is no such day/,
    { sv: 'Datumet finns inte i kalendern, till exempel 30 februari.', en: 'That date is not in the calendar, such as 30 February.' },
  ],
  [
    /whole number from 1 to 6/,
    { sv: 'Rubriknivån måste vara ett heltal från 1 till 6.', en: 'The heading level must be a whole number from 1 to 6.' },
  ],
  [/is required/, { sv: 'Fältet måste fyllas i.', en: 'The field must be filled in.' }],
  [
    /is not allowed/,
    {
      sv: 'Värdet är inte ett av de tillåtna; meddelandet säger vilka som går.',
      en: 'The value is not one of those allowed; the message says which are.',
    },
  ],
  [
    /must be .*, not /,
    {
      sv: 'Fältet har fel sorts värde. Text skrivs inom "…", tal utan citattecken, listor inom [ … ] och grupper av fält inom { … }.',
      en: 'The field has the wrong kind of value. Text goes in "…", numbers without quotes, lists in [ … ] and groups of fields in { … }.',
    },
  ],
  [/could not be read/, { sv: 'Konfigurationen från skript gick inte att läsa.', en: 'The configuration from script could not be read.' }],
];

export const explain = (message: string, lang: Lang) => explanations.find(([pattern]) => pattern.test(message))?.[1][lang];
