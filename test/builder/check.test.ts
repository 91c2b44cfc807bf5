import { expect } from '@open-wc/testing';
import { fixJsonQuotes, fixQuotes } from '../../demo/builder.check.js';
import { captureConsole, mount } from '../helpers.js';
import { $, focused, listedProblems, mountBuilder, press, typeInto } from './helpers.js';

/** What the real element logs for this data-config, without its "<tag> " prefix: the message the builder must repeat. */
async function elementSays(tag: string, dataConfig: string) {
  const element = document.createElement(tag);
  element.setAttribute('data-config', dataConfig);
  element.append(Object.assign(document.createElement('p'), { textContent: 'Fallback' }));
  const { errors, warnings } = await captureConsole(() => mount(element));
  const strip = (line: string) => line.replace(`<${tag}> `, '');
  return { errors: errors.map(strip), warnings: warnings.map(strip) };
}

async function checkTab(text: string, lang: 'sv' | 'en' = 'sv') {
  const builder = await mountBuilder(undefined, lang);
  $(builder, '#tab-check').click();
  const input = $<HTMLTextAreaElement>(builder, '#check-input');
  input.value = text;
  input.dispatchEvent(new Event('input'));
  $(builder, '#check-button').click();
  await builder.settled();
  return builder;
}

const WORD_SNIPPET = `<script type=”module” src=”https://cdn.example.se/industrikommun-widgets/0.1.0/industrikommun-widgets.js”></script>
<ik-contact-card data-config=‘{“person”: {“name”: “Dick Eriksson”, “role”: “Sveriges ”bästa” näringslivschef”}, “unit”: {“name”: “Sweden’s unit”}}’>
  <p>Dick Eriksson, näringslivschef, 0520-49 68 10</p>
</ik-contact-card>`;

