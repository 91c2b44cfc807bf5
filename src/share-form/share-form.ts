import { str } from '@lit/localize';
import { MESSAGE_LIMIT, VISITOR_FIELDS } from '../contract/share.js';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { WidgetController } from '../shared/config-controller.js';
import { pick } from '../shared/lang.js';
import { baseStyles, fallback, heading } from '../shared/styles.js';
import { msg } from '../shared/translate.js';
import { mailtoHref } from '../shared/url.js';
import { IkWidget } from '../shared/widget.js';
import { countText } from './share-count.js';
import { shareSpec, type ShareConfig } from './share-form.config.js';
import { shareStyles } from './share-form.styles.js';
import { newIdempotencyKey, postShare, type ShareErrorDetail, type SharePayload } from './share-send.js';

export type { ShareErrorDetail, SharePayload };

/** The visitor's fields, in the order of the form and of the POST body. */
const FIELDS: readonly string[] = VISITOR_FIELDS;

/** The longest message, in UTF-16 code units as the server counts. */
const MAX_MESSAGE = MESSAGE_LIMIT;

/** What the live region says, kept as a key so it is translated when rendered. */
type Note = '' | 'sending' | 'sent' | 'failed' | 'busy' | 'unavailable' | 'copied' | 'select';

/**
 * A heading one level below the form's own: for the error summary, the notification and the confirmation panel.
 * `role="heading"` costs fewer bytes than six tag templates, and reads the same.
 */
const subheading = (level: number, className: string, content: unknown) =>
  html`<div class=${className} role="heading" aria-level=${Math.min(level + 1, 6)}>${content}</div>`;

/** Dispatches one of the form's events; outside the class, so the manifest lists only the events of `@fires`. */
const fire = (target: HTMLElement, type: string, detail: unknown, cancelable = false) =>
  target.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, cancelable, detail }));

/**
 * "Tipsa en vän" (tell a friend): a visitor tells someone about the page. With
 * an `endpoint` it posts the four fields as JSON and reports the answer; without
 * one it opens the visitor's own mail program with the page's title and address.
 * Both modes have "copy link", and "share…" where the browser has the Web Share API.
 *
 * @tag ik-share-form
 * @tagname ik-share-form
 * @summary A "tell a friend" form: e-mail through an endpoint or the visitor's mail program, copy link, system share.
 *
 * @slot - Fallback content, shown until the form is ready and whenever its configuration is wrong.
 *
 * @attr {string} data-config - JSON configuration (see the README for the fields).
 * @attr {string} data-config-src - Address of a JSON configuration file, fetched once.
 * @attr {string} heading-level - Level of the form's heading, 1–6; default 2.
 *
 * @csspart card - The form's outer box.
 * @csspart heading - The heading.
 * @csspart form - The form with its fields.
 * @csspart summary - The error summary at the top of the form.
 * @csspart submit - The send button; without an endpoint, the "Tipsa via e-post" link, styled as the same primary button.
 * @csspart notification - The banner that says a send failed or was refused, and what to do next.
 * @csspart panel - The confirmation that replaces the form after a send, with "send another".
 * @csspart status - The live region that reports sending, success and failure.
 * @csspart tools - The "copy link" and "share…" buttons (and the link to select where copying is refused).
 * @csspart privacy - The privacy notice.
 *
 * @cssprop [--ik-font-family=inherit] - Font of the whole form.
 * @cssprop [--ik-color-text=inherit] - Text colour.
 * @cssprop [--ik-color-background=transparent] - Card background.
 * @cssprop [--ik-color-border=#8c8c8c] - Card border colour.
 * @cssprop [--ik-border-width=1px] - Card border width.
 * @cssprop [--ik-radius=0.25rem] - Corner radius of the card, fields and buttons.
 * @cssprop [--ik-space=1rem] - Padding inside the card.
 * @cssprop [--ik-color-link=#0b57a4] - Link colour.
 * @cssprop [--ik-color-accent=#0b57a4] - Button colour.
 * @cssprop [--ik-color-on-accent=#fff] - Text on accent-coloured buttons.
 * @cssprop [--ik-color-focus=#ca3f00] - Focus outline colour.
 * @cssprop [--ik-color-error=#b3261e] - Error messages, the character count when over the limit, and the borders of the error summary and invalid fields.
 * @cssprop [--ik-heading-size=1.375em] - Heading font size.
 * @cssprop [--ik-line-height=1.5] - Line height.
 *
 * @fires ik-share-submit - About to send (or, without an endpoint, to open the mail program); cancelable. `detail`: the POST body.
 * @fires ik-share-success - The endpoint accepted the message. `detail`: the POST body.
 * @fires ik-share-error - Sending failed. `detail: {status, message}`; `status` is 0 for a network failure or timeout.
 * @fires ik-config-error - The configuration is wrong; the fallback is shown. `detail: {source, message}`.
 */
