import { mount, settle, type Widget } from '../helpers.js';
import type { SharePayload } from '../../src/share-form/share-form.js';

/** The share form as the tests use it: `timeout` is its one script-only property. */
export type ShareForm = Widget & { timeout: number };

export type Sent = SharePayload & { at: string };

/**
 * Chromium and Firefox run at the same time against one relay, whose mails no
 * route can reset. Instead every test writes to recipients of its own,
 * `…+<marker>@exempel.se`, and reads back only those: what it sent, and nothing else.
 */
let marker = '';

/** A recipient address that belongs to the running test. */
export const address = (local: string) => `${local}+${marker}@exempel.se`;

/** What a visitor types; Swedish letters, a line break and spaces at the end, all kept as typed. */
export const typed = {
  to: '',
  name: 'Åsa Öberg',
  from: 'asa.oberg@exempel.se',
  message: 'Hej!\nLäs om industrikommunerna – ”förnyelse” på riktigt.  ',
};

/** For `beforeEach`: a fresh marker, so this test's messages are its own. */
export function newVisitor() {
  marker = Math.random().toString(36).slice(2, 10);
  typed.to = address('van');
}

/** What the real relay mailed for the running test, in order (read back from its .eml files by the test server, test/http/relay.mjs). */
export const outbox = async (): Promise<Sent[]> =>
  ((await (await fetch('/test-http/outbox')).json()) as Sent[]).filter((sent) => sent.to.endsWith(`+${marker}@exempel.se`));

/** How many requests this page has made to the endpoint itself (not its outbox): proof of what the browser sent. */
export const postsMade = () =>
  performance.getEntriesByType('resource').filter((entry) => new URL(entry.name).pathname == '/api/share').length;

export const $ = <T extends Element = HTMLElement>(element: Widget, selector: string) => element.shadowRoot.querySelector(selector) as T;

/** The form in endpoint mode (or mail-client mode without `endpoint`), mounted. */
export async function shareForm(attributes: Record<string, string> = { endpoint: '/api/share' }, config?: unknown, lang?: string) {
  const element = document.createElement('ik-share-form');
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (config !== undefined) element.setAttribute('data-config', JSON.stringify(config));
  return mount<ShareForm>(element, lang);
}

/** Sets a field as typing would, input event and all. */
export function type(element: Widget, id: string, value: string) {
  const field = $<HTMLInputElement>(element, `#${id}`);
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

export async function fill(element: Widget, values: Partial<typeof typed> = typed) {
  for (const [id, value] of Object.entries(values)) type(element, id, value);
  await settle(element);
}

export const submitButton = (element: Widget) => $<HTMLButtonElement>(element, 'button[part=submit]');

/** The live region's words. */
export const status = (element: Widget) => $(element, '[role=status]').textContent!.trim();

export const fieldValues = (element: Widget) =>
  Object.fromEntries(['to', 'name', 'from', 'message'].map((id) => [id, $<HTMLInputElement>(element, `#${id}`).value]));

/** Every error the summary lists, and whether each is a link. */
export const summary = (element: Widget) =>
  [...element.shadowRoot.querySelectorAll('[part=summary] li')].map((item) => ({
    text: item.textContent!.trim(),
    link: item.querySelector('a')?.getAttribute('href') ?? null,
  }));

/** Inline error under a field, found through the field's aria-describedby as a screen reader would. */
export function inlineError(element: Widget, id: string) {
  const field = $(element, `#${id}`);
  const described = (field.getAttribute('aria-describedby') ?? '').split(' ').map((ref) => element.shadowRoot.getElementById(ref));
  return described.find((node) => node?.classList.contains('error'))?.textContent?.trim();
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