describe('snippet builder: checking a snippet the editor already has', () => {
  it('reports every problem in JSON, with the messages the element itself gives', async () => {
    const json =
      '{"person": {"name": 5, "phones": [{"number": "0520-1", "kind": "home"}], "email": "javascript:alert(1)"}, "unit": {"url": 7}}';
    const builder = await checkTab(json);
    const listed = listedProblems($(builder, '.result'));
    expect(listed).to.deep.equal([
      'data-config: "person.name" must be text or {"sv": "…", "en": "…"}, not number',
      'data-config: "person.phones[0].kind" "home" is not allowed: use one of work, mobile, switchboard, fax',
      'data-config: "unit.url" must be text, not number',
      'data-config: needs a name: add "person.name" or "unit.name"',
      'data-config: "person.email" "javascript:alert(1)" is not a safe email and was left out',
    ]);
    // The element reports the first error itself (and the warnings), word for word.
    const element = await elementSays('ik-contact-card', json);
    expect(listed).to.include(element.errors[0]);
    for (const warning of element.warnings) expect(listed).to.include(warning);
    expect($(builder, '.result').textContent)
      .to.contain('4 saker att rätta och 1 sak att se över')
      .and.contain('Fältet har fel sorts värde');
    // The result heading takes the focus, so that a screen reader reads it next.
    expect(focused()?.id).to.equal('result-heading');
  });

  it('guesses the element from the fields of bare JSON, or asks', async () => {
    let builder = await checkTab('{"heading": "Manifest", "figures": [{"value": "många", "label": "x"}]}');
    expect($(builder, '.result h3').textContent).to.equal('JSON för <ik-manifesto-card>');
    expect(listedProblems($(builder, '.result'))).to.deep.equal(['data-config: "figures[0].value" must be a number, not string']);
    builder = await checkTab('{"heading": "Vilket?"}');
    expect($(builder, '.result').textContent).to.contain('Välj element ovan');
  });

  it('finds curly quotes from a word processor, fixes them in one click, and keeps the quotes inside the text', async () => {
    const builder = await checkTab(WORD_SNIPPET);
    const before = $(builder, '.result').textContent!;
    expect(before).to.contain('curly quotes').and.contain('Rätta citattecken');
    // type=”module” is not type="module" to a browser.
    expect(before).to.contain('type="module"');
    const fix = $<HTMLButtonElement>(builder, '#fix-quotes');
    fix.focus();
    await press('Enter');
    await builder.settled();
    const fixed = builder.checkText;
    expect(fixed).to.contain(
      `<script type="module" src="https://cdn.example.se/industrikommun-widgets/0.1.0/industrikommun-widgets.js"></script>`,
    );
    const element = new DOMParser().parseFromString(fixed, 'text/html').querySelector('ik-contact-card')!;
    expect(JSON.parse(element.getAttribute('data-config')!)).to.deep.equal({
      person: { name: 'Dick Eriksson', role: 'Sveriges ”bästa” näringslivschef' },
      unit: { name: 'Sweden’s unit' },
    });
    expect(listedProblems($(builder, '.result'))).to.deep.equal([]);
    expect($(builder, '.result').textContent).to.contain('Inga problem');
    expect($(builder, '#panel-check .status').textContent).to.equal('22 citattecken är rättade.');
    // And the fixed snippet goes into the builder's form.
    $<HTMLButtonElement>(builder, '.report button').click();
    expect(builder.tab).to.equal('build');
    expect($<HTMLInputElement>(builder, '#f-contact-card-person-name-sv').value).to.equal('Dick Eriksson');
    expect($<HTMLInputElement>(builder, '#f-contact-card-person-role-sv').value).to.equal('Sveriges ”bästa” näringslivschef');
  });

  it('fixes single quotes in bare JSON too', async () => {
    const builder = await checkTab(`{'person': {'name': 'Dick', 'role': 'Sweden's best'}}`);
    expect($(builder, '.result').textContent).to.contain('not single quotes');
    $(builder, '#fix-quotes').click();
    await builder.settled();
    expect(JSON.parse(builder.checkText)).to.deep.equal({ person: { name: 'Dick', role: "Sweden's best" } });
  });

  it('names unknown tags, a missing type="module", a missing fallback and an unversioned script', async () => {
    const builder =
      await checkTab(`<script src="https://cdn.example.se/industrikommun-widgets/latest/industrikommun-widgets.js" integrity="sha384-x"></script>
<ik-contact name="Dick"></ik-contact>
<ik-contact-card name="Dick Eriksson"></ik-contact-card>`);
    const text = $(builder, '.result').textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('Elementet <ik-contact> finns inte. Menade du <ik-contact-card>?');
    expect(text).to.contain('saknar type="module"');
    expect(text).to.contain('crossorigin="anonymous"');
    expect(text).to.contain('har ingen version');
    expect(text).to.contain('inget reservinnehåll');
    // The element itself is fine: a name as a plain attribute.
    expect(listedProblems($(builder, '.report'))).to.deep.equal([]);
  });

  it('checks each element of a snippet with all its sources, as the element reads them', async () => {
    const builder = await checkTab(`<ik-share-form endpoint="javascript:alert(1)" heading-level="9"><p>Tipsa</p></ik-share-form>
<ik-manifesto-card data-config-src="/fixtures/seed/manifesto.json" data-config='{"reviewed": {"date": "2016-02-30"}}'><p>Manifest</p></ik-manifesto-card>
<ik-contact-card><script type="application/json">{"unit": {"name": "Enheten"}}</script><p>Enheten</p></ik-contact-card>`);
    const reports = [...builder.root.querySelectorAll('.report')];
    expect(reports.map((report) => report.querySelector('h3')!.textContent)).to.deep.equal([
      '<ik-share-form>, element 1',
      '<ik-manifesto-card>, element 2',
      '<ik-contact-card>, element 3',
    ]);
    expect(listedProblems(reports[0])).to.deep.equal([
      'heading-level: must be a whole number from 1 to 6, not "9"',
      'attributes: "endpoint" "javascript:alert(1)" is not a safe link and was left out',
    ]);
    expect(listedProblems(reports[1])).to.deep.equal(['data-config-src + data-config: "reviewed.date" is no such day']);
    expect(listedProblems(reports[2])).to.deep.equal([]);
  });

  it('works in English', async () => {
    const builder = await checkTab('{"person": {"role": "Chef"}}', 'en');
    expect($(builder, '.result').textContent).to.contain('1 thing to fix').and.contain("fill in the person's name");
  });

  it('is reached and used by keyboard: arrow keys move between the tabs', async () => {
    const builder = await mountBuilder();
    $(builder, '#tab-build').focus();
    await press('ArrowRight');
    expect(focused()?.id).to.equal('tab-check');
    expect($(builder, '#panel-check').hidden).to.equal(false);
    expect($(builder, '#panel-build').hidden).to.equal(true);
    await press('Tab');
    expect(focused()?.id).to.equal('check-input');
    await typeInto(builder, '#check-input', '{"unit": {"name": "Enheten"}}');
    await press('Tab');
    await press('Tab');
    expect(focused()?.id).to.equal('check-button');
    await press('Enter');
    await builder.settled();
    expect(focused()?.id).to.equal('result-heading');
    expect($(builder, '.result').textContent).to.contain('Inga problem');
    $(builder, '#tab-check').focus();
    await press('Home');
    expect(focused()?.id).to.equal('tab-build');
    await press('End');
    expect(focused()?.id).to.equal('tab-check');
  });
});

