/**
 * What each of the elements' problems means for an editor, and what to do about it, in the builder's two
 * languages. Made from the problem's code and values (src/shared/config-problems.ts), never from the elements'
 * English message: one function per code, and the type checker names any code that lacks one.
 */
import type { FieldProblem, LoadFailure, ProblemCode, ProblemTexts } from '../src/shared/config-problems.js';
import type { Lang } from './builder.strings.js';

const sv: ProblemTexts = {
  'invalid-json': ({ line, column, quotes }) =>
    quotes == 'curly'
      ? 'JSON-texten har typografiska citattecken (” “ ’), som Word och e-post lägger in. Tryck på ”Rätta citattecken” eller skriv raka citattecken (").'
      : quotes == 'single'
        ? 'JSON kräver raka dubbla citattecken (") runt namn och texter, inte enkla (\'). Tryck på ”Rätta citattecken”.'
        : `JSON-texten går inte att läsa. Felet märktes på rad ${line}, kolumn ${column}; ofta sitter det strax före, till exempel ett saknat kommatecken eller en saknad }.`,
  'wrong-type': ({ expected }) =>
    `Fältet har fel sorts värde: det ska vara ${{ text: 'text', 'text-or-languages': 'text', number: 'ett tal', list: 'en lista', object: 'en grupp av fält' }[expected]}. Text skrivs inom "…", tal utan citattecken, listor inom [ … ] och grupper av fält inom { … }.`,
  'not-allowed': ({ value, oneOf }) => `Värdet ”${value}” går inte att använda här.${oneOf ? ` Välj ett av: ${oneOf.join(', ')}.` : ''}`,
  'unsafe-url': ({ kind }) =>
    ({
      link: 'Adressen blir ingen länk: bara https:, http:, mailto:, tel: och relativa adresser blir länkar. Kortet visas ändå, utan den.',
      email: 'Det ser inte ut som en e-postadress (namn@exempel.se). Kortet visas ändå, utan den.',
      phone: 'Ett telefonnummer måste innehålla siffror och ingen adress som tel:. Kortet visas ändå, utan det.',
    })[kind],
  required: () => 'Fältet måste fyllas i.',
  'needs-name': () => 'Kortet behöver ett namn: fyll i personens namn eller enhetens namn.',
  'no-such-day': () => 'Datumet finns inte i kalendern, till exempel 30 februari.',
  'heading-level': ({ value }) => `Rubriknivån måste vara ett heltal från 1 till 6, inte ”${value}”.`,
  'none-given': ({ missing }, describe) => `Kortet har inget innehåll ännu. ${describe(missing)}`,
  'config-unreadable': () => 'Konfigurationen från skript gick inte att läsa.',
  'config-attribute': () =>
    'Konfigurationen kom som attributet config="[object Object]": ett objekt som sattes innan elementet fanns. Webbgruppen sätter egenskapen config i stället.',
  'load-failed': ({ failure }, describe) => `Filen i data-config-src gick inte att använda. ${describe(failure)}`,
  'not-http': () => 'Adressen måste börja med https:// eller vara relativ (/…).',
  'http-status': ({ status }) =>
    `Servern svarade ${status}${status == 404 ? ': det finns ingen fil på den adressen' : ''}. Kontrollera adressen.`,
  'too-large': () => 'Filen är för stor (över en miljon tecken).',
  timeout: ({ seconds }) => `Servern svarade inte inom ${seconds} sekunder.`,
  network: () => 'Den gick inte att hämta. Kontrollera adressen, och att servern tillåter CORS (se webbgruppens guide).',
};

const en: ProblemTexts = {
  'invalid-json': ({ line, column, quotes }) =>
    quotes == 'curly'
      ? 'The JSON has curly quotes (” “ ’), which Word and e-mail put in. Press “Fix quotes” or type straight quotes (").'
      : quotes == 'single'
        ? 'JSON needs straight double quotes (") around names and texts, not single ones (\'). Press “Fix quotes”.'
        : `The JSON cannot be read. The error was noticed at line ${line}, column ${column}; it is often just before, such as a missing comma or }.`,
  'wrong-type': ({ expected }) =>
    `The field has the wrong kind of value: it should be ${{ text: 'text', 'text-or-languages': 'text', number: 'a number', list: 'a list', object: 'a group of fields' }[expected]}. Text goes in "…", numbers without quotes, lists in [ … ] and groups of fields in { … }.`,
  'not-allowed': ({ value, oneOf }) => `The value “${value}” cannot be used here.${oneOf ? ` Choose one of: ${oneOf.join(', ')}.` : ''}`,
  'unsafe-url': ({ kind }) =>
    ({
      link: 'The address does not become a link: only https:, http:, mailto:, tel: and relative addresses do. The card still shows, without it.',
      email: 'That does not look like an e-mail address (name@example.se). The card still shows, without it.',
      phone: 'A phone number must hold digits and no address such as tel:. The card still shows, without it.',
    })[kind],
  required: () => 'The field must be filled in.',
  'needs-name': () => "The card needs a name: fill in the person's name or the unit's name.",
  'no-such-day': () => 'That date is not in the calendar, such as 30 February.',
  'heading-level': ({ value }) => `The heading level must be a whole number from 1 to 6, not “${value}”.`,
  'none-given': ({ missing }, describe) => `The card has no content yet. ${describe(missing)}`,
  'config-unreadable': () => 'The configuration from script could not be read.',
  'config-attribute': () =>
    'The configuration came as the attribute config="[object Object]": an object set before the element existed. The web team sets the config property instead.',
  'load-failed': ({ failure }, describe) => `The file in data-config-src could not be used. ${describe(failure)}`,
  'not-http': () => 'The address must start with https:// or be relative (/…).',
  'http-status': ({ status }) =>
    `The server answered ${status}${status == 404 ? ': there is no file at that address' : ''}. Check the address.`,
  'too-large': () => 'The file is too large (over a million characters).',
  timeout: ({ seconds }) => `The server did not answer within ${seconds} seconds.`,
  network: () => "It could not be loaded. Check the address, and that the server allows CORS (see the web team's guide).",
};

/** Each code's explanation, by the builder's language. */
export const explanations: Record<Lang, ProblemTexts> = { sv, en };

/** A problem explained in the builder's language. */
export function explain(problem: ProblemCode | LoadFailure, lang: Lang): string {
  const text = explanations[lang][problem.code] as (problem: unknown, describe: (nested: FieldProblem | LoadFailure) => string) => string;
  return text(problem, (nested) => explain(nested, lang));
}
