import { expect, fixture, html } from '@open-wc/testing';
import '../../demo/builder.app.js';
import { checkSnippet } from '../../demo/builder.check.js';
import type { BuilderEvents } from '../../demo/builder.element.js';
import { emptyDraft, specs, type Checked, type ObjectDraft } from '../../demo/builder.snippet.js';
import { inputFor, updateDraft } from '../../demo/builder.state.js';
import { captureConsole, shadowText, waitFor, type Widget } from '../helpers.js';
import { listedProblems } from './helpers.js';

/**
 * The builder's parts, each a Lit element on its own: what it shows for the properties it is given, and the
 * events it sends up. (The whole builder is driven through them in the other files.)
 */

/** Every builder event that reaches `target` while `run` runs, as [type, detail]. */
async function eventsOf(target: EventTarget, run: () => unknown) {
  const seen: [string, unknown][] = [];
  const types = [
    'builder-edit',
    'builder-settings',
    'builder-tag',
    'builder-src',
    'builder-announce',
    'builder-example',
    'builder-clear',
    'builder-copy',
    'builder-check-text',
    'builder-check-tag',
    'builder-check',
    'builder-fix-quotes',
    'builder-open',
  ] satisfies (keyof BuilderEvents)[];
  const listener = (event: Event) => seen.push([event.type, (event as CustomEvent).detail]);
  types.forEach((type) => target.addEventListener(type, listener));
  try {
    await run();
  } finally {
    types.forEach((type) => target.removeEventListener(type, listener));
  }
  return seen;
}

const typeIn = (input: HTMLInputElement | HTMLTextAreaElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};

