/**
 * Property-based fuzzing (fast-check) of every element's configuration, in the browser.
 *
 * Each run builds one element the way a page could: random JSON values in every field of its
 * schema (well-typed ones, wrong types, OWASP payloads, unicode, huge strings), through a random
 * source (`data-config`, a child JSON script, the `config` property, or split across two),
 * sometimes with `__proto__` smuggled in or plain garbage in `data-config`; random strings in
 * every plain attribute; and a random `lang` on the element or on its parent. The properties:
 *
 * - nothing throws: no uncaught error or unhandled rejection;
 * - it ends as a valid card, or as the fallback with one `console.error` naming the tag and an
 *   `ik-config-error` event; a card logs no error;
 * - nothing is rendered as HTML (only the templates' own tags, no handler or script attributes);
 * - no link other than http(s), mailto and tel;
 * - `Object.prototype` is never polluted;
 * - a well-formed language tag picks the right UI language, and per-language text its language.
 *
 * `E2E_FUZZ_RUNS` (default 300 per element per browser) and `E2E_FUZZ_SEED` reproduce a run.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { LANGUAGE_CODES } from '../relay/dist/contract/languages.js';
import { startServer } from './server.mjs';
import { eachBrowser, html, open, probe, report } from './harness.mjs';
import { OWASP_PAYLOADS } from './xss-payloads.mjs';

const RUNS = Number(process.env.E2E_FUZZ_RUNS ?? 300);
const LANGUAGE_RUNS = Math.ceil(RUNS / 5);
const SEED = Number(process.env.E2E_FUZZ_SEED ?? Date.now() % 2 ** 31);

// ---- Arbitraries --------------------------------------------------------------------------------

const anyJson = fc.jsonValue({ maxDepth: 2 });
const hostileText = fc.constantFrom(
  ...OWASP_PAYLOADS,
  '__proto__',
  'constructor',
  '',
  ' ',
  '\u0000',
  '\u202e\u0644',
  '"}]',
  'x'.repeat(5000),
);
const textish = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 30 }), hostileText);
const urlish = fc.oneof(
  fc.webUrl(),
  fc.constantFrom(
    '/relativ/sida',
    'sida.html',
    '#x',
    '?q=1',
    'mailto:a@example.se',
    'tel:+46520496810',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'blob:https://example.se/x',
    'file:///etc/passwd',
    'ftp://example.se/',
    '//evil.example/',
  ),
  textish,
);
const emailish = fc.oneof(
  fc.emailAddress(),
  fc.constantFrom('mailto:a@example.se', 'a@b', 'javascript:alert(1)//@example.se', 'a@example.se?bcc=b@example.se'),
  textish,
);
const phoneish = fc.oneof(
  fc.constantFrom(
    '0520-49 68 10',
    '+46 70 123 45 67',
    '112',
    '00 47 22 00 00 00',
    'tel:0520',
    'javascript:alert(1)',
    '0520<img src=x onerror=alert(1)>',
  ),
  fc.stringMatching(/^[+0-9 ()-]{1,20}$/),
  textish,
);
const languageTag = fc.oneof(
  fc.constantFrom('sv', 'en', 'en-GB', 'en-US', 'sv-FI', 'EN', 'En-us', 'de', 'fi', 'nb', 'x-klingon', 'i-klingon', 'zh-Hant-TW'),
  fc.stringMatching(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}$/),
);
const langValue = fc.oneof(languageTag, fc.constantFrom('', ' en ', 'en_US', 'english', 'svenska', '*'), fc.string({ maxLength: 12 }));

/**
 * The schema's field kinds, each of which may be a wrong JSON value with weight `wrong`.
 * @param {number} wrong 0 for well-typed configurations (which mostly become cards)
 */
