/**
 * The published JSON Schemas (schema/*.schema.json) against the runtime
 * check they are generated from. Runs in Node (`node --test test/schema/`):
 * ajv is CommonJS, which the browser test server does not serve, and nothing
 * here needs a browser except `isSafeHref`'s `document.baseURI`, given below.
 * The TypeScript sources are bundled with esbuild first (Node 20 cannot run
 * them), with the same `@lit/localize` alias as the Vite build.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { build } from 'esbuild';
import fc from 'fast-check';

const root = fileURLToPath(new URL('../../', import.meta.url));
const BASE = 'https://www.example.se/naringsliv/';
globalThis.document ??= { baseURI: BASE };

/** @type {{ schemaFiles: () => Record<string, string>, elements: { tag: string, spec: any }[], validateConfig: Function }} */
let runtime;
let scratch;

before(async () => {
  const result = await build({
    stdin: {
      contents:
        "export { schemaFiles, elements } from './scripts/json-schema.ts'; export { validateConfig } from './src/shared/config.ts';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    write: false,
    logLevel: 'warning',
    plugins: [
      {
        // Exactly the package root, as in vite.config.ts: its index pulls in the whole runtime, which needs a DOM.
        name: 'lit-localize-str-tag',
        setup: (esbuild) =>
          esbuild.onResolve({ filter: /^@lit\/localize$/ }, (args) =>
            esbuild.resolve('@lit/localize/internal/str-tag.js', { kind: args.kind, resolveDir: args.resolveDir }),
          ),
      },
    ],
  });
  scratch = mkdtempSync(join(tmpdir(), 'ik-schema-'));
  const file = join(scratch, 'runtime.mjs');
  writeFileSync(file, result.outputFiles[0].text);
  runtime = await import(pathToFileURL(file).href);
});

after(() => scratch && rmSync(scratch, { recursive: true, force: true }));

const readSchema = (tag) => JSON.parse(readFileSync(join(root, 'schema', `${tag}.schema.json`), 'utf8'));
const seed = (name) => JSON.parse(readFileSync(join(root, 'fixtures', 'seed', `${name}.json`), 'utf8'));

function compile(tag) {
  // Strict, so that a misspelt keyword fails. Two of ajv's own style rules are off, as they forbid plain draft
  // 2020-12: a rule such as "reviewed.date is a real day" must not itself demand that reviewed be an object
  // (strictTypes), and "sv or en" is `anyOf: [{required: ["sv"]}, {required: ["en"]}]` (strictRequired).
  const ajv = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true });
  return ajv.compile(readSchema(tag));
}

/** What the element itself finds in this JSON, given as `data-config`: every error and warning. */
const runtimeProblems = (tag, json) => {
  const { spec } = runtime.elements.find((element) => element.tag == tag);
  const { problems } = runtime.validateConfig(spec, [{ name: 'data-config', value: json, json: true }]);
  return problems;
};

