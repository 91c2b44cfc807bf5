/**
 * The snippet builder's own words, in Swedish and English. The builder is a
 * tool on the demo site, not part of the shipped bundle, so its strings live
 * here rather than in the XLIFF files; the elements' own messages (which the
 * builder quotes) are English and come from the elements' code.
 */
import type { Language } from '../src/contract/languages.js';

/** The builder's own interface speaks Swedish and English (issue 18 leaves it so); the cards it builds speak every language. */
export type Lang = Extract<Language, 'sv' | 'en'>;
import type { Tag } from './fallback-html.js';

export type { Tag };
export type Both = Record<Lang, string>;

const sv = {
  title: 'Skapa koden för ett kort',
  siteName: 'Industrikommunernas widgetar',
  intro:
    'Välj vad du vill visa, fyll i formuläret och kopiera koden. Klistra in den i en HTML-modul eller ett HTML-block i webbplatsens publiceringsverktyg. Förhandsvisningen visar kortet på svenska och engelska.',
  jumpToCode: 'Till förhandsvisningen och koden',
  demo: 'Exempelsida',
  webTeamGuide: 'Guide för webbgruppen (på engelska)',
  otherLanguage: 'In English',
  guide: 'Guide för redaktörer',
  tabs: 'Verktyg',
  tabBuild: 'Skapa kod',
  tabCheck: 'Kontrollera kod du redan har',
  element: 'Vad vill du visa?',
  settings: 'Placering',
  headingLevel: 'Rubriknivå',
  headingLevelHint:
    'Kortets rubrik blir en rubrik på den här nivån. Välj 2 om kortet står direkt under sidans huvudrubrik, 3 om det står under en mellanrubrik.',
  configSrc: 'Hämta innehållet från en fil på webben (data-config-src)',
  configSrcHint:
    'Valfritt. Adressen till en JSON-fil, till exempel manifestet som nätverket publicerar centralt. Det du fyller i nedan ersätter fält i filen.',
  content: 'Innehåll',
  example: 'Fyll i med exemplet',
  exampleDone: 'Exemplet är ifyllt.',
  clear: 'Töm formuläret',
  cleared: 'Formuläret är tömt.',
  required: '(måste fyllas i)',
  inSwedish: 'Svenska',
  inEnglish: 'Engelska',
  textHint: 'Fyll i ett av språken så visas texten likadant på båda, eller båda för att få varsin text.',
  add: (what: string) => `Lägg till ${what}`,
  remove: (what: string) => `Ta bort ${what}`,
  added: (what: string) => `${what} är tillagt.`,
  removed: (what: string) => `${what} är borttaget.`,
  kindDefault: 'Telefon',
  output: 'Koden',
  options: 'För webbgruppen',
  optionsIntro: 'Tekniska inställningar. Som redaktör behöver du inte ändra något här.',
  scriptBase: 'Skriptets adress utan version',
  scriptBaseHint: 'Versionen och filnamnet läggs till. Webbgruppen vet vilken adress som gäller för er webbplats.',
  includeScript: 'Ta med skripttaggen (<script>)',
  includeScriptHint: 'Bocka ur om webbplatsen redan laddar skriptet på alla sidor.',
  classicScript: 'Klassiskt skript (.iife.js)',
  classicScriptHint: 'För publiceringsverktyg som tar bort type="module" från skripttaggar.',
  fallbackLang: 'Språk på sidan där koden ska stå',
  fallbackLangHint: 'Det som visas innan kortet har laddats, och om något är fel, skrivs på det språket.',
  snippet: 'Koden att klistra in',
  copy: 'Kopiera koden',
  copied: 'Koden är kopierad. Klistra in den i HTML-läget i publiceringsverktyget.',
  selected: 'Koden är markerad. Tryck Ctrl+C (⌘C på Mac) för att kopiera.',
  problems: 'Kontroll',
  notYet: 'Fyll i formuläret. Här står det sedan om något behöver rättas.',
  noProblems: 'Inga problem: kortet visar innehållet.',
  problemCount: (errors: number, warnings: number) =>
    [
      errors && `${errors} ${errors == 1 ? 'sak' : 'saker'} att rätta`,
      warnings && `${warnings} ${warnings == 1 ? 'sak' : 'saker'} att se över`,
    ]
      .filter(Boolean)
      .join(' och ') + '.',
  technical: 'Tekniskt meddelande',
  schemeAdded: (address: string) => `Adressen saknade https://, så det är tillagt: ${address}`,
  reserve: 'Reservera plats för kortet (CSS)',
  reserveHint:
    'Så att inget på sidan flyttar sig när kortet visas. Lägg reglerna i webbplatsens stilmall. Höjderna är det här kortets, mätta i förhandsvisningen med sidans typsnitt; webbplatsens typsnitt kan ge något annan höjd.',
  reserveWide: 'Spaltens bredd på en stor skärm (px)',
  reserveNarrow: 'Spaltens bredd på en telefon (px)',
  reserveBreakpoint: 'Skärmbredd där webbplatsen byter till telefonlayout (px)',
  reserveCss: 'CSS för webbplatsens stilmall',
  measuring: 'Mäter …',
  reserveEmpty: '/* Fyll i formuläret först. */',
  error: 'Fel',
  warning: 'Varning',
  note: 'Observera',
  elementSays: 'Elementets meddelande',
  integrityMissing:
    'Ingen integritetshash: kör npm run build så räknas den ut. Koden fungerar utan, men webbläsaren kan då inte kontrollera att skriptet är oförändrat.',
  integrityComputed: 'Integritetshashen är uträknad från dist/industrikommun-widgets.js (dist/sri.json saknas).',
  preview: 'Förhandsvisning',
  previewSv: 'På svenska',
  previewEn: 'På engelska',
  previewFallback: 'Det som visas innan kortet har laddats',
  loading: 'Hämtar …',
  checkIntro: 'Klistra in kod som du redan har. Kontrollen är samma som korten själva gör, och visar varje problem.',
  checkInput: 'Koden',
  checkTag: 'Vilket kort gäller koden?',
  guess: 'Gissa utifrån fälten',
  check: 'Kontrollera',
  fixQuotes: 'Rätta citattecken',
  fixQuotesHint:
    'Word, e-post och chattprogram byter ofta raka citattecken (") mot typografiska (” “ ’). JSON kräver raka dubbla citattecken.',
  fixedQuotes: (count: number) => `${count} citattecken är rättade.`,
  result: 'Resultat',
  nothingToCheck: 'Klistra in något att granska.',
  noElement: 'Inget av elementen ik-contact-card, ik-manifesto-card eller ik-share-form finns i kodstycket.',
  unknownTag: (tag: string, suggestion?: string) => `Elementet <${tag}> finns inte.${suggestion ? ` Menade du <${suggestion}>?` : ''}`,
  whichElement: 'Det går inte att se vilket element JSON gäller. Välj element ovan.',
  jsonFor: (tag: string) => `JSON för <${tag}>`,
  elementNumber: (tag: string, n: number) => `<${tag}>, element ${n}`,
  noScript:
    'Kodstycket har ingen skripttagg. Det går bra om webbplatsen redan laddar skriptet på alla sidor; annars syns bara reservinnehållet.',
  moduleNeeded: 'Skripttaggen saknar type="module". Lägg till det, eller använd industrikommun-widgets.iife.js.',
  crossoriginNeeded:
    'Skripttaggen har integrity men inte crossorigin="anonymous". Då vägrar webbläsaren köra ett skript från en annan webbplats.',
  unversioned:
    'Skriptets adress har ingen version. Använd en adress med version, så att integritetshashen och elementen inte ändras oväntat.',
  noFallback:
    'Elementet har inget reservinnehåll. Skriv innehållet som vanlig text inuti elementet, så att det syns innan skriptet har laddats och om något går fel.',
  openInBuilder: 'Öppna i byggaren',
  opened: 'Innehållet är öppnat i byggaren.',
  buildRun: 'kör npm run build',
} as const;