function kinds(wrong) {
  /** @template T @param {fc.Arbitrary<T>} arbitrary */
  const orWrong = (arbitrary) => (wrong ? fc.oneof({ weight: 6, arbitrary }, { weight: wrong, arbitrary: anyJson }) : arbitrary);
  const perLanguage = fc.oneof(fc.record({ sv: textish, en: textish }), fc.record({ sv: textish }), fc.record({ en: textish }));
  const text = orWrong(fc.oneof({ weight: 3, arbitrary: textish }, { weight: 2, arbitrary: perLanguage }));
  return {
    text,
    url: orWrong(urlish),
    email: orWrong(emailish),
    phone: orWrong(phoneish),
    number: orWrong(fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1e21, 600000, 1234.5))),
    /**
     * @param {Record<string, fc.Arbitrary<unknown>>} fields
     * @param {string[]} [required] always present in well-typed configurations, so that many become cards
     */
    object: (fields, required = []) => orWrong(fc.record(fields, { requiredKeys: wrong ? [] : required })),
    /** @template T @param {fc.Arbitrary<T>} of */
    list: (of) => orWrong(fc.array(of, { maxLength: 4 })),
    /** @param {string[]} values */
    oneOf: (values) =>
      wrong
        ? orWrong(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: textish }))
        : fc.constantFrom(...values),
    date: orWrong(
      fc.oneof(
        fc
          .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((date) => date.toISOString().slice(0, 10)),
        fc.constantFrom('2016-12-20', '2016-02-30', '2023-13-01', '20-12-2016', '2016-12-20T10:00'),
        textish,
      ),
    ),
  };
}

/** The configuration schemas of the contract, with `wrong` the weight of wrong types. */
const configs = {
  /** @param {number} wrong */
  'ik-contact-card': (wrong) => {
    const k = kinds(wrong);
    return k.object(
      {
        heading: k.text,
        person: k.object(
          {
            name: k.text,
            role: k.text,
            phones: k.list(
              k.object({ number: k.phone, kind: k.oneOf(['work', 'mobile', 'switchboard', 'fax']), label: k.text }, ['number']),
            ),
            email: k.email,
          },
          ['name'],
        ),
        unit: k.object({
          name: k.text,
          address: k.object({ street: k.text, postalCode: k.text, locality: k.text }),
          phone: k.phone,
          email: k.email,
          url: k.url,
        }),
      },
      ['person'],
    );
  },
  /** @param {number} wrong */
  'ik-manifesto-card': (wrong) => {
    const k = kinds(wrong);
    return k.object(
      {
        heading: k.text,
        lead: k.text,
        body: k.list(k.text),
        figures: k.list(k.object({ value: k.number, qualifier: k.text, label: k.text }, ['value', 'label'])),
        priorities: k.list(k.object({ title: k.text, text: k.text, href: k.url }, ['title'])),
        closing: k.text,
        link: k.object({ href: k.url, text: k.text }),
        reviewed: k.object({ date: k.date, by: k.text }, ['date']),
      },
      ['heading'],
    );
  },
  /** @param {number} wrong */
  'ik-share-form': (wrong) => {
    const k = kinds(wrong);
    return k.object({
      heading: k.text,
      intro: k.text,
      endpoint: k.url,
      url: k.url,
      pageTitle: k.text,
      privacy: k.object({ text: k.text, href: k.url }),
    });
  },
};

/** Plain attributes of each element: random strings, or typical values. */
const attributeStrings = fc.oneof(
  fc.string(),
  hostileText,
  fc.constantFrom('Dick Eriksson', '0520-49 68 10', 'a@example.se', '/api/share', 'https://example.se/sida'),
);
const headingLevels = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom('1', '2', '3', '4', '5', '6') },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('0', '7', '2.5', '-1', ' 3 ', 'h2', ''), fc.string()) },
);
const plainAttributes = {
  'ik-contact-card': ['heading-level', 'name', 'role', 'phone', 'email'],
  'ik-manifesto-card': ['heading-level'],
  'ik-share-form': ['heading-level', 'endpoint', 'url', 'page-title'],
};

