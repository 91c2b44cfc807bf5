import { expect, fixture } from '@open-wc/testing';
import { render } from 'lit';
import type { FieldProblem, LoadFailure, ProblemCode } from '../../src/shared/config-problems.js';
import { describeProblem } from '../../src/shared/config-problems.js';
import { explain } from '../../demo/builder.explain.js';
import { findingList } from '../../demo/builder.findings.js';
import { $, mountBuilder, press, typeInto } from './helpers.js';

/**
 * The builder explains each of the elements' problems from its code and values (src/shared/config-problems.ts),
 * in Swedish and English, never by reading the elements' English message.
 */

type Code = ProblemCode['code'] | LoadFailure['code'];
const missing: FieldProblem = { code: 'required', path: 'heading' };
/** One problem of each code: a code added to the elements is a type error here until it has an example. */
const examples: { [C in Code]: Extract<ProblemCode | LoadFailure, { code: C }> } = {
  'invalid-json': { code: 'invalid-json', line: 3, column: 14, reason: 'Unexpected token' },
  'wrong-type': { code: 'wrong-type', expected: 'number', actual: 'string' },
  'not-allowed': { code: 'not-allowed', value: 'home', oneOf: ['work', 'mobile'] },
  'unsafe-url': { code: 'unsafe-url', value: 'javascript:x', kind: 'link' },
  required: { code: 'required' },
  'needs-name': { code: 'needs-name' },
  'no-such-day': { code: 'no-such-day' },
  'heading-level': { code: 'heading-level', value: '9' },
  'none-given': { code: 'none-given', missing },
  'config-unreadable': { code: 'config-unreadable' },
  'config-attribute': { code: 'config-attribute', value: '[object Object]' },
  'load-failed': { code: 'load-failed', src: '/m.json', failure: { code: 'http-status', status: 404, statusText: 'Not Found' } },
  'not-http': { code: 'not-http' },
  'http-status': { code: 'http-status', status: 500, statusText: 'Server Error' },
  'too-large': { code: 'too-large' },
  timeout: { code: 'timeout', seconds: 15 },
  network: { code: 'network' },
};

describe('snippet builder: explanations from problem codes', () => {
  it('explains every code in Swedish and in English, in words of its own', () => {
    for (const problem of Object.values(examples)) {
      const [sv, en] = [explain(problem, 'sv'), explain(problem, 'en')];
      expect(sv, problem.code).to.match(/\S/);
      expect(en, problem.code).to.match(/\S/);
      expect(sv, problem.code).not.to.equal(en);
      expect(sv, problem.code).not.to.contain(describeProblem({ ...problem, path: '' } as FieldProblem));
    }
  });

  it('puts the problem’s values in the explanation', () => {
    expect(explain(examples['invalid-json'], 'sv')).to.contain('rad 3, kolumn 14');
    expect(explain(examples['heading-level'], 'en')).to.contain('not “9”');
    expect(explain(examples['not-allowed'], 'sv')).to.contain('”home”').and.contain('work, mobile');
    expect(explain({ ...examples['invalid-json'], quotes: 'curly' }, 'sv')).to.contain('Rätta citattecken');
    expect(explain(examples['load-failed'], 'sv')).to.contain('Filen i data-config-src').and.contain('Servern svarade 404');
    expect(explain(examples['none-given'], 'en')).to.contain('The field must be filled in');
  });

  it('does not read the element’s English message: a reworded message is explained as before', async () => {
    const root = await fixture<HTMLDivElement>(document.createElement('div'));
    const problem = { code: 'needs-name', source: 'data-config', path: '' } as const;
    render(findingList([{ level: 'error', element: { source: 'data-config', message: 'no name (reworded)', problem } }], 'sv'), root);
    expect(root.querySelector('.explanation')!.textContent).to.contain('Kortet behöver ett namn');
    expect(root.querySelector('code')!.textContent).to.equal('data-config: no name (reworded)');
  });

  it('explains a data-config-src the server does not have, and links a problem to its field by its path', async () => {
    const builder = await mountBuilder(undefined, 'en');
    $(builder, 'input[value="ik-manifesto-card"]').click();
    $<HTMLDetailsElement>(builder, '.options').open = true;
    await typeInto(builder, '#config-src', '/fixtures/seed/no-such-file.json');
    await press('Tab');
    await builder.settled();
    expect($(builder, '#problems .explanation').textContent).to.contain('The server answered 404: there is no file at that address');
    builder.load('ik-manifesto-card', { heading: 'M', figures: [{ value: 'many', label: 'x' }] });
    const link = $<HTMLAnchorElement>(builder, '#problems .explanation a');
    expect(link.textContent).to.contain('it should be a number');
    expect(link.getAttribute('href')).to.match(/^#f-manifesto-card-figures-\d+-value$/);
  });
});
