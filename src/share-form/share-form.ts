import { html, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { MESSAGE_LIMIT, VISITOR_FIELDS } from '../contract/share.js';
import { WidgetController } from '../shared/config-controller.js';
import { pick } from '../shared/lang.js';
import { baseStyles, fallback, heading } from '../shared/styles.js';
import { msg } from '../shared/translate.js';
import { IkWidget } from '../shared/widget.js';
import { shareSpec, type ShareConfig } from './share-form.config.js';
import { shareStyles } from './share-form.styles.js';
import {
  banner,
  errorSummary,
  field,
  mailLink,
  nextStep,
  privacyNotice,
  problemText,
  sentPanel,
  shareTexts,
  tools,
  type Note,
} from './share-form.view.js';
import { newIdempotencyKey, postShare, type ShareErrorDetail, type SharePayload } from './share-send.js';

export type { ShareErrorDetail, SharePayload };

/** A reactive property that is the view's own state: neither attribute nor public API. */
const state = { state: true };

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
 * @cssstate loading - Showing the fallback while the card is on its way (its data-config-src file or its
 *   language's strings not yet loaded): keep the card's place with `:state(loading)` (README).
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
    _problems: state,
    _note: state,
    _messageLength: state,
    _spokenLength: state,
    _sent: state,
    _minutes: state,
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

  // The view's state: Lit state properties, so setting one renders. Private (`_`), which the minifier shortens.
  /** Field (or the server's error key) → `missing`, `format`, `long`, or the server's own text. */
  private _problems: Record<string, string> = {};
  /** What the live region says. */
  private _note: Note = '';
  /** The message's length as typed. */
  private _messageLength = 0;
  /** The message length that screen readers last heard: set once typing pauses. */
  private _spokenLength?: number;
  /** The form is hidden rather than removed after a send, so "send another" finds the sender's name and address still typed. */
  private _sent?: boolean;
  /** From `Retry-After`: how long until the server takes messages again; 0 when it did not say. */
  private _minutes?: number;

  // Not shown: private (#) fields.
  #sending?: boolean;
  #countTimer?: ReturnType<typeof setTimeout>;
  /** The message being sent and its `Idempotency-Key`: the same on every retry, new once the text changes or it is sent. */
  #attempt?: { body: string; key: string };

  override render() {
    const config = this.widget.value;
    if (!config) return fallback;
    const { lang, level } = this.widget;
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
    const { _note: note, _problems: problems } = this;
    const texts = shareTexts(lang, this._minutes);
    const privacy = privacyNotice(noticeText, notice.lang, privacyHref, notice.dir);
    // A send that did not go through: the banner's states.
    const failure = note == 'failed' || note == 'busy' || note == 'unavailable';
    const next = nextStep(note);
    return html`<div class="card" part="card" lang=${lang} dir=${this.widget.dir}>
      ${heading(level, title.text ?? msg('Tipsa en vän', { id: 'share.heading', desc: 'Default heading of the share form' }), title.lang, title.dir)}
      ${intro.text && !this._sent ? html`<p lang=${ifDefined(intro.lang)} dir=${ifDefined(intro.dir)}>${intro.text}</p>` : nothing}
      ${
        mailClient
          ? html`${privacy}
            ${mailLink(page, (event: Event) => fire(this, 'ik-share-submit', this.#payload({}), true) || event.preventDefault())}`
          : html`${failure ? banner(level, texts[note], next) : nothing}
            ${this._sent ? sentPanel(level, this.#again) : nothing}
            <form part="form" novalidate ?hidden=${this._sent} @submit=${this.#submit} @input=${this.#input}>
              <p>${msg('Alla fält måste fyllas i.', { id: 'share.required', desc: 'Says once that every field is required' })}</p>
              ${Object.keys(problems)[0] ? errorSummary(level, Object.entries(problems), texts, (selector, event) => this.#focusOn(selector, event)) : nothing}
              ${VISITOR_FIELDS.map((name) => field(name, texts[name], problems[name] && problemText(texts, name, problems[name]), lang, this._messageLength, this._spokenLength))}
              <input class="offscreen" name="website" tabindex="-1" autocomplete="off" aria-hidden="true" />
              ${privacy}
              <button part="submit">${msg('Skicka', { id: 'share.send', desc: 'Submit button' })}</button>
            </form>`
      }
      <p role="status" part="status" class=${failure || note == 'sent' ? 'offscreen' : ''}>${texts[note]}${failure ? ` ${next}` : ''}</p>
      ${tools(page, note, this.#copy)}
    </div>`;
  }

  #input(event: Event) {
    const { id, value } = event.target as HTMLTextAreaElement;
    if (id != 'message') return;
    this._messageLength = value.length;
    // GOV.UK's pattern: screen readers hear the count once typing pauses, not at every key.
    clearTimeout(this.#countTimer);
    this.#countTimer = setTimeout(() => {
      this._spokenLength = value.length;
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
            : id == 'message' && value.length > MESSAGE_LIMIT && 'long';
      if (problem) problems[id] = problem;
    }
    this._problems = problems;
    this._note = '';
    // GOV.UK: the summary takes the focus, and its inner alert (never the focused element itself) is announced.
    if (Object.keys(problems)[0]) return this.#focusOn('[part=summary]');

    const { website, ...typed } = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const payload = this.#payload(typed);
    // Only a bot fills the hidden field: it is told "sent" and learns nothing.
    if (website) return this.#succeed();
    if (!fire(this, 'ik-share-submit', payload, true)) return;

    this.#sending = true;
    this._note = 'sending';
    const body = JSON.stringify(payload);
    if (this.#attempt?.body != body) this.#attempt = { body, key: newIdempotencyKey() };
    const answer = await postShare(this.widget.value!.endpoint!, payload, this.#attempt.key, this.timeout);
    this.#sending = false;
    if (answer.outcome == 'sent') {
      this.#attempt = undefined;
      return this.#succeed(payload);
    }
    if (answer.outcome == 'invalid') {
      this._problems = answer.errors;
      this._note = '';
      this.#focusOn('[part=summary]');
    } else if (answer.outcome == 'failed') this._note = 'failed';
    else {
      this._minutes = answer.minutes;
      this._note = answer.outcome;
    }
    fire(this, 'ik-share-error', { status: answer.status, message: answer.message } satisfies ShareErrorDetail);
  }

  #succeed(payload?: SharePayload) {
    this._sent = true;
    this._note = 'sent';
    if (payload) fire(this, 'ik-share-success', payload);
    this.#focusOn('.again');
  }

  /** "Send another": the sender's name and address stay, for the next friend. */
  #again() {
    this.renderRoot.querySelectorAll<HTMLInputElement>('#to,#message').forEach((field) => (field.value = ''));
    this._sent = false;
    this._messageLength = 0;
    this._spokenLength = undefined;
    this._note = '';
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
      this._note = 'copied';
    } catch {
      // No clipboard access (an insecure page, a refused permission): select the link for the visitor to copy.
      this._note = 'select';
      await this.updateComplete;
      const field = this.renderRoot.querySelector<HTMLInputElement>('[readonly]')!;
      field.focus();
      field.select();
    }
  }
}