describe('the curly-quote fix', () => {
  it('straightens the delimiters of names and strings and leaves quotes inside the text', () => {
    const fixed = fixJsonQuotes('{“body”: [“Den ”fjärde industriella revolutionen” är här”, “Sweden’s”], ‘n’: 1}');
    expect(JSON.parse(fixed.text)).to.deep.equal({ body: ['Den ”fjärde industriella revolutionen” är här', 'Sweden’s'], n: 1 });
    expect(fixed.count).to.equal(8);
  });

  it('leaves valid JSON alone, typographic quotes and all', () => {
    const seedLike = '{"sv": "Den ”fjärde industriella revolutionen” är här", "en": "The \\"fourth\\" one"}';
    expect(fixQuotes(seedLike)).to.deep.equal({ text: seedLike, count: 0 });
  });

  it('escapes straight double quotes inside a string it straightens', () => {
    expect(JSON.parse(fixJsonQuotes('{“a”: “say "hi" now”}').text)).to.deep.equal({ a: 'say "hi" now' });
  });

  it('repairs every data-config of a snippet, and quotes around other attributes', () => {
    const { text, count } = fixQuotes(
      `<ik-contact-card data-config=”{“person”: {“name”: “A”}}”><p>A</p></ik-contact-card>\n<ik-contact-card data-config='{“unit”: {“name”: “B’s”}}' heading-level=“3”><p>”B”</p></ik-contact-card>`,
    );
    const elements = [...new DOMParser().parseFromString(text, 'text/html').querySelectorAll('ik-contact-card')];
    expect(elements.map((element) => JSON.parse(element.getAttribute('data-config')!))).to.deep.equal([
      { person: { name: 'A' } },
      { unit: { name: 'B’s' } },
    ]);
    expect(elements[1].getAttribute('heading-level')).to.equal('3');
    // The fallback's own typography stays.
    expect(elements[1].textContent).to.equal('”B”');
    expect(count).to.equal(16);
  });

  it('repairs the JSON of a child script', () => {
    const { text } = fixQuotes('<ik-contact-card><script type="application/json">{“person”: {“name”: “A”}}</script></ik-contact-card>');
    expect(JSON.parse(new DOMParser().parseFromString(text, 'text/html').querySelector('script')!.textContent!)).to.deep.equal({
      person: { name: 'A' },
    });
  });
});
