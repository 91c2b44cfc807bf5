import { expect } from '@open-wc/testing';
import { isSafeHref, telHref } from '../../src/shared/url.js';

describe('telHref', () => {
  const cases: [string, string | undefined][] = [
    ['0520-49 68 10', 'tel:+46520496810'],
    ['070-164 29 00', 'tel:+46701642900'],
    ['08-123 456 78', 'tel:+46812345678'],
    ['+46 520 49 68 10', 'tel:+46520496810'],
    ['+358 9 123 4567', 'tel:+35891234567'],
    ['0046 520 49 68 10', 'tel:+46520496810'],
    ['112', 'tel:112'],
    ['javascript:alert(1)', 'tel:1'],
    ['ring oss', undefined],
  ];
  for (const [number, href] of cases) it(`${number} → ${href}`, () => expect(telHref(number)).to.equal(href));
});

describe('isSafeHref', () => {
  for (const href of [
    'https://example.se/',
    'http://example.se',
    'mailto:a@b.se',
    'tel:+46520496810',
    '/relative',
    'page.html',
    '//example.se/x',
    '#top',
  ])
    it(`allows ${href}`, () => expect(isSafeHref(href)).to.equal(true));
  for (const href of [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://x/y',
  ])
    it(`refuses ${JSON.stringify(href)}`, () => expect(isSafeHref(href)).to.equal(false));
});
