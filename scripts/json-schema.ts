/**
 * Writes `schema/<tag>.schema.json`, a JSON Schema (draft 2020-12) per element,
 * from the same descriptors that give the elements their TypeScript types and
 * their runtime check (`src/<element>/<element>.config.ts`). The schemas are
 * for editors' and developers' IDEs; the elements never load them.
 *
 *   npm run schema            writes the files
 *   npm run schema -- --check fails, naming the files, when a committed schema is stale
 *
 * Node 20 cannot run TypeScript, so the npm script bundles this file with
 * esbuild first. `test/schema/schema.test.mjs` imports the same functions to
 * check that the committed files are fresh and that the schemas and the
 * runtime agree (seed examples, fuzzing).
 *
 * How the runtime's rules are written as JSON Schema:
 * - `null` and `""` count as absent in the runtime, so every optional property
 *   also accepts them (`#/$defs/absent`) and every required one rejects them;
 * - unknown properties are ignored by the runtime, so they are allowed here;
 * - what the runtime drops with a warning (an unsafe link, e-mail or phone
 *   number) is invalid here: an IDE should flag it, even though the card still
 *   renders without it;
 * - each element's cross-field rule (`spec.check`) is an entry of the
 *   top-level `allOf`, whose description is the runtime's own message.
 */
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { WidgetSpec } from '../src/shared/config.js';
import { describeProblem } from '../src/shared/config-problems.js';
import { LANGUAGE_TAG, type Field } from '../src/shared/schema.js';
import { LANGUAGES } from '../src/contract/languages.js';
import { contactSpec } from '../src/contact-card/contact-card.config.js';
import { manifestoSpec } from '../src/manifesto-card/manifesto-card.config.js';
import { shareSpec } from '../src/share-form/share-form.config.js';

export type JsonSchema = { [keyword: string]: unknown };

const DEFS = '#/$defs/';

/** `LANGUAGE_TAG` without its `i` flag, which JSON Schema's patterns do not have. */
const LANGUAGE_TAG_PATTERN = LANGUAGE_TAG.source.replace('[a-z]', '[a-zA-Z]').replace('[a-z\\d]', '[a-zA-Z\\d]');
const ref = (name: string) => ({ $ref: DEFS + name });

/** Each letter of `word` in either case. */
const anyCase = (word: string) => [...word].map((letter) => `[${letter}${letter.toUpperCase()}]`);

/** `word` in any case, with the tabs and line breaks that the URL parser ignores between its letters. */
const loose = (word: string) => anyCase(word).join('[\\t\\n\\r]*');

/**
 * What `isSafeHref` lets through, as a pattern: after `trim()` and the URL
 * parser's own stripping of leading C0 controls and spaces, either no scheme
 * (a relative address) or one of the four safe ones, in any case and with tabs
 * or line breaks inside (`java\tscript:` is `javascript:` to a browser).
 */
const SAFE_SCHEME = `(?:${loose('http')}(?:[\\t\\n\\r]*[sS])?|${loose('mailto')}|${loose('tel')})[\\t\\n\\r]*:`;
const SAFE_LINK = `^(?!\\s*[\\x00-\\x20]*(?!${SAFE_SCHEME})[a-zA-Z][a-zA-Z0-9+.\\-\\t\\n\\r]*:)`;

/** `cleanUrl`'s e-mail rule: trimmed, an optional `mailto:`, then local@domain.tld without spaces or specials. */
const NOT_SPECIAL = '[^\\s@<>()[\\]\\\\,;:"]+';
const EMAIL = `^\\s*(?:${anyCase('mailto').join('')}:)?${NOT_SPECIAL}@${NOT_SPECIAL}\\.${NOT_SPECIAL}\\s*$`;

/** `cleanUrl`'s phone rule: at least one digit, and nothing that looks like a scheme (two letters and a colon). */
const PHONE = '^(?![\\s\\S]*[a-zA-Z]{2}:)[\\s\\S]*\\d';

/** A real day of the Gregorian calendar, leap years included: what `manifestoSpec.check` asks of `reviewed.date`. */
const CALENDAR_DAY =
  '^(?:\\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)|02-(?:0[1-9]|1\\d|2[0-8]))' +
  '|(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$';

