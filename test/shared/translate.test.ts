import { expect } from '@open-wc/testing';
import { str } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import { msg, speaking, translations } from '../../src/shared/translate.js';

/** Each English target of locales/en.xlf, with `{N}` for the source's N-th value, by message id. */
async function xliffTargets(): Promise<Map<string, string>> {
  const xliff = new DOMParser().parseFromString(await (await fetch('/locales/en.xlf')).text(), 'application/xml');
  const targets = new Map<string, string>();
  for (const unit of xliff.querySelectorAll('trans-unit')) {
    const target = unit.querySelector('target');
    if (!target) continue;
    const text = [...target.childNodes]
      .map((node) => (node.nodeType == Node.TEXT_NODE ? node.textContent : `{${(node as Element).getAttribute('id')}}`))
      .join('');
    targets.set(unit.id, text);
  }
  return targets;
}

describe('msg(): the widgets’ translator', () => {
  it('says in English exactly what locales/en.xlf says, for every message (an @lit/localize upgrade that changes the output fails here)', async () => {
    const targets = await xliffTargets();
    const english = translations.en!;
    // The plural categories English does not use (zero, two, few, many) have no target: lit-localize fills in the source.
    expect([...targets.keys()].sort()).to.deep.equal(
      Object.keys(english)
        .filter((id) => !/\.(zero|two|few|many)$/.test(id))
        .sort(),
    );
    for (const [id, expected] of targets) {
      const source = english[id];
      const valueCount = typeof source == 'string' ? 0 : source.values.length;
      // A source template with values {0}, {1} …, as the call site would give them.
      const values = Array.from({ length: valueCount }, (_, i) => `{${i}}`);
      const template = valueCount ? str(Object.assign(Array(valueCount + 1).fill(''), { raw: [] }) as never, ...values) : 'källa';
      expect(
        speaking('en', () => msg(template as never, { id })),
        id,
      ).to.equal(expected);
    }
  });

  it('speaks Swedish, the source, whatever the id', () => {
    expect(speaking('sv', () => msg('Telefon', { id: 'contact.phone' }))).to.equal('Telefon');
    const count = 3;
    expect(speaking('sv', () => msg(str`Du har ${count} tecken kvar`, { id: 'share.countLeft' }))).to.equal('Du har 3 tecken kvar');
  });

  it('puts values where the translation wants them, even reordered', () => {
    const [when, who] = ['20 december 2016', 'Katarina'];
    expect(speaking('en', () => msg(str`Senast granskad ${when} av ${who}`, { id: 'manifesto.reviewedBy' }))).to.equal(
      'Last reviewed 20 december 2016 by Katarina',
    );
  });

  it('falls back to the source, never throws, for a message without an id or translation', () => {
    expect(speaking('en', () => msg('Okänd text'))).to.equal('Okänd text');
    expect(speaking('en', () => msg('Okänd text', { id: 'no.such.id' }))).to.equal('Okänd text');
    const n = 2;
    expect(speaking('en', () => msg(str`${n} okända`))).to.equal('2 okända');
  });

  it('keeps a Lit template a template (msg(html`…`) is not flattened to text)', () => {
    const name = 'Anna';
    const result = speaking('en', () => msg(html`Hej <b>${name}</b>`)) as TemplateResult;
    expect(result).to.have.property('_$litType$');
    expect(result.values).to.deep.equal(['Anna']);
  });

  it('restores the outer language after a nested render', () => {
    const said = speaking('en', () => [
      msg('Telefon', { id: 'contact.phone' }),
      speaking('sv', () => msg('Telefon', { id: 'contact.phone' })),
      msg('Telefon', { id: 'contact.phone' }),
    ]);
    expect(said).to.deep.equal(['Phone', 'Telefon', 'Phone']);
  });
});
