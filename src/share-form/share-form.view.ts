/**
 * The share form's view in parts: the notification banner, the confirmation panel, the error summary, the fields
 * and the tools. Pure functions of what they are given (texts are looked up when called, inside the element's
 * render, so that they speak its language); the element keeps the state and the handlers.
 */
import { str } from '@lit/localize';
import { MESSAGE_LIMIT, VISITOR_FIELDS } from '../contract/share.js';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg } from '../shared/translate.js';
import { mailtoHref } from '../shared/url.js';

/** What the live region says, kept as a key so it is translated when rendered. */
export type Note = '' | 'sending' | 'sent' | 'failed' | 'busy' | 'unavailable' | 'copied' | 'select';

/** The page to share: its address and title. */
export interface SharedPage {
  url: string;
  title: string;
}

/** An event handler of the element (Lit calls it with the element as `this`). */
type Handler = (event: Event) => void;

/**
 * The character count under the message: GOV.UK's wording, which also says by how much it is over. One message per
 * plural form of the language (Intl.PluralRules), so that English says "1 character" and "2 characters".
 */
function countText(length: number, lang: string) {
  const over = length > MESSAGE_LIMIT;
  const count = over ? length - MESSAGE_LIMIT : MESSAGE_LIMIT - length;
  const one = new Intl.PluralRules(lang).select(count) == 'one';
  if (over)
    return one
      ? msg(str`Du har ${count} tecken för mycket`, {
          id: 'share.countOver.one',
          desc: 'Character count when the message is too long by one character (the value is 1)',
        })
      : msg(str`Du har ${count} tecken för mycket`, {
          id: 'share.countOver.other',
          desc: 'Character count when the message is too long by several characters',
        });
  return one
    ? msg(str`Du har ${count} tecken kvar`, {
        id: 'share.countLeft.one',
        desc: 'Character count while typing, when one character is left (the value is 1)',
      })
    : msg(str`Du har ${count} tecken kvar`, {
        id: 'share.countLeft.other',
        desc: 'Character count while typing, when several (or no) characters are left',
      });
}

/**
 * A heading one level below the form's own: for the error summary, the notification and the confirmation panel.
 * `role="heading"` costs fewer bytes than six tag templates, and reads the same.
 */
const subheading = (level: number, className: string, content: unknown) =>
  html`<div class=${className} role="heading" aria-level=${Math.min(level + 1, 6)}>${content}</div>`;

/** Field labels and live-region notes, by key; `minutes` (from `Retry-After`) completes "try again …". */
export function shareTexts(lang: string, minutes?: number): Record<string, string> {
  const retryWhen = minutes
    ? new Intl.RelativeTimeFormat(lang).format(minutes, 'minute')
    : msg('senare', { id: 'share.later', desc: 'Completes "Try again …" when the server gives no time' });
  return {
    to: msg('Din väns e-postadress', { id: 'share.to', desc: 'Label of the recipient e-mail field' }),
    name: msg('Ditt namn', { id: 'share.name', desc: "Label of the sender's name field" }),
    from: msg('Din e-postadress', { id: 'share.from', desc: "Label of the sender's e-mail field" }),
    message: msg('Ditt meddelande', { id: 'share.message', desc: 'Label of the message field' }),
    sending: msg('Skickar…', { id: 'share.sending', desc: 'Status while sending' }),
    sent: msg('Tack! Tipset är skickat.', { id: 'share.sent', desc: 'Status after a successful send' }),
    failed: msg('Tipset kunde inte skickas.', { id: 'share.failed', desc: 'Status after a failed send' }),
    busy: msg(str`För många tips på kort tid. Försök igen ${retryWhen}.`, {
      id: 'share.busy',
      desc: 'Status when the server refuses more messages for now; the value is e.g. "in 2 minutes" or "later"',
    }),
    unavailable: msg(str`Tips kan inte tas emot just nu. Försök igen ${retryWhen}.`, {
      id: 'share.unavailable',
      desc: 'Status when the server cannot take messages at the moment (503); the value is e.g. "in 2 minutes" or "later"',
    }),
    copied: msg('Länken är kopierad.', { id: 'share.copied', desc: 'Status after copying the link' }),
    select: msg('Kopiera den markerade länken.', {
      id: 'share.select',
      desc: 'Status when the browser cannot copy: the link is selected for the visitor to copy',
    }),
  };
}

/** A problem with a field in words (each says how to fix it), or the server's own text. */
export function problemText(texts: Record<string, string>, name: string, problem: string) {
  const missing = msg(str`Skriv ${texts[name]?.toLowerCase()}`, {
    id: 'share.missing',
    desc: 'Error for an empty field; the value is the field\'s label in lower case ("Skriv ditt namn": "Enter your name")',
  });
  if (problem == 'missing') return missing;
  if (problem == 'format')
    return msg(str`${missing} i rätt format, till exempel namn@exempel.se`, {
      id: 'share.format',
      desc: 'Error for an e-mail address that is not one; the value is the "Enter …" error. Keep the example address',
    });
  if (problem == 'long')
    return msg(str`${texts.message} får vara högst ${MESSAGE_LIMIT} tecken`, {
      id: 'share.long',
      desc: "Error: the message is too long; the value is the field's label",
    });
  return problem;
}