describe('builder parts', () => {
  it('<ik-builder-preview> shows the real element once per language, with lang and dir, and nothing for an empty form', async () => {
    const markup = `<ik-contact-card data-config='{"person":{"name":"Dick Eriksson","role":{"sv":"Chef","ar":"مدير"}}}'></ik-contact-card>`;
    const preview = await fixture(html`<ik-builder-preview .markup=${markup} .languages=${['sv', 'ar']}></ik-builder-preview>`);
    const boxes = [...preview.querySelectorAll<HTMLElement>('.preview')];
    expect(boxes.map((box) => [box.id, box.lang, box.dir])).to.deep.equal([
      ['preview-sv', 'sv', 'ltr'],
      ['preview-ar', 'ar', 'rtl'],
    ]);
    expect(preview.querySelectorAll('h3')[1].textContent).to.equal('På arabiska');
    const swedish = boxes[0].querySelector<Widget>('ik-contact-card')!;
    await waitFor(() => !!swedish.shadowRoot?.querySelector('.card'));
    expect(shadowText(swedish)).to.contain('Dick Eriksson').and.contain('Chef');

    const { errors, warnings } = await captureConsole(async () => {
      const empty = await fixture(
        html`<ik-builder-preview .markup=${'<ik-contact-card></ik-contact-card>'} .languages=${[]}></ik-builder-preview>`,
      );
      expect(empty.querySelector('ik-contact-card')).to.equal(null);
      expect(empty.textContent).to.contain('Fyll i formuläret');
    });
    expect([...errors, ...warnings]).to.deep.equal([]);
  });

  it('<ik-builder-code> lists the check, links a problem to its input, and asks the builder to copy', async () => {
    const checked = {
      errors: [{ code: 'needs-name', source: 'data-config', path: '' }],
      warnings: [{ code: 'unsafe-url', value: 'x:y', kind: 'link', source: 'data-config', path: 'unit.url', warning: true }],
      merged: {},
    } satisfies Checked;
    const code = await fixture(
      html`<div class="builder"><ik-builder-code .checked=${checked} .snippet=${'<ik-contact-card></ik-contact-card>'} .fallback=${'<p>Reserv</p>'} .inputFor=${(path: string) => (path == 'unit.url' ? 'the-url' : undefined)}></ik-builder-code><input id="the-url" /></div>`,
    );
    expect(listedProblems(code)).to.deep.equal([
      'data-config: needs a name: add "person.name" or "unit.name"',
      'data-config: "unit.url" "x:y" is not a safe link and was left out',
    ]);
    expect(code.querySelector('#problems')!.textContent).to.contain('1 sak att rätta och 1 sak att se över');
    expect(code.querySelector('#snippet')!.textContent).to.equal('<ik-contact-card></ik-contact-card>');
    expect(code.querySelector('#preview-fallback')!.innerHTML).to.equal('<p>Reserv</p>');
    code.querySelector<HTMLAnchorElement>('.finding--warning a')!.click();
    expect(document.activeElement!.id).to.equal('the-url');
    expect(await eventsOf(code, () => code.querySelector<HTMLButtonElement>('#copy')!.click())).to.deep.equal([['builder-copy', null]]);
  });

  it('<ik-builder-check> sends the pasted text, the chosen element and the check up, and opens a checked element', async () => {
    const report = await checkSnippet('<ik-contact-card name="Dick"><p>Dick</p></ik-contact-card>');
    const check = await fixture(html`<ik-builder-check .text=${'{“a”: 1}'} .report=${report}></ik-builder-check>`);
    expect(check.querySelector('#fix-quotes')).to.exist;
    expect(check.querySelector('.report h3')!.textContent).to.equal('<ik-contact-card>, element 1');
    const events = await eventsOf(check, () => {
      typeIn(check.querySelector('textarea')!, '{}');
      const select = check.querySelector('select')!;
      select.value = 'ik-share-form';
      select.dispatchEvent(new Event('change'));
      check.querySelector<HTMLButtonElement>('#check-button')!.click();
      check.querySelector<HTMLButtonElement>('.report button')!.click();
    });
    expect(events.map(([type]) => type)).to.deep.equal(['builder-check-text', 'builder-check-tag', 'builder-check', 'builder-open']);
    expect(events[0][1]).to.equal('{}');
    expect(events[1][1]).to.equal('ik-share-form');
    expect(events[3][1]).to.equal(report.elements[0]);
  });

  it('<ik-builder-fields> makes the form from the descriptor and sends each edit with its place in the draft', async () => {
    const draft = emptyDraft(specs['ik-contact-card'].schema) as ObjectDraft;
    const fields = await fixture(html`<ik-builder-fields .tag=${'ik-contact-card'} .draft=${draft}></ik-builder-fields>`);
    expect(fields.querySelector('legend')!.textContent).to.contain('Person');
    const events = await eventsOf(fields, () => {
      typeIn(fields.querySelector<HTMLInputElement>('#f-contact-card-person-role-en')!, 'Head');
      fields.querySelector<HTMLButtonElement>('#f-contact-card-person-phones-add')!.click();
    });
    expect(events[0]).to.deep.equal(['builder-edit', { steps: ['person', 'role', 'en'], value: 'Head', commit: false }]);
    const added = events[1][1] as BuilderEvents['builder-edit'];
    expect(added.steps).to.deep.equal(['person', 'phones']);
    expect((added.value as { items: unknown[] }).items).to.have.length(1);
    expect(events[2][0]).to.equal('builder-announce');
  });

  it('<ik-builder-form> sends the element chosen and the settings up', async () => {
    const draft = emptyDraft(specs['ik-contact-card'].schema) as ObjectDraft;
    const form = await fixture(html`<ik-builder-form .draft=${draft}></ik-builder-form>`);
    const events = await eventsOf(form, () => {
      form.querySelector<HTMLInputElement>('input[value="ik-share-form"]')!.click();
      const level = form.querySelector<HTMLSelectElement>('#heading-level')!;
      level.value = '4';
      level.dispatchEvent(new Event('change'));
      form.querySelector<HTMLButtonElement>('#fill-example')!.click();
    });
    expect(events).to.deep.equal([
      ['builder-tag', 'ik-share-form'],
      ['builder-settings', { headingLevel: 4 }],
      ['builder-example', null],
    ]);
  });

  it('<ik-builder-web-team> shows where the script comes from and sends its settings up', async () => {
    const settings = {
      headingLevel: 2,
      pageLang: 'sv',
      includeScript: true,
      classic: false,
      scriptBase: 'https://x.se/w/',
      reserveWidths: { wide: 640, narrow: 288, breakpoint: 640 },
    };
    const part = await fixture(
      html`<ik-builder-web-team .settings=${settings} .version=${'1.2.3'} .integrity=${null}></ik-builder-web-team>`,
    );
    expect(part.querySelector('#script-base-hint code')!.textContent).to.equal('https://x.se/w/1.2.3/industrikommun-widgets.js');
    expect(part.textContent).to.contain('kör npm run build');
    const events = await eventsOf(part, () => {
      part.querySelector<HTMLInputElement>('#classic-script')!.click();
      typeIn(part.querySelector<HTMLInputElement>('#config-src')!, '/a.json');
    });
    expect(events).to.deep.equal([
      ['builder-settings', { classic: true }],
      ['builder-src', { value: '/a.json', load: false }],
    ]);
  });

  it('changes a draft without touching the old one, and finds the input a problem names', () => {
    const schema = specs['ik-contact-card'].schema;
    const draft = emptyDraft(schema) as ObjectDraft;
    const withPhones = updateDraft(draft, ['person', 'phones'], {
      items: [
        { key: 7, value: { number: '', kind: '', label: { sv: '', en: '' } } },
        { key: 9, value: { number: '1', kind: '', label: { sv: '', en: '' } } },
      ],
    }) as ObjectDraft;
    const typed = updateDraft(withPhones, ['person', 'phones', 9, 'number'], '0520-1') as ObjectDraft;
    expect((draft.person as ObjectDraft).phones).to.deep.equal({ items: [] });
    expect(JSON.stringify(typed)).to.contain('0520-1').and.not.equal(JSON.stringify(withPhones));
    // The configuration leaves the empty first phone out: its [0] is the draft's item 9.
    expect(inputFor('ik-contact-card', typed, 'person.phones[0].number')).to.equal('f-contact-card-person-phones-9-number');
    expect(inputFor('ik-contact-card', typed, 'person.role')).to.equal('f-contact-card-person-role-sv');
    expect(inputFor('ik-contact-card', typed, 'nothing.here')).to.equal(undefined);
  });
});