type Strings = { [K in keyof typeof sv]: (typeof sv)[K] extends (...args: infer A) => string ? (...args: A) => string : string };

const en: Strings = {
  title: 'Create the code for a card',
  siteName: "The Industrial Municipalities' widgets",
  intro:
    "Choose what to show, fill in the form and copy the code. Paste it into an HTML module or HTML block of your site's publishing tool. The preview shows the card in Swedish and English.",
  jumpToCode: 'To the preview and the code',
  demo: 'Example page',
  webTeamGuide: "The web team's guide",
  otherLanguage: 'På svenska',
  guide: "Editor's guide",
  tabs: 'Tools',
  tabBuild: 'Create the code',
  tabCheck: 'Check code you already have',
  element: 'What do you want to show?',
  settings: 'Placement',
  headingLevel: 'Heading level',
  headingLevelHint:
    "The card's heading becomes a heading of this level. Choose 2 when the card sits right under the page's main heading, 3 when it is under a subheading.",
  configSrc: 'Load the content from a file on the web (data-config-src)',
  configSrcHint:
    'Optional. The address of a JSON file, such as the manifesto the network publishes centrally. What you fill in below replaces fields of the file.',
  content: 'Content',
  example: 'Fill in the example',
  exampleDone: 'The example is filled in.',
  clear: 'Empty the form',
  cleared: 'The form is empty.',
  required: '(required)',
  inSwedish: 'Swedish',
  inEnglish: 'English',
  textHint: 'Fill in one language to show the same text in both, or both to give each its own.',
  add: (what) => `Add ${what}`,
  remove: (what) => `Remove ${what}`,
  added: (what) => `${what} added.`,
  removed: (what) => `${what} removed.`,
  kindDefault: 'Phone',
  output: 'The code',
  options: 'For web teams',
  optionsIntro: 'Technical settings. As an editor you need not change anything here.',
  scriptBase: "The script's address without version",
  scriptBaseHint: 'The version and file name are added. Your web team knows the address for your site.',
  includeScript: 'Include the script tag (<script>)',
  includeScriptHint: 'Untick when the site already loads the script on every page.',
  classicScript: 'Classic script (.iife.js)',
  classicScriptHint: 'For CMSes that remove type="module" from script tags.',
  fallbackLang: 'Language of the page the code goes on',
  fallbackLangHint: 'What shows before the card has loaded, and when something is wrong, is written in that language.',
  snippet: 'The code to paste',
  copy: 'Copy the code',
  copied: "The code is copied. Paste it into the publishing tool's HTML mode.",
  selected: 'The code is selected. Press Ctrl+C (⌘C on a Mac) to copy it.',
  problems: 'Check',
  notYet: 'Fill in the form. Anything that needs fixing will show here.',
  noProblems: 'No problems: the card shows its content.',
  problemCount: (errors, warnings) =>
    [
      errors && `${errors} ${errors == 1 ? 'thing' : 'things'} to fix`,
      warnings && `${warnings} ${warnings == 1 ? 'thing' : 'things'} to look at`,
    ]
      .filter(Boolean)
      .join(' and ') + '.',
  technical: 'Technical message',
  schemeAdded: (address) => `The address lacked https://, so it is added: ${address}`,
  reserve: "Reserve the card's space (CSS)",
  reserveHint:
    "So that nothing on the page moves when the card appears. Put the rules in the site's style sheet. The heights are this card's, measured in the preview with this page's font; the site's font can give a slightly different height.",
  reserveWide: "The column's width on a large screen (px)",
  reserveNarrow: "The column's width on a phone (px)",
  reserveBreakpoint: 'Screen width where the site switches to its phone layout (px)',
  reserveCss: "CSS for the site's style sheet",
  measuring: 'Measuring …',
  reserveEmpty: '/* Fill in the form first. */',
  error: 'Error',
  warning: 'Warning',
  note: 'Note',
  elementSays: "The element's message",
  integrityMissing:
    'No integrity hash: run npm run build to compute it. The snippet works without, but the browser cannot then check that the script is unchanged.',
  integrityComputed: 'The integrity hash is computed from dist/industrikommun-widgets.js (dist/sri.json is missing).',
  preview: 'Preview',
  previewSv: 'In Swedish',
  previewEn: 'In English',
  previewFallback: 'What shows before the card has loaded',
  loading: 'Loading …',
  checkIntro: 'Paste code that you already have. The check is the one the cards make themselves, and shows every problem.',
  checkInput: 'The code',
  checkTag: 'Which card is the code for?',
  guess: 'Guess from the fields',
  check: 'Check',
  fixQuotes: 'Fix quotes',
  fixQuotesHint:
    'Word, e-mail and chat programs often turn straight quotes (") into curly ones (” “ ’). JSON needs straight double quotes.',
  fixedQuotes: (count) => `${count} ${count == 1 ? 'quote' : 'quotes'} fixed.`,
  result: 'Result',
  nothingToCheck: 'Paste something to check.',
  noElement: 'None of the elements ik-contact-card, ik-manifesto-card or ik-share-form is in the snippet.',
  unknownTag: (tag, suggestion) => `There is no element <${tag}>.${suggestion ? ` Did you mean <${suggestion}>?` : ''}`,
  whichElement: 'It is not clear which element the JSON is for. Choose the element above.',
  jsonFor: (tag) => `JSON for <${tag}>`,
  elementNumber: (tag, n) => `<${tag}>, element ${n}`,
  noScript:
    'The snippet has no script tag. That is fine when the site already loads the script on every page; otherwise only the fallback shows.',
  moduleNeeded: 'The script tag lacks type="module". Add it, or use industrikommun-widgets.iife.js.',
  crossoriginNeeded: 'The script tag has integrity but not crossorigin="anonymous". The browser then refuses a script from another site.',
  unversioned:
    "The script's address has no version. Use an address with a version, so that the integrity hash and the elements do not change unexpectedly.",
  noFallback:
    'The element has no fallback content. Write the content as plain text inside the element, so that it shows before the script has loaded and when something goes wrong.',
  openInBuilder: 'Open in the builder',
  opened: 'The content is open in the builder.',
  buildRun: 'run npm run build',
};

export const strings: Record<Lang, Strings> = { sv: sv as Strings, en };

/** The three elements, as the builder names them. */
export const elementNames: Record<Tag, Both> = {
  'ik-contact-card': { sv: 'Kontaktkort', en: 'Contact card' },
  'ik-manifesto-card': { sv: 'Manifestkort', en: 'Manifesto card' },
  'ik-share-form': { sv: 'Tipsa en vän', en: 'Tell a friend' },
};

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