/** What to do after a failed send, or while the server takes no tips. */
export function nextStep(note: Note) {
  return note == 'failed'
    ? msg('Det du skrev finns kvar. Tryck på Skicka för att försöka igen, eller kopiera länken och skicka den själv.', {
        id: 'share.failedNext',
        desc: 'What to do after a failed send: the typed text is kept; press the send button ("Skicka": use its translation) or copy the link',
      })
    : msg('Det du skrev finns kvar. Du kan också kopiera länken och skicka den själv.', {
        id: 'share.busyNext',
        desc: 'What to do while the server takes no tips: the typed text is kept; or copy the link',
      });
}

/** GOV.UK's notification banner: what went wrong, and what to do next. The live region says it aloud. */
export function banner(level: number, status: string, next: string) {
  return html`<div class="banner" part="notification">
    ${subheading(level, 'banner__title', msg('Viktigt', { id: 'share.important', desc: 'Title of the notification banner shown when a tip could not be sent (GOV.UK: "Important")' }))}
    <div class="banner__body">
      <p class="banner__heading">${status}</p>
      <p>${next}</p>
    </div>
  </div>`;
}

/** The confirmation that replaces the form after a send, with "send another". */
export function sentPanel(level: number, again: Handler) {
  return html`<div class="panel" part="panel">
    ${subheading(level, 'panel__title', msg('Tipset är skickat', { id: 'share.sentTitle', desc: 'Title of the confirmation panel after a successful send' }))}
    <p>${msg('Tack! Din vän får ett e-postmeddelande med länken till sidan.', { id: 'share.sentBody', desc: 'Text of the confirmation panel: thanks, and what the friend receives' })}</p>
    <button class="again" @click=${again}>${msg('Skicka ett till', { id: 'share.again', desc: 'Button after success: empties recipient and message for another tip' })}</button>
  </div>`;
}

/** The privacy notice, a link when it has an address; nothing without a text. */
export function privacyNotice(text: string, lang: string | undefined, href: string | undefined) {
  return text ? html`<p part="privacy" lang=${ifDefined(lang)}>${href ? html`<a href=${href}>${text}</a>` : text}</p>` : nothing;
}

/** Without an endpoint: the link that opens the visitor's mail program with the page's title and address. */
export function mailLink(page: SharedPage, click: Handler) {
  return html`<p>
    <a class="button" part="submit" href=${mailtoHref(page.title, `${page.title}\r\n${page.url}`)} @click=${click}
      >${msg('Tipsa via e-post', { id: 'share.mail', desc: "Link that opens the visitor's mail program with the page's title and address" })}</a
    >
  </p>`;
}

/** The error summary at the top of the form: each problem, a link to its field where it has one. */
export function errorSummary(
  level: number,
  problems: [string, string][],
  texts: Record<string, string>,
  focusOn: (selector: string, event: Event) => void,
) {
  return html`<div class="summary" part="summary" tabindex="-1">
    <div role="alert">
      ${subheading(level, 'summary__title', msg('Det finns ett problem', { id: 'share.summary', desc: 'Title of the error summary' }))}
      <ul>
        ${problems.map(
          ([name, problem]) =>
            html`<li>${(VISITOR_FIELDS as readonly string[]).includes(name) ? html`<a href="#${name}" @click=${(event: Event) => focusOn(`#${name}`, event)}>${problemText(texts, name, problem)}</a>` : problemText(texts, name, problem)}</li>`,
        )}
      </ul>
    </div>
  </div>`;
}

/**
 * One field: label, inline error, control and, under it, its hint or character count (`length` typed, `spoken`:
 * what screen readers last heard). The controls keep what was typed in the DOM: no render ever writes their
 * values, so a failed send cannot lose a character.
 */
export function field(name: string, label: string, error: string | undefined, lang: string, length: number, spoken?: number) {
  const hint =
    name == 'message'
      ? html`<p id="message-hint" class=${length > MESSAGE_LIMIT ? 'error' : ''} aria-hidden="true">${countText(length, lang)}</p>
          <p class="offscreen" aria-live="polite">${spoken == null ? '' : countText(spoken, lang)}</p>`
      : '';
  const describedBy = [error && `${name}-error`, hint && `${name}-hint`].filter(Boolean).join(' ') || nothing;
  return html`<div class="field">
    <label for=${name}>${label}</label>
    ${error ? html`<p class="error" id="${name}-error">${error}</p>` : nothing}
    ${
      name == 'message'
        ? html`<textarea id="message" name="message" rows="5" required aria-invalid=${!!error} aria-describedby=${describedBy}></textarea>`
        : html`<input id=${name} name=${name} type=${name == 'name' ? 'text' : 'email'} autocomplete=${name == 'to' ? 'off' : name == 'name' ? 'name' : 'email'} required aria-invalid=${!!error} aria-describedby=${describedBy} />`
    }
    ${hint}
  </div>`;
}

/** "Copy link", "share…" where the browser has the Web Share API, and the link to select where copying is refused. */
export function tools(page: SharedPage, note: Note, copy: Handler) {
  const copyLabel = msg('Kopiera länk', { id: 'share.copy', desc: "Button that copies the page's address" });
  return html`<div part="tools">
    <button class="secondary" @click=${copy}>${copyLabel}</button>
    ${
      'share' in navigator
        ? html`<button class="secondary" @click=${() => navigator.share(page).catch(() => {})}>${msg('Dela…', { id: 'share.share', desc: "Button that opens the system's share sheet" })}</button>`
        : nothing
    }
    ${note == 'select' ? html`<input readonly aria-label=${copyLabel} .value=${page.url} />` : nothing}
  </div>`;
}