describe('the published JSON Schemas', () => {
  it('are the ones the descriptors give (run `npm run schema` when this fails)', () => {
    for (const [name, contents] of Object.entries(runtime.schemaFiles()))
      assert.equal(readFileSync(join(root, 'schema', name), 'utf8'), contents, `schema/${name} is stale`);
  });

  it('are valid draft 2020-12 schemas, one per element', () => {
    assert.deepEqual(Object.keys(runtime.schemaFiles()).sort(), [
      'ik-contact-card.schema.json',
      'ik-manifesto-card.schema.json',
      'ik-share-form.schema.json',
    ]);
    for (const element of runtime.elements) {
      const schema = readSchema(element.tag);
      assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
      assert.doesNotThrow(() => compile(element.tag));
    }
  });

  for (const [tag, name] of [
    ['ik-contact-card', 'contact'],
    ['ik-manifesto-card', 'manifesto'],
    ['ik-share-form', 'share'],
  ])
    it(`accept the seed example of <${tag}>, as the element does`, () => {
      const validate = compile(tag);
      const example = seed(name);
      assert.equal(validate(example), true, JSON.stringify(validate.errors));
      assert.deepEqual(runtimeProblems(tag, JSON.stringify(example)), []);
    });

  // Written out, for what the fuzzing below reaches only by chance.
  const cases = [
    ['ik-contact-card', { person: { role: 'Chef' } }, false, 'no name anywhere'],
    ['ik-contact-card', { person: { name: '' }, unit: { name: 'Enheten' } }, true, 'the unit has the name'],
    ['ik-contact-card', { person: { name: null } }, false, 'a null name is no name'],
    ['ik-contact-card', { person: { name: { de: 'Namn' } } }, false, 'text in neither sv nor en'],
    ['ik-contact-card', { person: { name: 'A', phones: [{ number: '0520-49 68 10', kind: 'home' }] } }, false, 'an unknown phone kind'],
    ['ik-contact-card', { person: { name: 'A', phones: [{ kind: 'work' }] } }, false, 'a phone without a number'],
    ['ik-contact-card', { person: { name: 'A', email: ' MAILTO:a@b.se ' } }, true, 'mailto: and spaces around an e-mail'],
    ['ik-contact-card', { person: { name: 'A', email: 'a@b' } }, false, 'an e-mail without a dot in the domain'],
    ['ik-contact-card', { unit: { name: 'E', url: 'java\tscript:alert(1)' } }, false, 'javascript: with a tab inside'],
    ['ik-contact-card', { unit: { name: 'E', url: ' HTTPS://www.example.se' } }, true, 'https: in capitals after a space'],
    ['ik-contact-card', { unit: { name: 'E', url: '../kontakt' } }, true, 'a relative address'],
    ['ik-contact-card', { unit: { name: 'E', phone: 'tel:0520' } }, false, 'a phone number with a scheme'],
    ['ik-contact-card', { unit: { name: 'E' }, shoeSize: 44 }, true, 'unknown fields'],
    ['ik-manifesto-card', { heading: 'M', reviewed: { date: '2016-02-29' } }, true, 'a leap day'],
    ['ik-manifesto-card', { heading: 'M', reviewed: { date: '2015-02-29' } }, false, 'no leap day that year'],
    ['ik-manifesto-card', { heading: 'M', reviewed: { date: '1900-02-29' } }, false, '1900 was no leap year'],
    ['ik-manifesto-card', { heading: 'M', reviewed: { date: '2000-02-29' } }, true, '2000 was a leap year'],
    ['ik-manifesto-card', { heading: 'M', reviewed: { date: '2016-04-31' } }, false, 'April has 30 days'],
    ['ik-manifesto-card', { heading: 'M', reviewed: { date: '20.12.2016' } }, false, 'a date in another format'],
    ['ik-manifesto-card', { lead: 'L' }, false, 'no heading'],
    ['ik-manifesto-card', { heading: 'M', figures: [{ value: '600 000', label: 'L' }] }, false, 'a number as text'],
    ['ik-manifesto-card', { heading: 'M', link: { text: 'Läs' } }, true, 'a link without href'],
    ['ik-manifesto-card', { heading: 'M', priorities: [{ title: 'T', href: 'data:text/html,x' }] }, false, 'a data: link'],
    ['ik-share-form', { endpoint: 443 }, false, 'a number as endpoint'],
    ['ik-share-form', { privacy: 'Vi sparar inget.' }, false, 'text where an object belongs'],
    ['ik-share-form', {}, true, 'nothing at all'],
    ['ik-share-form', [], false, 'a list instead of an object'],
  ];
  for (const [tag, config, valid, what] of cases)
    it(`agree with <${tag}> on ${what}`, () => {
      assert.equal(compile(tag)(config), valid, 'the schema');
      assert.equal(runtimeProblems(tag, JSON.stringify(config)).length == 0, valid, 'the element');
    });

  it('drop nothing that the element refuses: __proto__, constructor and prototype are unknown fields', () => {
    const json = '{"unit": {"name": "E", "__proto__": {"x": 1}}, "constructor": {"prototype": 1}, "prototype": 1}';
    assert.equal(compile('ik-contact-card')(JSON.parse(json)), true);
    assert.deepEqual(runtimeProblems('ik-contact-card', json), []);
  });
});

// ---- Fuzzing: random configurations, shaped by each descriptor, mostly right and sometimes wrong in every way.

const oddValue = fc.oneof(fc.constantFrom(null, '', true, 0, -1.5, [], {}, ['x'], { sv: 'x' }), fc.string({ maxLength: 6 }), fc.integer());
const words = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ maxLength: 8, unit: 'binary' }),
  fc.constantFrom('Dick Eriksson', 'Näringslivschef', ' ', ''),
);

/** Spaces and invisible characters that `trim()` and the URL parser each remove, or do not. */
const whiteSpace = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u0001', '\ufeff'), maxLength: 2 });

const parses = (href) => {
  try {
    new URL(href.trim(), BASE);
    return true;
  } catch {
    return false;
  }
};

/**
 * Addresses made of a scheme (safe, unsafe, in capitals, with a tab inside, or none) and a rest. The schema
 * checks the scheme; it does not re-implement the URL parser, so addresses the parser cannot read at all (such
 * as "http:" with no host) are left out here, and the schema's description says they must be readable.
 */
const link = fc
  .tuple(
    whiteSpace,
    fc.constantFrom(
      '',
      'https:',
      'http:',
      'HTTPS:',
      'Mailto:',
      'tel:',
      'javascript:',
      'java\tscript:',
      'JavaScript:',
      'data:',
      'ftp:',
      'h\nttps:',
      'x:',
      'a+b.c-d:',
      '1http:',
      'vbscript:',
    ),
    fc.constantFrom('//www.example.se/sida', 'alert(1)', '/relativ', 'sida.html', '?q=1', '#topp', 'namn@example.se', '+46520496810', ''),
    whiteSpace,
  )
  .map((parts) => parts.join(''))
  .filter(parses);

const email = fc.oneof(
  fc
    .tuple(
      whiteSpace,
      fc.constantFrom('', 'mailto:', 'MAILTO:', 'mail:'),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('@', ''),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('.se', '.', ''),
      whiteSpace,
    )
    .map((parts) => parts.join('')),
  fc.constantFrom('namn@kommun.se', 'a@b.c', 'javascript:alert(1)@x.se', 'a b@c.se'),
);

