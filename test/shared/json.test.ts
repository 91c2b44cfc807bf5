import { expect } from '@open-wc/testing';
import { parseJson } from '../../src/shared/json.js';

describe('parseJson', () => {
  it('parses valid JSON', () => {
    expect(parseJson('{"a": [1, "två"]}')).to.deep.equal({ value: { a: [1, 'två'] } });
  });

  it('gives the line and column of the error', () => {
    const { error } = parseJson('{\n  "name": "Dick",\n  "role": x\n}');
    expect(error).to.match(/^invalid JSON at line 3, column 11/);
  });

  it('points at a trailing comma', () => {
    expect(parseJson('{"a": 1,}').error).to.contain('line 1, column 9');
  });

  it('explains curly quotes from a word processor', () => {
    expect(parseJson('{“name”: “Dick”}').error).to.contain('curly quotes').and.contain('line 1, column 2');
  });

  it('explains single quotes', () => {
    expect(parseJson("{'name': 'Dick'}").error).to.contain('not single quotes');
  });

  it('says when the text ends too early', () => {
    expect(parseJson('{"a": [1, 2').error).to.match(/^invalid JSON/);
    expect(parseJson('').error).to.match(/^invalid JSON/);
  });
});