const defs: Record<string, JsonSchema> = {
  text: {
    description:
      'Text: one string for every language, or one per language with BCP 47 language tags as keys, such as ' +
      '{"sv": "…", "en": "…", "fi": "…", "ar": "…"}. A card shows its own language, else Swedish, else English, else the first given.',
    anyOf: [
      { type: 'string' },
      {
        type: 'object',
        properties: Object.fromEntries(
          Object.entries(LANGUAGES).map(([code, info]) => [
            code,
            { type: 'string', description: `${info.name}${info.dir == 'rtl' ? ' (right to left)' : ''}` },
          ]),
        ),
        // Any other language tag (the named ones left out, so that no key matches both).
        patternProperties: { [`^(?!(?:${Object.keys(LANGUAGES).join('|')})$)${LANGUAGE_TAG_PATTERN.slice(1)}`]: { type: 'string' } },
        // At least one key is a language tag: keys that are not are ignored, as unknown fields are.
        not: { propertyNames: { not: { pattern: LANGUAGE_TAG_PATTERN } } },
      },
    ],
  },
  absent: { description: 'null or "": the same as leaving the field out.', enum: [null, ''] },
  link: {
    type: 'string',
    pattern: SAFE_LINK,
    description:
      'A link: https:, http:, mailto:, tel: or a relative address. Any other scheme (javascript:, data: …) is left out with a warning. ' +
      'The browser must also be able to read it as an address (https:// needs a host name).',
  },
  email: {
    type: 'string',
    pattern: EMAIL,
    description: 'An e-mail address, such as namn@kommun.se (a leading mailto: is allowed). Anything else is left out with a warning.',
  },
  phone: {
    type: 'string',
    pattern: PHONE,
    description:
      'A phone number as it should be shown, such as 0520-49 68 10 or +46 520 49 68 10. It is linked in E.164 form (tel:+46520496810). ' +
      'It must hold a digit and no scheme; anything else is left out with a warning.',
  },
};

/** The schema of one descriptor field, without the "absent" alternative. */
function fieldSchema(field: Field, path: string, describe: Descriptions): JsonSchema {
  switch (field.kind) {
    case 'text':
      return ref('text');
    case 'number':
      return { type: 'number' };
    case 'string':
      return field.oneOf
        ? { enum: [...field.oneOf] }
        : {
            type: 'string',
            ...(field.pattern && { pattern: field.pattern.source }),
            ...(field.hint && { description: `${field.hint[0].toUpperCase()}${field.hint.slice(1)}.` }),
          };
    case 'url':
      return ref(field.scheme ?? 'link');
    case 'list':
      return { type: 'array', items: withDescription(fieldSchema(field.of, `${path}[]`, describe), describe[`${path}[]`]) };
    case 'object': {
      const required = field.required ?? [];
      const properties: Record<string, JsonSchema> = {};
      for (const [key, child] of Object.entries(field.fields)) {
        const at = path ? `${path}.${key}` : key;
        const schema = fieldSchema(child, at, describe);
        // Runtime: a required field that is null or "" is missing; an optional one is simply left out.
        properties[key] = withDescription(
          required.includes(key) ? { ...schema, not: ref('absent') } : { anyOf: [schema, ref('absent')] },
          describe[at],
        );
      }
      return { type: 'object', properties, ...(required.length && { required: [...required] }) };
    }
  }
}

const withDescription = (schema: JsonSchema, description?: string): JsonSchema => {
  if (!description) return schema;
  // A field's own description replaces the generic one of a plain type (hints stay ahead of it).
  const { description: generic, ...rest } = schema;
  return { description: generic && !('$ref' in schema) ? `${description} ${generic}` : description, ...rest };
};

/** Field descriptions by dotted path (`[]` for a list's items): what an IDE shows on hover. */
type Descriptions = Record<string, string>;

interface ElementSchema {
  tag: string;
  spec: WidgetSpec<any>;
  summary: string;
  descriptions: Descriptions;
  /** The element's `check`, in JSON Schema where it can be said there, with the runtime's message. */
  rules: JsonSchema[];
}

const namedBlock = (block: string): JsonSchema => ({
  required: [block],
  properties: { [block]: { type: 'object', required: ['name'], properties: { name: { not: ref('absent') } } } },
});