const phone = fc.oneof(
  fc.constantFrom('0520-49 68 10', '+46 520 49 68 10', 'tel:0520', 'ring: 112', 'a:1', 'ab:1', 'AB:12', ' 070-1 ', 'telefon', '112'),
  fc.string({ maxLength: 10 }),
);

const date = fc.oneof(
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
  fc.constantFrom(
    '2016-12-20',
    '2016-02-29',
    '2015-02-29',
    '1900-02-29',
    '2000-02-29',
    '0000-02-29',
    '20161220',
    '2016-1-2',
    ' 2016-12-20',
  ),
);

const letters = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzåäö0123456789'), minLength: 1, maxLength: 8 });
const right = {
  text: fc.oneof(words, fc.record({ sv: words, en: words }, { requiredKeys: ['sv'] }), fc.record({ en: words })),
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  date: fc
    .date({ min: new Date('0001-01-01T00:00Z'), max: new Date('9999-12-31T00:00Z'), noInvalidDate: true })
    .map((day) => day.toISOString().slice(0, 10)),
  link: fc.constantFrom(
    'https://www.example.se/sida',
    'HTTP://example.se',
    'mailto:namn@kommun.se',
    'tel:+46520496810',
    '/relativ',
    'sida.html',
    '#topp',
    ' h\ttps://x.se ',
  ),
  email: fc
    .tuple(fc.constantFrom('', ' ', 'mailto:'), letters, letters, fc.constantFrom('se', 'nu'))
    .map(([before, name, domain, tld]) => `${before}${name}@${domain}.${tld}`),
  phone: fc.constantFrom('0520-49 68 10', '+46 520 49 68 10', '070-164 29 00', '112', ' 08 '),
};

/**
 * Values for one descriptor field. `anything` mixes in values of every wrong kind; without it the values are of
 * the right shape (though a rule across fields, such as "a name somewhere", may still fail).
 */
function arbitrary(field, anything) {
  const maybeWrong = (good, wrong) =>
    anything ? fc.oneof({ weight: 5, arbitrary: good }, { weight: 1, arbitrary: fc.oneof(wrong, oddValue) }) : good;
  switch (field.kind) {
    case 'text':
      return maybeWrong(right.text, fc.constantFrom({ de: 'x' }, { sv: 5 }, { sv: 'a', en: null }, {}, { en: 'b', extra: 1 }));
    case 'number':
      return maybeWrong(right.number, fc.constant('600000'));
    case 'string':
      return field.oneOf
        ? maybeWrong(fc.constantFrom(...field.oneOf), fc.constantFrom('home', 'Work'))
        : field.pattern
          ? maybeWrong(right.date, date)
          : maybeWrong(words, words);
    case 'url':
      return field.scheme == 'email'
        ? maybeWrong(right.email, email)
        : field.scheme == 'phone'
          ? maybeWrong(right.phone, phone)
          : maybeWrong(right.link, link);
    case 'list':
      return maybeWrong(fc.array(arbitrary(field.of, anything), { maxLength: 3 }), fc.constant('x'));
    case 'object': {
      const fields = Object.fromEntries(Object.entries(field.fields).map(([key, child]) => [key, arbitrary(child, anything)]));
      const required = [...(field.required ?? [])];
      const known = anything
        ? fc.oneof({ weight: 3, arbitrary: fc.record(fields, { requiredKeys: required }) }, fc.record(fields, { requiredKeys: [] }))
        : fc.record(fields, { requiredKeys: required });
      const unknown = fc.dictionary(fc.constantFrom('extra', 'shoeSize', 'Heading', '$schema'), oddValue, { maxKeys: 1 });
      return maybeWrong(
        fc.tuple(known, unknown).map(([knownFields, unknownFields]) => ({ ...unknownFields, ...knownFields })),
        fc.constantFrom([], 'x'),
      );
    }
  }
}

describe('the JSON Schemas and the elements agree on random configurations', () => {
  for (const tag of ['ik-contact-card', 'ik-manifesto-card', 'ik-share-form'])
    it(`<${tag}>: valid by the schema exactly when the element finds nothing wrong`, () => {
      const validate = compile(tag);
      const { spec } = runtime.elements.find((element) => element.tag == tag);
      const outcomes = { valid: 0, invalid: 0 };
      fc.assert(
        fc.property(fc.oneof(arbitrary(spec.schema, false), arbitrary(spec.schema, true)), (config) => {
          const json = JSON.stringify(config);
          const bySchema = validate(JSON.parse(json));
          const problems = runtimeProblems(tag, json);
          outcomes[bySchema ? 'valid' : 'invalid']++;
          assert.equal(
            bySchema,
            problems.length == 0,
            `schema: ${bySchema ? 'valid' : JSON.stringify(validate.errors)}; element: ${JSON.stringify(problems)}`,
          );
        }),
        { numRuns: 3000 },
      );
      // Both answers must be common, or the agreement says little.
      assert.ok(outcomes.valid > 150 && outcomes.invalid > 150, JSON.stringify(outcomes));
    });
});
