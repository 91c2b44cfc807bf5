import { expect } from '@open-wc/testing';
import { $, focused, mountBuilder, press, typeInto } from './helpers.js';

describe('snippet builder by keyboard alone', () => {
  it('chooses the element with the arrow keys, as any radio group', async () => {
    const builder = await mountBuilder();
    $(builder, 'input[value="ik-contact-card"]').focus();
    await press('ArrowDown');
    expect(builder.tag).to.equal('ik-manifesto-card');
    expect(focused()?.getAttribute('value')).to.equal('ik-manifesto-card');
    expect($(builder, '#snippet').textContent).to.contain('<ik-manifesto-card>');
  });

  it('adds and removes list items, moving the focus where the editor will type next and saying what happened', async () => {
    const builder = await mountBuilder();
    $(builder, 'input[value="ik-manifesto-card"]').click();
    $(builder, '#f-manifesto-card-figures-add').focus();
    await press('Enter');
    expect(focused()?.id).to.match(/^f-manifesto-card-figures-\d+-value$/);
    expect($(builder, '[role=status].visually-hidden').textContent).to.equal('Nyckeltal 1 är tillagt.');
    await press('6');
    await press('Tab');
    await press('Tab');
    expect(focused()?.id).to.match(/-qualifier-en$/);
    $(builder, '#f-manifesto-card-figures-add').focus();
    await press('Enter');
    expect(builder.root.querySelectorAll('#f-manifesto-card-figures ~ ol > li, .list ol > li').length).to.be.greaterThan(0);
    const remove = [...builder.root.querySelectorAll<HTMLButtonElement>('.remove')].find(
      (button) => button.textContent!.trim() == 'Ta bort nyckeltal 1',
    )!;
    remove.focus();
    await press('Enter');
    expect(focused()?.id).to.equal('f-manifesto-card-figures-add');
    expect($(builder, '[role=status].visually-hidden').textContent).to.equal('Nyckeltal 1 är borttaget.');
    // The second figure is now the first, and keeps what was typed in it (nothing) rather than the removed one's 6.
    expect([...builder.root.querySelectorAll<HTMLInputElement>('[id$="-value"]')].map((input) => input.value)).to.deep.equal(['']);
  });

  it('switches its own language fully, and keeps the focus on the switch', async () => {
    const builder = await mountBuilder();
    await typeInto(builder, '#f-contact-card-person-name-sv', 'Dick Eriksson');
    const toggle = $(builder, '.link-button');
    toggle.focus();
    await press('Enter');
    expect(focused()).to.equal(toggle);
    expect($(builder, '.builder').lang).to.equal('en');
    const text = builder.root.textContent!;
    expect(text)
      .to.contain('Create the code')
      .and.contain('What do you want to show?')
      .and.contain('Copy the code')
      .and.contain('No problems');
    // No Swedish words of the builder's own are left (the preview's Swedish card and the snippet are content).
    for (const swedish of [
      'Bygg ett kodstycke',
      'Vilket element',
      'Kopiera kodstycket',
      'Rubriknivå',
      'Förhandsvisning',
      'Svenska',
      'Lägg till',
    ])
      expect(text).not.to.contain(swedish);
    await press('Enter');
    expect($(builder, '.builder').lang).to.equal('sv');
  });

  it('copies with Enter on the copy button and says so', async () => {
    const builder = await mountBuilder();
    await typeInto(builder, '#f-contact-card-person-name-sv', 'A');
    $(builder, '#copy').focus();
    await press('Enter');
    await builder.settled();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect($(builder, '#panel-build .status').textContent).to.match(/Koden är (kopierad|markerad)/);
  });
});