/** @param {keyof typeof configs} tag */
const fuzzCase = (tag) =>
  fc.record({
    config: fc.oneof(
      { weight: 4, arbitrary: configs[tag](0) },
      { weight: 3, arbitrary: configs[tag](1) },
      { weight: 1, arbitrary: anyJson },
    ),
    source: fc.constantFrom('data-config', 'script', 'property', 'split'),
    // Sometimes `data-config` holds no JSON at all, or JSON with `__proto__` smuggled in.
    garbage: fc.oneof(
      { weight: 7, arbitrary: fc.constant(undefined) },
      {
        weight: 1,
        arbitrary: fc.oneof(fc.string(), fc.constantFrom('{', "{'heading': 'x'}", '{“heading”: “x”}', '[]', 'null', '{"heading": "x",}')),
      },
    ),
    proto: fc.boolean(),
    // Mostly none: each invalid one alone sends the element to its fallback.
    attributes: fc.oneof(
      { weight: 2, arbitrary: fc.constant({}) },
      {
        weight: 1,
        arbitrary: fc.record(
          Object.fromEntries(plainAttributes[tag].map((name) => [name, name == 'heading-level' ? headingLevels : attributeStrings])),
          { requiredKeys: [] },
        ),
      },
    ),
    lang: fc.option(langValue, { nil: undefined, freq: 4 }),
    langOnParent: fc.boolean(),
  });

// ---- The property, run in the page ---------------------------------------------------------------

/**
 * Builds the element of `fuzzCase`, waits for its outcome and reports everything the properties
 * look at. Runs in the page.
 * @param {string} tag @param {string} json the case, as JSON
 */
async function runCase(tag, json) {
  // Sent as JSON text: the protocols cannot carry objects without a prototype, which fast-check makes.
  const c = JSON.parse(json);
  const e2e = /** @type {any} */ (window).__e2e;
  const seen = /** @type {any} */ (window).__probe;
  const before = { errors: seen.errors.length, rejections: seen.rejections.length };
  const logged = /** @type {string[]} */ ([]);
  const consoleError = console.error;
  console.error = (...args) => void logged.push(args.map(String).join(' '));
  const parent = document.createElement('div');
  const element = /** @type {any} */ (document.createElement(tag));
  let thrown;
  try {
    const fallback = document.createElement('p');
    fallback.textContent = 'FALLBACK';
    element.append(fallback);
    if (c.lang !== undefined) (c.langOnParent ? parent : element).setAttribute('lang', c.lang);
    for (const [name, value] of Object.entries(c.attributes)) element.setAttribute(name, value);
    const json = (/** @type {unknown} */ value) => {
      const text = JSON.stringify(value) ?? 'null';
      return c.proto && text.startsWith('{')
        ? `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},${text.slice(1)}`.replace(/,}$/, '}')
        : text;
    };
    if (c.source == 'data-config') element.setAttribute('data-config', json(c.config));
    if (c.source == 'script') {
      const script = document.createElement('script');
      script.type = 'application/json';
      script.textContent = json(c.config);
      element.append(script);
    }
    if (c.source == 'property') element.config = c.config;
    if (c.source == 'split') {
      const entries = c.config && typeof c.config == 'object' && !Array.isArray(c.config) ? Object.entries(c.config) : [];
      element.setAttribute('data-config', json(Object.fromEntries(entries.filter((_, i) => i % 2 == 0))));
      element.config = Object.fromEntries(entries.filter((_, i) => i % 2 == 1));
    }
    if (c.garbage !== undefined) element.setAttribute('data-config', c.garbage);
    parent.append(element);
    document.body.append(parent);
  } catch (error) {
    thrown = String(error);
  }
  const outcome = await e2e.outcome(element, 3000);
  const heading = element.shadowRoot?.querySelector('[part=heading]');
  const result = {
    thrown,
    outcome,
    errored: e2e.errored(element),
    logged,
    uncaught: [...seen.errors.slice(before.errors), ...seen.rejections.slice(before.rejections)],
    problems: e2e.audit(element),
    fallbackIntact: element.firstElementChild?.textContent == 'FALLBACK',
    heading: heading && { text: heading.textContent, lang: heading.getAttribute('lang') },
    labels: [...(element.shadowRoot?.querySelectorAll('button, dt') ?? [])].map((label) => label.textContent.trim()),
    polluted: /** @type {any} */ ({}).polluted !== undefined || 'polluted' in Object.prototype,
  };
  parent.remove();
  console.error = consoleError;
  return result;
}