export const elements: ElementSchema[] = [
  {
    tag: 'ik-contact-card',
    spec: contactSpec,
    summary: 'A person and their unit.',
    descriptions: {
      heading: 'The card\'s heading. Default: "Kontakt" / "Contact".',
      person: 'The person to contact.',
      'person.name': 'Full name.',
      'person.role': 'Title or role, such as "Näringslivschef".',
      'person.phones': 'Phone numbers, in the order shown.',
      'person.phones[].number': 'The number as it should be shown.',
      'person.phones[].kind': 'Labels the number: work "Telefon", mobile "Mobil", switchboard "Växel", fax "Fax". Default: work.',
      'person.phones[].label': 'An own label instead of the one for the kind.',
      'person.email': "The person's e-mail address.",
      unit: 'The unit, department or office.',
      'unit.name': 'Name of the unit.',
      'unit.address': 'Visiting address.',
      'unit.address.street': 'Street and number.',
      'unit.address.postalCode': 'Postal code, such as "461 83".',
      'unit.address.locality': 'Town.',
      'unit.phone': 'Switchboard number.',
      'unit.email': "The unit's e-mail address.",
      'unit.url': "The unit's web page.",
    },
    rules: [{ anyOf: [namedBlock('person'), namedBlock('unit')] }],
  },
  {
    tag: 'ik-manifesto-card',
    spec: manifestoSpec,
    summary: "The network's manifesto.",
    descriptions: {
      heading: 'The heading of the manifesto.',
      lead: 'The introductory paragraph, shown larger.',
      body: 'Paragraphs of body text.',
      'body[]': 'One paragraph.',
      figures: 'Key figures, each read as one sentence: "över 1 000 000 sysselsatta …".',
      'figures[].value': 'The number; it is formatted for the language (1 000 000 / 1,000,000).',
      'figures[].qualifier': 'A word before the number, such as "över" / "over".',
      'figures[].label': 'What the number counts.',
      priorities: 'The prioritised areas, as a bulleted list.',
      'priorities[].title': 'The area.',
      'priorities[].text': 'A sentence about it.',
      'priorities[].href': 'A page about it; the title becomes a link.',
      closing: 'The closing paragraph.',
      link: 'The link to the whole manifesto; left out without href.',
      'link.href': 'Address of the whole manifesto.',
      'link.text': 'Link text, such as "Läs hela manifestet".',
      reviewed: 'When the text was last reviewed, and by whom.',
      'reviewed.date': 'The day, as YYYY-MM-DD.',
      'reviewed.by': 'Who reviewed it.',
    },
    rules: [{ properties: { reviewed: { properties: { date: { pattern: CALENDAR_DAY } } } } }],
  },
  {
    tag: 'ik-share-form',
    spec: shareSpec,
    summary: '"Tipsa en vän": shares the page by e-mail.',
    descriptions: {
      heading: 'The form\'s heading. Default: "Tipsa en vän" / "Tell a friend".',
      intro: 'A sentence above the form.',
      endpoint: "Where the form POSTs its JSON (see docs/web-team.md). Without it, the visitor's own mail program writes the message.",
      url: 'The address to share. Default: the page\'s <link rel="canonical">, else its address without the #fragment.',
      pageTitle: "The title to share. Default: the page's <title>.",
      privacy: 'A note on how the details are handled.',
      'privacy.text': 'The note.',
      'privacy.href': 'A page with more about personal data.',
    },
    rules: [],
  },
];

/** A configuration that breaks each element's `check`, to take the runtime's own message for the rule. */
const breaking: Record<string, unknown> = {
  'ik-contact-card': {},
  'ik-manifesto-card': { reviewed: { date: '2015-02-29' } },
};

export function elementSchema({ tag, spec, summary, descriptions, rules }: ElementSchema): JsonSchema {
  const root = fieldSchema(spec.schema, '', descriptions);
  const broken = breaking[tag] && spec.check?.(breaking[tag]);
  const message = broken && describeProblem(broken);
  if (rules.length && !message) throw new Error(`${tag}: the rule's example no longer breaks spec.check`);
  const schema: JsonSchema = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: `<${tag}> configuration`,
    description:
      `${summary} The JSON of data-config, data-config-src or a child <script type="application/json">. ` +
      "Unknown fields are ignored. Generated from the element's descriptor by scripts/json-schema.ts: do not edit.",
    ...root,
    ...(rules.length && {
      allOf: rules.map((rule) => ({ description: `The element's own rule. When it fails, the element says: ${message}`, ...rule })),
    }),
  };
  // Only the definitions this element refers to.
  const used = JSON.stringify(schema);
  return { ...schema, $defs: Object.fromEntries(Object.entries(defs).filter(([name]) => used.includes(`"${DEFS}${name}"`))) };
}

/** JSON on one line, with a space after each comma and colon. */
function inlineJson(value: unknown): string {
  if (value === null || typeof value != 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([key, item]) => `${JSON.stringify(key)}: ${inlineJson(item)}`)
    .join(', ')}}`;
}

/** JSON with two-space indentation, keeping on one line whatever fits in 100 characters, for reading. */
export function formatJson(value: unknown, indent = ''): string {
  const flat = inlineJson(value);
  if (value === null || typeof value != 'object' || indent.length + flat.length <= 100) return flat;
  const inner = indent + '  ';
  const items = Array.isArray(value)
    ? value.map((item) => inner + formatJson(item, inner))
    : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${formatJson(item, inner)}`);
  const [open, close] = Array.isArray(value) ? '[]' : '{}';
  return `${open}\n${items.join(',\n')}\n${indent}${close}`;
}

/** File name (under `schema/`) → its exact contents. */
export const schemaFiles = () =>
  Object.fromEntries(elements.map((element) => [`${element.tag}.schema.json`, formatJson(elementSchema(element)) + '\n']));

function main(check: boolean) {
  const stale: string[] = [];
  mkdirSync('schema', { recursive: true });
  for (const [name, contents] of Object.entries(schemaFiles())) {
    const file = `schema/${name}`;
    let current: string | undefined;
    try {
      current = readFileSync(file, 'utf8');
    } catch {}
    if (current == contents) continue;
    stale.push(file);
    if (!check) writeFileSync(file, contents);
  }
  if (check && stale.length) {
    console.error(`Stale JSON Schemas: ${stale.join(', ')}. Run npm run schema and commit the result.`);
    process.exit(1);
  }
  console.log(stale.length ? `Wrote ${stale.join(', ')}` : 'JSON Schemas are up to date.');
}

// Run as a script, not imported (by the tests); through symbolic links too, as node_modules may be one.
if (process.argv[1] && realpathSync(process.argv[1]) == realpathSync(fileURLToPath(import.meta.url)))
  main(process.argv.includes('--check'));