export class IkShareForm extends IkWidget<ShareConfig> {
  static override properties: PropertyDeclarations = {
    endpoint: {},
    url: {},
    pageTitle: { attribute: 'page-title' },
    timeout: { type: Number },
  };

  static override styles = [baseStyles, shareStyles];

  /** Where the form POSTs; without one, the visitor's mail program composes the message. */
  declare endpoint?: string | null;
  /** The address to share; defaults to `<link rel="canonical">`, else this page without its `#hash`. */
  declare url?: string | null;
  /** The title to share (attribute `page-title`); defaults to `document.title`. */
  declare pageTitle?: string | null;
  /** Milliseconds to wait for the endpoint before the send counts as failed. */
  timeout = 15_000;

  protected readonly widget = new WidgetController<ShareConfig>(this, shareSpec);

  // Private (#) members, which the minifier shortens. The state below is not
  // reactive: whatever changes it calls `requestUpdate()`.
  /** Field (or the server's error key) → `missing`, `format`, `long`, or the server's own text. */
  #problems: Record<string, string> = {};
  #note: Note = '';
  #messageLength = 0;
  /** The message length that screen readers last heard: set once typing pauses. */
  #spokenLength?: number;
  /** The form is hidden rather than removed after a send, so "send another" finds the sender's name and address still typed. */
  #sent?: boolean;
  /** From `Retry-After`: how long until the server takes messages again; 0 when it did not say. */
  #minutes?: number;
  #sending?: boolean;
  #countTimer?: ReturnType<typeof setTimeout>;
  /** The message being sent and its `Idempotency-Key`: the same on every retry, new once the text changes or it is sent. */
  #attempt?: { body: string; key: string };