/**
 * The UI language the contract gives a well-formed language tag (its base language when the widgets speak it, else
 * Swedish); undefined for any other string.
 * @param {string | undefined} lang
 */
function expectedLanguage(lang) {
  if (lang === undefined) return 'sv'; // <html lang="sv">
  if (!/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(lang)) return undefined;
  const base = lang.split('-')[0].toLowerCase();
  return LANGUAGE_CODES.includes(base) ? base : 'sv';
}

/** The language a per-language text `{sv?, en?}` is shown in: the element's language, else sv, else en. */
const shownLanguage = (/** @type {Record<string, string>} */ text, /** @type {string} */ language) =>
  text[language] ? language : text.sv ? 'sv' : 'en';

/** A language's translated message, from the generated language data (sv is the source). */
const translated = (/** @type {string} */ lang, /** @type {string} */ id, /** @type {string} */ swedish) =>
  lang == 'sv'
    ? swedish
    : lang == 'en'
      ? ENGLISH[id]
      : JSON.parse(readFileSync(new URL(`../src/generated/locales/${lang}.json`, import.meta.url), 'utf8'))[id];

const ENGLISH = { 'contact.email': 'Email', 'share.copy': 'Copy link' };

/** A UI string only one language has, in every language: a button's text or a label (`dt`). */
const UI_STRINGS = {
  'ik-contact-card': Object.fromEntries(LANGUAGE_CODES.map((lang) => [lang, translated(lang, 'contact.email', 'E-post')])),
  'ik-share-form': Object.fromEntries(LANGUAGE_CODES.map((lang) => [lang, translated(lang, 'share.copy', 'Kopiera länk')])),
};

/**
 * A valid configuration whose heading is in both languages or only one, a key figure, and a
 * random language tag on the element, its parent or `<html>`. Runs in the page.
 * @param {string} tag @param {string} json {lang, place, heading}
 */
async function runLanguageCase(tag, json) {
  const c = JSON.parse(json);
  const e2e = /** @type {any} */ (window).__e2e;
  const parent = document.createElement('div');
  const element = /** @type {any} */ (document.createElement(tag));
  element.config = {
    heading: c.heading,
    ...(tag == 'ik-contact-card' && { person: { name: 'Dick Eriksson', email: 'dick.eriksson@example.se' } }),
    ...(tag == 'ik-manifesto-card' && { figures: [{ value: 600000, label: 'x' }] }),
  };
  if (c.place == 'element') element.setAttribute('lang', c.lang);
  if (c.place == 'parent') parent.setAttribute('lang', c.lang);
  if (c.place == 'html') document.documentElement.lang = c.lang;
  parent.append(element);
  document.body.append(parent);
  const outcome = await e2e.outcome(element, 3000);
  const heading = element.shadowRoot?.querySelector('[part=heading]');
  /** The language a screen reader reads `node` in: its nearest `lang`, through the shadow root to the page. */
  const effectiveLang = (/** @type {Element} */ node) => {
    const inside = node.closest('[lang]');
    if (inside) return inside.getAttribute('lang');
    return element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  };
  const result = {
    outcome,
    heading: heading && { text: heading.textContent, lang: heading.getAttribute('lang'), effective: effectiveLang(heading) },
    firstButton: element.shadowRoot?.querySelector('button') && effectiveLang(element.shadowRoot.querySelector('button')),
    labels: [...(element.shadowRoot?.querySelectorAll('button, dt') ?? [])].map((label) => label.textContent.trim()),
    figure: element.shadowRoot?.querySelector('[part=value]')?.textContent.replace(/\s/g, ' '),
    /** 600000 as this browser's Intl writes it in each language, white space folded as `figure`'s. */
    formats: Object.fromEntries(
      /** @type {string[]} */ (c.languages).map((lang) => [lang, (600000).toLocaleString(lang).replace(/\s/g, ' ')]),
    ),
  };
  parent.remove();
  document.documentElement.lang = 'sv';
  return result;
}

