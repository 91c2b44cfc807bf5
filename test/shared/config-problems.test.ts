import { expect } from '@open-wc/testing';
import { contactSpec } from '../../src/contact-card/contact-card.config.js';
import { manifestoSpec } from '../../src/manifesto-card/manifesto-card.config.js';
import { validateConfig, type ConfigErrorDetail } from '../../src/shared/config.js';
import { fetchConfig } from '../../src/shared/config-fetch.js';
import {
  describeProblem,
  englishProblems,
  type ConfigProblem,
  type LoadFailure,
  type ProblemTexts,
} from '../../src/shared/config-problems.js';
import { captureConsole, mount, nextEvent } from '../helpers.js';

/** What the contact card finds in this `data-config`. */
const contactProblems = (json: string) => validateConfig(contactSpec, [{ name: 'data-config', value: json, json: true }]).problems;

/** The one problem found, and its English text. */
function only(problems: ConfigProblem[]) {
  expect(problems).to.have.length(1);
  return { problem: problems[0], text: describeProblem(problems[0]) };
}

describe('configuration problems: a code with its values, and the English made from it', () => {
  it("invalid-json: line, column, the engine's reason and the likely cause", () => {
    const { problem, text } = only(contactProblems('{“person”: 1}'));
    expect(problem).to.include({ code: 'invalid-json', source: 'data-config', path: '', line: 1, column: 2, quotes: 'curly' });
    expect(text).to.match(/^invalid JSON at line 1, column 2: .+\. The text has curly quotes/);
  });

  it('wrong-type: what was expected and what was given, at the path', () => {
    const { problem, text } = only(contactProblems('{"person": {"name": ["A"]}, "unit": {"name": "U"}}'));
    expect(problem).to.deep.equal({
      code: 'wrong-type',
      source: 'data-config',
      path: 'person.name',
      expected: 'text-or-languages',
      actual: 'list',
    });
    expect(text).to.equal('"person.name" must be text or {"sv": "…", "en": "…"}, not a list');
    const [language] = contactProblems('{"person": {"name": {"sv": "A", "en": 5}}}');
    expect(language).to.include({ code: 'wrong-type', path: 'person.name.en', expected: 'text', actual: 'number' });
    expect(describeProblem(language)).to.equal('"person.name.en" must be text, not number');
    expect(describeProblem(contactProblems('[]')[0])).to.equal('must be an object { … }, not a list');
  });

  it('not-allowed: the value and the allowed ones', () => {
    const { problem, text } = only(contactProblems('{"person": {"name": "A", "phones": [{"number": "1", "kind": "home"}]}}'));
    expect(problem).to.deep.equal({
      code: 'not-allowed',
      source: 'data-config',
      path: 'person.phones[0].kind',
      value: 'home',
      oneOf: ['work', 'mobile', 'switchboard', 'fax'],
      hint: undefined,
    });
    expect(text).to.equal('"person.phones[0].kind" "home" is not allowed: use one of work, mobile, switchboard, fax');
  });

  it('not-allowed with a pattern: the hint says how to write it', () => {
    const [problem] = validateConfig(manifestoSpec, [{ name: 'config', value: { heading: 'H', reviewed: { date: '1/2/2026' } } }]).problems;
    expect(problem).to.include({ code: 'not-allowed', path: 'reviewed.date', value: '1/2/2026' });
    expect(describeProblem(problem)).to.equal('"reviewed.date" "1/2/2026" is not allowed: write the date as YYYY-MM-DD');
  });

  it('unsafe-url: a warning, with the value and its kind', () => {
    const problems = validateConfig(contactSpec, [
      { name: 'attributes', value: { person: { name: 'A', email: 'nej', phones: [{ number: 'tel:1' }] } } },
      { name: 'config', value: { unit: { url: 'javascript:alert(1)' } } },
    ]).problems;
    expect(problems.map(({ code, path, warning }) => ({ code, path, warning }))).to.deep.equal([
      { code: 'unsafe-url', path: 'person.phones[0].number', warning: true },
      { code: 'unsafe-url', path: 'person.email', warning: true },
      { code: 'unsafe-url', path: 'unit.url', warning: true },
    ]);
    expect(problems.map((problem) => describeProblem(problem))).to.deep.equal([
      '"person.phones[0].number" "tel:1" is not a safe phone and was left out',
      '"person.email" "nej" is not a safe email and was left out',
      '"unit.url" "javascript:alert(1)" is not a safe link and was left out',
    ]);
  });

  it('required: checked on the merged sources, which it names', () => {
    const problems = validateConfig(manifestoSpec, [
      { name: 'data-config', value: '{"lead": "L"}', json: true },
      { name: 'attributes', value: { closing: 'C' } },
    ]).problems;
    expect(problems).to.deep.equal([{ code: 'required', source: 'data-config + attributes', path: 'heading' }]);
    expect(describeProblem(problems[0])).to.equal('"heading" is required');
  });

  it("needs-name and no-such-day: the elements' own rules", () => {
    const [name] = contactProblems('{"person": {"role": "R"}}');
    expect(name).to.deep.equal({ code: 'needs-name', source: 'data-config', path: '' });
    expect(describeProblem(name)).to.equal('needs a name: add "person.name" or "unit.name"');
    const [day] = validateConfig(manifestoSpec, [{ name: 'config', value: { heading: 'H', reviewed: { date: '2026-02-30' } } }]).problems;
    expect(day).to.deep.equal({ code: 'no-such-day', source: 'config', path: 'reviewed.date' });
    expect(describeProblem(day)).to.equal('"reviewed.date" is no such day');
  });

  it('heading-level: the value as written', () => {
    const [problem] = validateConfig(contactSpec, [{ name: 'attributes', value: { person: { name: 'A' } } }], NaN, 'tre').problems;
    expect(problem).to.deep.equal({ code: 'heading-level', source: 'heading-level', path: '', value: 'tre' });
    expect(describeProblem(problem)).to.equal('must be a whole number from 1 to 6, not "tre"');
  });

  it('none-given: with the first thing missing, described in the same words', () => {
    const { problem, text } = only(validateConfig(contactSpec, []).problems);
    expect(problem).to.deep.equal({ code: 'none-given', source: 'configuration', path: '', missing: { code: 'needs-name', path: '' } });
    expect(text).to.equal('none was given (needs a name: add "person.name" or "unit.name"): add data-config=\'{…}\'');
    const manifesto = validateConfig(manifestoSpec, []).problems[0];
    expect(describeProblem(manifesto)).to.equal('none was given ("heading" is required): add data-config=\'{…}\'');
  });

  it('load-failed: each reason data-config-src can fail for', async () => {
    const failure = async (src: string) => (await fetchConfig(src, new AbortController())).error;
    expect(await failure('javascript:alert(1)')).to.deep.equal({ code: 'not-http' });
    expect(await failure('/test-http/status/404')).to.deep.equal({ code: 'http-status', status: 404, statusText: 'Not Found' });
    expect(await failure('/test-http/slow?ms=0&body=%7Bx')).to.include({ code: 'invalid-json', line: 1 });
    expect(await failure('http://127.0.0.1:1/none.json')).to.deep.equal({ code: 'network' });
    const texts = (failure: LoadFailure) =>
      describeProblem({ code: 'load-failed', source: 'data-config-src', path: '', src: '/a.json', failure });
    expect(texts({ code: 'not-http' })).to.equal('could not load /a.json: the address must start with https:// or be relative');
    expect(texts({ code: 'http-status', status: 404, statusText: 'Not Found' })).to.equal(
      'could not load /a.json: the server answered 404 Not Found',
    );
    expect(texts({ code: 'http-status', status: 404, statusText: '' })).to.equal('could not load /a.json: the server answered 404');
    expect(texts({ code: 'too-large' })).to.equal('could not load /a.json: the file is too large');
    expect(texts({ code: 'timeout', seconds: 15 })).to.equal('could not load /a.json: no answer within 15 s');
    expect(texts({ code: 'network' })).to.equal('could not load /a.json: the network request failed');
  });

  it('config-unreadable and config-attribute', () => {
    expect(describeProblem({ code: 'config-unreadable', source: 'config', path: '' })).to.equal('the configuration could not be read');
    expect(describeProblem({ code: 'config-attribute', source: 'config', path: '', value: '[object Object]' })).to.equal(
      'is the attribute config="[object Object]": an object set before the element was defined. Set the config property (docs/frameworks.md)',
    );
  });

  it('ik-config-error carries the code beside source and message', async () => {
    const element = document.createElement('ik-contact-card');
    element.setAttribute('data-config', '{"person": {"name": 5}}');
    const event = nextEvent<ConfigErrorDetail>(document, 'ik-config-error');
    const { result } = await captureConsole(async () => {
      await mount(element);
      return (await event).detail;
    });
    expect(result).to.deep.equal({
      source: 'data-config',
      message: '"person.name" must be text or {"sv": "…", "en": "…"}, not number',
      code: 'wrong-type',
    });
  });

  it('renders in other words from the same codes: a table of texts per code', () => {
    const swedish: ProblemTexts = { ...englishProblems, required: () => 'måste fyllas i' };
    const [problem] = validateConfig(manifestoSpec, [{ name: 'config', value: { lead: 'L' } }]).problems;
    expect(describeProblem(problem, swedish)).to.equal('"heading" måste fyllas i');
  });
});
