/**
 * The snippet builder's own words, in Swedish and English. The builder is a
 * tool on the demo site, not part of the shipped bundle, so its strings live
 * here rather than in the XLIFF files; the elements' own messages (which the
 * builder quotes) are English and come from the elements' code.
 */
import type { Tag } from './fallback-html.js';

/** The builder's own languages. The content it writes may be in any of the widgets' languages (src/contract). */
export type Lang = 'sv' | 'en';

export type { Tag };
export type Both = Record<Lang, string>;

const sv = {
  title: 'Skapa koden för ett kort',
  siteName: 'Industrikommunernas widgetar',
  intro:
    'Välj vad du vill visa, fyll i formuläret och kopiera koden. Klistra in den i en HTML-modul eller ett HTML-block i webbplatsens publiceringsverktyg. Förhandsvisningen visar kortet på varje språk du fyller i.',
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
  textHint: 'Fyll i ett språk så visas texten likadant på alla, eller flera för att ge varje språk sin egen text.',
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
  previewIn: (language: string) => `På ${language}`,
  previewEmpty: 'Fyll i formuläret så visas kortet här, på varje språk du fyller i.',
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
    "Choose what to show, fill in the form and copy the code. Paste it into an HTML module or HTML block of your site's publishing tool. The preview shows the card in each language you fill in.",
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
  textHint: 'Fill in one language to show the same text in all, or several to give each its own.',
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
  previewIn: (language) => `In ${language}`,
  previewEmpty: 'Fill in the form and the card shows here, in each language you fill in.',
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

/** A language's name in the builder's language: "svenska", "Finnish". */
export const languageName = (code: string, lang: Lang) => displayNames[lang].of(code) ?? code;

/** Made once: the form names each language of each text field at every render. */
const displayNames = { sv: new Intl.DisplayNames(['sv'], { type: 'language' }), en: new Intl.DisplayNames(['en'], { type: 'language' }) };

/** The same, as a label: "Svenska". */
export const languageLabel = (code: string, lang: Lang) => {
  const name = languageName(code, lang);
  return name[0].toLocaleUpperCase(lang) + name.slice(1);
};