// ---- The tests ------------------------------------------------------------------------------------

/** @type {Awaited<ReturnType<typeof startServer>>} */
let server;
before(async () => {
  server = await startServer();
  report(`fuzz: ${RUNS} runs per element per browser, seed ${SEED} (E2E_FUZZ_SEED=${SEED} E2E_FUZZ_RUNS=${RUNS} to reproduce)`);
});
after(() => server.close());

eachBrowser('Configuration fuzzing', (context) => {
  /** @type {import('./harness.mjs').Page} */
  let page;
  before(async () => {
    page = await open(context.browser, server.page(html({ body: '' })));
    await page.evaluate(() =>
      Promise.all(['ik-contact-card', 'ik-manifesto-card', 'ik-share-form'].map((tag) => customElements.whenDefined(tag))),
    );
  });
  after(() => page.close());

  for (const tag of /** @type {(keyof typeof configs)[]} */ (Object.keys(configs))) {
    test(`${tag}: ${RUNS} random configurations, attributes and languages never throw, never render HTML or unsafe links, and end as a card or the fallback`, async () => {
      const tally = { card: 0, fallback: 0, languageChecked: 0, headingChecked: 0 };
      /** @type {Map<string, number>} why the fallbacks fell back */
      const causes = new Map();
      await fc.assert(
        fc.asyncProperty(fuzzCase(tag), async (c) => {
          const result = await page.evaluate(runCase, tag, JSON.stringify(c));
          assert.equal(result.thrown, undefined, 'building the element threw');
          assert.deepEqual(result.uncaught, [], 'uncaught errors');
          assert.ok(result.outcome == 'card' || result.outcome == 'fallback', `ended as ${result.outcome}`);
          assert.deepEqual(result.problems, [], 'rendered something unsafe');
          assert.ok(result.fallbackIntact, 'the light-DOM fallback was touched');
          assert.equal(result.polluted, false, 'Object.prototype was polluted');
          if (result.outcome == 'card') {
            tally.card++;
            assert.deepEqual(result.logged, [], 'a card logged an error');
            assert.equal(result.errored, false, 'a card dispatched ik-config-error');
          } else {
            tally.fallback++;
            const cause =
              result.logged[0]
                ?.replace(/^<[^>]+> /, '')
                .replace(/"[^"]*"/g, '"…"')
                .slice(0, 60) ?? '';
            causes.set(cause, (causes.get(cause) ?? 0) + 1);
            assert.equal(result.errored, true, 'the fallback came without ik-config-error');
            assert.equal(result.logged.length, 1, `one console.error, not ${result.logged.length}: ${result.logged.join(' | ')}`);
            assert.ok(result.logged[0].includes(`<${tag}>`), `the error names the tag: ${result.logged[0]}`);
          }
          const language = expectedLanguage(c.lang);
          if (result.outcome == 'card' && language) {
            const ui = /** @type {Record<string, Record<string, string>>} */ (UI_STRINGS)[tag];
            // A random contact card may have no e-mail, hence no such label: checked when it shows one in any language.
            if (ui && (tag != 'ik-contact-card' || result.labels.some((label) => Object.values(ui).includes(label)))) {
              tally.languageChecked++;
              assert.ok(
                result.labels.includes(ui[language]),
                `lang="${c.lang}" should show "${ui[language]}", labels: ${result.labels.join(', ')}`,
              );
            }
            const heading = /** @type {any} */ (c.config)?.heading;
            if (
              c.source != 'split' &&
              c.garbage === undefined &&
              heading &&
              typeof heading == 'object' &&
              typeof heading.sv == 'string' &&
              typeof heading.en == 'string' &&
              heading.sv &&
              heading.en
            ) {
              tally.headingChecked++;
              assert.equal(
                result.heading?.text,
                heading[shownLanguage(heading, language)],
                `lang="${c.lang}" picks the ${language} heading`,
              );
            }
          }
        }),
        { numRuns: RUNS, seed: SEED, includeErrorInReport: true },
      );
      report(
        `${context.name} ${tag}: ${RUNS} runs → ${tally.card} cards, ${tally.fallback} fallbacks; UI language checked ${tally.languageChecked}×, per-language heading ${tally.headingChecked}×`,
      );
      if (process.env.E2E_FUZZ_CAUSES)
        for (const [cause, count] of [...causes].sort((a, b) => b[1] - a[1]).slice(0, 12)) report(`  ${count}× ${cause}`);
      const seen = await probe(page);
      assert.deepEqual([...seen.errors, ...seen.rejections, ...page.report.pageErrors], []);
    });

    const languageCase = fc.record({
      lang: languageTag,
      place: fc.constantFrom('element', 'parent', 'html'),
      heading: fc.constantFrom({ sv: 'Rubrik', en: 'Heading' }, { sv: 'Bara svenska' }, { en: 'English only' }),
    });

    test(`${tag}: ${LANGUAGE_RUNS} random language tags on the element, its parent or <html> pick the UI language, the text's language and the number format the contract gives`, async () => {
      await fc.assert(
        fc.asyncProperty(languageCase, async (c) => {
          const result = await page.evaluate(runLanguageCase, tag, JSON.stringify({ ...c, languages: LANGUAGE_CODES }));
          const language = /** @type {string} */ (expectedLanguage(c.lang));
          assert.equal(result.outcome, 'card');
          // Per-language text: the element's language, else sv, else en, marked with its lang.
          const shown = shownLanguage(c.heading, language);
          assert.equal(result.heading?.text, /** @type {Record<string, string>} */ (c.heading)[shown]);
          assert.equal(result.heading?.lang, shown == language ? null : shown, 'text in the other language is marked with its lang');
          const ui = /** @type {Record<string, Record<string, string>>} */ (UI_STRINGS)[tag];
          if (ui) assert.ok(result.labels.includes(ui[language]), `lang="${c.lang}" shows "${ui[language]}": ${result.labels.join(', ')}`);
          if (tag == 'ik-manifesto-card') assert.equal(result.figure, result.formats[language], `600000 in ${language}`);
        }),
        { numRuns: LANGUAGE_RUNS, seed: SEED, includeErrorInReport: true },
      );
    });

    test(`${tag}: under a language tag it does not speak (lang="de"), its text is still marked with the language it is in (WCAG 3.1.2)`, async () => {
      await fc.assert(
        fc.asyncProperty(languageCase, async (c) => {
          const result = await page.evaluate(runLanguageCase, tag, JSON.stringify({ ...c, languages: LANGUAGE_CODES }));
          const language = /** @type {string} */ (expectedLanguage(c.lang));
          const shown = shownLanguage(c.heading, language);
          const base = (/** @type {string | null | undefined} */ tag) => tag?.split('-')[0].toLowerCase();
          assert.equal(base(result.heading?.effective), shown, `the ${shown} heading is read as lang="${result.heading?.effective}"`);
          if (result.firstButton)
            assert.equal(base(result.firstButton), language, `the ${language} button label is read as lang="${result.firstButton}"`);
        }),
        { numRuns: LANGUAGE_RUNS, seed: SEED, includeErrorInReport: true },
      );
    });
  }
});