  /** Sets the live region's note and renders. */
  #say(note: Note) {
    this.#note = note;
    this.requestUpdate();
  }

  override render() {
    const config = this.widget.value;
    if (!config) return fallback;
    const lang = this.widget.lang;
    const mailClient = !config.endpoint;
    const title = pick(config.heading, lang);
    const intro = pick(config.intro, lang);
    const notice = pick(config.privacy?.text, lang);
    const privacyHref = config.privacy?.href;
    // The default notice is about sending through the site: the mail-client mode sends nothing.
    const noticeText =
      notice.text ??
      (mailClient && !privacyHref
        ? ''
        : msg('Det du skriver skickas till mottagaren. Formuläret sparar inget.', {
            id: 'share.privacy',
            desc: 'Default privacy notice: what is sent, to whom, and that the form stores nothing',
          }));
    const page = this.#page();
    const copyLabel = msg('Kopiera länk', { id: 'share.copy', desc: "Button that copies the page's address" });
    const note = this.#note;
    const problems = Object.entries(this.#problems);
    const retryWhen = this.#minutes
      ? new Intl.RelativeTimeFormat(lang).format(this.#minutes, 'minute')
      : msg('senare', { id: 'share.later', desc: 'Completes "Try again …" when the server gives no time' });
    // Field labels and live-region notes, by key.
    const texts: Record<string, string> = {
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
    /** A problem with a field in words (each says how to fix it), or the server's own text. */
    const problemText = (name: string, problem: string) => {
      const missing = msg(str`Skriv ${texts[name]?.toLowerCase()}`, {
        id: 'share.missing',
        desc: 'Error for an empty field; the value is the field\'s label in lower case ("Skriv ditt namn": "Enter your name")',
      });
      return problem == 'missing'
        ? missing
        : problem == 'format'
          ? msg(str`${missing} i rätt format, till exempel namn@exempel.se`, {
              id: 'share.format',
              desc: 'Error for an e-mail address that is not one; the value is the "Enter …" error. Keep the example address',
            })
          : problem == 'long'
            ? msg(str`${texts.message} får vara högst ${MAX_MESSAGE} tecken`, {
                id: 'share.long',
                desc: "Error: the message is too long; the value is the field's label",
              })
            : problem;
    };
    const level = this.widget.level;
    const privacy = noticeText
      ? html`<p part="privacy" lang=${ifDefined(notice.lang)}>${privacyHref ? html`<a href=${privacyHref}>${noticeText}</a>` : noticeText}</p>`
      : nothing;
    // GOV.UK's notification banner: what went wrong, and what to do next. The live region below says it aloud.
    const failure = note == 'failed' || note == 'busy' || note == 'unavailable';
    const next =
      note == 'failed'
        ? msg('Det du skrev finns kvar. Tryck på Skicka för att försöka igen, eller kopiera länken och skicka den själv.', {
            id: 'share.failedNext',
            desc: 'What to do after a failed send: the typed text is kept; press the send button ("Skicka": use its translation) or copy the link',
          })
        : msg('Det du skrev finns kvar. Du kan också kopiera länken och skicka den själv.', {
            id: 'share.busyNext',
            desc: 'What to do while the server takes no tips: the typed text is kept; or copy the link',
          });
    const banner = failure
      ? html`<div class="banner" part="notification">
          ${subheading(level, 'banner__title', msg('Viktigt', { id: 'share.important', desc: 'Title of the notification banner shown when a tip could not be sent (GOV.UK: "Important")' }))}
          <div class="banner__body">
            <p class="banner__heading">${texts[note]}</p>
            <p>${next}</p>
          </div>
        </div>`
      : nothing;
    return html`<div class="card" part="card" lang=${lang}>
      ${heading(level, title.text ?? msg('Tipsa en vän', { id: 'share.heading', desc: 'Default heading of the share form' }), title.lang)}
      ${intro.text && !this.#sent ? html`<p lang=${ifDefined(intro.lang)}>${intro.text}</p>` : nothing}
      ${
        mailClient
          ? html`${privacy}
            <p>
              <a
                class="button"
                part="submit"
                href=${mailtoHref(page.title, `${page.title}\r\n${page.url}`)}
                @click=${(event: Event) => fire(this, 'ik-share-submit', this.#payload({}), true) || event.preventDefault()}
                >${msg('Tipsa via e-post', { id: 'share.mail', desc: "Link that opens the visitor's mail program with the page's title and address" })}</a
              >
            </p>`
          : html`${banner}
            ${
              this.#sent
                ? html`<div class="panel" part="panel">
                  ${subheading(level, 'panel__title', msg('Tipset är skickat', { id: 'share.sentTitle', desc: 'Title of the confirmation panel after a successful send' }))}
                  <p>${msg('Tack! Din vän får ett e-postmeddelande med länken till sidan.', { id: 'share.sentBody', desc: 'Text of the confirmation panel: thanks, and what the friend receives' })}</p>
                  <button class="again" @click=${this.#again}>${msg('Skicka ett till', { id: 'share.again', desc: 'Button after success: empties recipient and message for another tip' })}</button>
                </div>`
                : nothing
            }
            <form part="form" novalidate ?hidden=${this.#sent} @submit=${this.#submit} @input=${this.#input}>
              <p>${msg('Alla fält måste fyllas i.', { id: 'share.required', desc: 'Says once that every field is required' })}</p>
              ${
                problems[0]
                  ? html`<div class="summary" part="summary" tabindex="-1">
                    <div role="alert">
                      ${subheading(level, 'summary__title', msg('Det finns ett problem', { id: 'share.summary', desc: 'Title of the error summary' }))}
                      <ul>
                        ${problems.map(
                          ([name, problem]) =>
                            html`<li>${FIELDS.includes(name) ? html`<a href="#${name}" @click=${(event: Event) => this.#focusOn(`#${name}`, event)}>${problemText(name, problem)}</a>` : problemText(name, problem)}</li>`,
                        )}
                      </ul>
                    </div>
                  </div>`
                  : nothing
              }
              ${FIELDS.map((name) => this.#field(name, texts[name], this.#problems[name] && problemText(name, this.#problems[name]), lang))}
              <input class="offscreen" name="website" tabindex="-1" autocomplete="off" aria-hidden="true" />
              ${privacy}
              <button part="submit">${msg('Skicka', { id: 'share.send', desc: 'Submit button' })}</button>
            </form>`
      }
      <p role="status" part="status" class=${failure || note == 'sent' ? 'offscreen' : ''}>${texts[note]}${failure ? ` ${next}` : ''}</p>
      <div part="tools">
        <button class="secondary" @click=${this.#copy}>${copyLabel}</button>
        ${
          'share' in navigator
            ? html`<button class="secondary" @click=${() => navigator.share(page).catch(() => {})}>${msg('Dela…', { id: 'share.share', desc: "Button that opens the system's share sheet" })}</button>`
            : nothing
        }
        ${note == 'select' ? html`<input readonly aria-label=${copyLabel} .value=${page.url} />` : nothing}
      </div>
    </div>`;
  }

  /**
   * One field: label, inline error, control and, under it, its hint or
   * character count. The controls keep what was typed in the DOM: no render
   * ever writes their values, so a failed send cannot lose a character.
   */
  #field(name: string, label: string, error: string | undefined, lang: string) {
    const length = this.#messageLength;
    const hint =
      name == 'message'
        ? html`<p id="message-hint" class=${length > MAX_MESSAGE ? 'error' : ''} aria-hidden="true">${countText(length, lang)}</p>
            <p class="offscreen" aria-live="polite">${this.#spokenLength == null ? '' : countText(this.#spokenLength, lang)}</p>`
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

  #input(event: Event) {
    const { id, value } = event.target as HTMLTextAreaElement;
    if (id != 'message') return;
    this.#messageLength = value.length;
    this.requestUpdate();
    // GOV.UK's pattern: screen readers hear the count once typing pauses, not at every key.
    clearTimeout(this.#countTimer);
    this.#countTimer = setTimeout(() => {
      this.#spokenLength = value.length;
      this.requestUpdate();
    }, 1000);
  }

  /** The page to share: the configured address made absolute, else the canonical one, else this page. */
  #page() {
    const config = this.widget.value!;
    return {
      url: new URL(
        config.url ?? (document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href || location.href.split('#')[0]),
        document.baseURI,
      ).href,
      title: pick(config.pageTitle, this.widget.lang).text ?? document.title,
    };
  }

  /** The POST body: what was typed (nothing, for the mail program), and the page. */
  #payload(typed: Partial<SharePayload>): SharePayload {
    return { to: '', name: '', from: '', message: '', ...typed, ...this.#page(), lang: this.widget.lang };
  }

  async #submit(event: Event) {
    event.preventDefault();
    if (this.#sending) return;
    const form = event.target as HTMLFormElement;
    // The browser's own checks: `type=email` follows the HTML standard's definition of an address.
    const problems: Record<string, string> = {};
    for (const field of form.querySelectorAll<HTMLInputElement>('.field [name]')) {
      const { id, value } = field;
      const problem =
        field.required && !value.trim()
          ? 'missing'
          : field.type == 'email'
            ? (field.validity.typeMismatch || value.length > 254) && 'format'
            : id == 'message' && value.length > MAX_MESSAGE && 'long';
      if (problem) problems[id] = problem;
    }
    this.#problems = problems;
    this.#say('');
    // GOV.UK: the summary takes the focus, and its inner alert (never the focused element itself) is announced.
    if (Object.keys(problems)[0]) return this.#focusOn('[part=summary]');

    const { website, ...typed } = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const payload = this.#payload(typed);
    // Only a bot fills the hidden field: it is told "sent" and learns nothing.
    if (website) return this.#succeed();
    if (!fire(this, 'ik-share-submit', payload, true)) return;

    this.#sending = true;
    this.#say('sending');
    const body = JSON.stringify(payload);
    if (this.#attempt?.body != body) this.#attempt = { body, key: newIdempotencyKey() };
    const answer = await postShare(this.widget.value!.endpoint!, payload, this.#attempt.key, this.timeout);
    this.#sending = false;
    if (answer.outcome == 'sent') {
      this.#attempt = undefined;
      return this.#succeed(payload);
    }
    if (answer.outcome == 'invalid') {
      this.#problems = answer.errors;
      this.#say('');
      this.#focusOn('[part=summary]');
    } else if (answer.outcome == 'failed') this.#say('failed');
    else {
      this.#minutes = answer.minutes;
      this.#say(answer.outcome);
    }
    fire(this, 'ik-share-error', { status: answer.status, message: answer.message } satisfies ShareErrorDetail);
  }

  #succeed(payload?: SharePayload) {
    this.#sent = true;
    this.#say('sent');
    if (payload) fire(this, 'ik-share-success', payload);
    this.#focusOn('.again');
  }

  /** "Send another": the sender's name and address stay, for the next friend. */
  #again() {
    this.renderRoot.querySelectorAll<HTMLInputElement>('#to,#message').forEach((field) => (field.value = ''));
    this.#sent = false;
    this.#messageLength = 0;
    this.#spokenLength = undefined;
    this.#say('');
    this.#focusOn('#to');
  }

  async #focusOn(selector: string, event?: Event) {
    // Links in a shadow root cannot jump to its ids: the summary's links move focus themselves.
    event?.preventDefault();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  async #copy() {
    try {
      await navigator.clipboard.writeText(this.#page().url);
      this.#say('copied');
    } catch {
      // No clipboard access (an insecure page, a refused permission): select the link for the visitor to copy.
      this.#say('select');
      await this.updateComplete;
      const field = this.renderRoot.querySelector<HTMLInputElement>('[readonly]')!;
      field.focus();
      field.select();
    }
  }
}
