import '../src/index.js';
import { allFixtures, createFixture } from '../fixtures/index.js';

const snippet = `<script type="module" src="https://cdn.example.se/industrikommun-widgets/0.1.0/industrikommun-widgets.js"></script>

<ik-contact-card name="Dick Eriksson" role="Näringslivschef" phone="0520-49 68 10">
  <p>Dick Eriksson, näringslivschef, 0520-49 68 10</p>
</ik-contact-card>`;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

$('snippet').textContent = snippet;
$('copy-snippet').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet);
    $('copy-status').textContent = 'Copied.';
  } catch {
    getSelection()?.selectAllChildren($('snippet'));
    $('copy-status').textContent = 'Selected: press Ctrl+C to copy.';
  }
});

$('refresh-outbox').addEventListener('click', async () => {
  const mails = (await (await fetch('/dev/relay-outbox')).json()) as Array<{ file: string; text: string }>;
  $('outbox').textContent = mails.length ? mails.map((mail) => `${mail.file}\n\n${mail.text}`).join('\n\n') : 'No mail yet.';
});

// Every fixture, in both languages, with the error an editor would see for the bad ones. One fixture per task:
// all ~50 cards at once made one long task (Lighthouse: 137 ms of blocking time on a phone), below the fold anyway.
const examples = $('examples');
for (const [index, fixture] of allFixtures.entries()) {
  await new Promise((resolve) => setTimeout(resolve));
  const section = document.createElement('section');
  section.className = 'example';
  const heading = document.createElement('h3');
  heading.textContent = `<${fixture.tag}>: ${fixture.title}`;
  heading.id = `example-${index}`;
  section.setAttribute('aria-labelledby', heading.id);
  const pair = document.createElement('div');
  pair.className = 'pair';
  for (const lang of ['sv', 'en']) {
    const element = createFixture(fixture, lang);
    // The demo page's outline: example headings are h3, so the cards' headings are h4.
    if (!fixture.attributes?.['heading-level']) element.setAttribute('heading-level', '4');
    const cell = document.createElement('div');
    cell.append(element);
    element.addEventListener('ik-config-error', (event) => {
      const error = document.createElement('p');
      error.className = 'example__error';
      const { source, message } = (event as CustomEvent<{ source: string; message: string }>).detail;
      error.textContent = `ik-config-error — ${source}: ${message}`;
      cell.append(error);
    });
    pair.append(cell);
  }
  section.append(heading, pair);
  examples.append(section);
}
