import { expect } from '@open-wc/testing';
import { describeProblem } from '../../src/shared/config-problems.js';
import { parseJson } from '../../src/shared/json.js';

/** The error in the elements' words, as the console shows it. */
const errorOf = (text: string) => describeProblem(parseJson(text).error!);

describe('parseJson', () => {
  it('parses valid JSON', () => {
    expect(parseJson('{"a": [1, "två"]}')).to.deep.equal({ value: { a: [1, 'två'] } });
  });

  it('gives the line and column of the error', () => {
    const { error } = parseJson('{\n  "name": "Dick",\n  "role": x\n}');
    expect(error).to.include({ code: 'invalid-json', line: 3, column: 11, quotes: undefined });
    expect(describeProblem(error!)).to.match(/^invalid JSON at line 3, column 11/);
  });

  it('points at a trailing comma', () => {
    expect(errorOf('{"a": 1,}')).to.contain('line 1, column 9');
  });

  it('explains curly quotes from a word processor', () => {
    expect(parseJson('{“name”: “Dick”}').error).to.include({ quotes: 'curly', line: 1, column: 2 });
    expect(errorOf('{“name”: “Dick”}')).to.contain('curly quotes').and.contain('line 1, column 2');
  });

  it('explains single quotes', () => {
    expect(parseJson("{'name': 'Dick'}").error).to.include({ quotes: 'single' });
    expect(errorOf("{'name': 'Dick'}")).to.contain('not single quotes');
  });

  it('says when the text ends too early', () => {
    expect(errorOf('{"a": [1, 2')).to.match(/^invalid JSON/);
    expect(errorOf('')).to.match(/^invalid JSON/);
  });
});
