import { str } from '@lit/localize';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { WidgetController } from '../shared/config-controller.js';
import { pick, type Lang } from '../shared/lang.js';
import type { Text } from '../shared/schema.js';
import { baseStyles, fallback, heading } from '../shared/styles.js';
import { msg } from '../shared/translate.js';
import { IkWidget } from '../shared/widget.js';
import { manifestoSpec, parseDate, type ManifestoConfig } from './manifesto-card.config.js';
import { manifestoStyles } from './manifesto-card.styles.js';

/**
 * The network's manifesto, published once and shown on every member's site:
 * heading, lead, key figures, body text, the prioritised areas, closing text,
 * a link to the whole manifesto and a "last reviewed" line. Meant to be fed
 * one centrally hosted JSON file through `data-config-src`.
 *
 * @tag ik-manifesto-card
 * @tagname ik-manifesto-card
 * @summary A manifesto with key figures and prioritised areas, from one shared JSON file.
 *
 * @attr {string} data-config-src - Address of the shared manifesto JSON, fetched once with a plain CORS GET.
 * @attr {string} data-config - JSON configuration; its fields override the fetched file's one by one.
 * @attr {string} heading-level - Level of the card's heading, 1–6; default 2.
 *
 * @slot - Fallback content, shown until the card is ready and whenever its configuration is wrong.
 *
 * @cssstate loading - Showing the fallback while the card is on its way (its data-config-src file or its
 *   language's strings not yet loaded): keep the card's place with `:state(loading)` (README).
 * @csspart card - The card's outer box.
 * @csspart heading - The card's heading.
 * @csspart lead - The lead paragraph.
 * @csspart figures - The list of key figures.
 * @csspart value - The number of each key figure.
 * @csspart body - Each body paragraph.
 * @csspart priorities - The list of prioritised areas.
 * @csspart closing - The closing paragraph.
 * @csspart link - The link to the whole manifesto.
 * @csspart reviewed - The "last reviewed" line.
 *
 * @cssprop [--ik-font-family=inherit] - Font of the whole card.
 * @cssprop [--ik-color-text=inherit] - Text colour.
 * @cssprop [--ik-color-background=transparent] - Card background.
 * @cssprop [--ik-color-border=#8c8c8c] - Card border colour.
 * @cssprop [--ik-border-width=1px] - Card border width.
 * @cssprop [--ik-radius=0.25rem] - Corner radius of the card.
 * @cssprop [--ik-space=1rem] - Padding inside the card.
 * @cssprop [--ik-color-link=#0b57a4] - Link colour.
 * @cssprop [--ik-color-accent=#0b57a4] - Colour of the key figures' numbers and their bar.
 * @cssprop [--ik-color-focus=#ca3f00] - Focus outline colour.
 * @cssprop [--ik-color-muted=#595959] - Colour of the "last reviewed" line.
 * @cssprop [--ik-heading-size=1.375em] - Heading font size.
 * @cssprop [--ik-line-height=1.5] - Line height.
 *
 * @fires ik-config-error - The configuration is wrong; the fallback is shown. `detail: {source, message}`.
 */
export class IkManifestoCard extends IkWidget<ManifestoConfig> {
  static override styles = [baseStyles, manifestoStyles];

  protected readonly widget = new WidgetController<ManifestoConfig>(this, manifestoSpec);

  override render() {
    const config = this.widget.value;
    if (!config) return fallback;
    const lang = this.widget.lang;
    // British English writes dates as Swedish does (20 December 2016); every other language is its own locale.
    const locale = lang == 'en' ? 'en-GB' : lang;
    const inlineText = (value: Text | undefined) => inline(value, lang);
    const { link, reviewed } = config;
    const title = pick(config.heading, lang);
    return html`<div class="card" part="card" lang=${lang} dir=${this.widget.dir}>
      ${heading(this.widget.level, title.text, title.lang, title.dir)} ${paragraph(config.lead, lang, 'lead')}
      ${list(
        'figures',
        config.figures,
        // The number stays inline in its item, so a screen reader reads figure and label as one sentence.
        (figure) =>
          html`${inlineText(figure.qualifier)} <strong part="value">${figure.value.toLocaleString(locale)}</strong> ${inlineText(figure.label)}`,
      )}
      ${config.body?.map((text) => paragraph(text, lang, 'body'))}
      ${list('priorities', config.priorities, (priority) => html`<b>${linked(priority.href, inlineText(priority.title))}</b> ${inlineText(priority.text)}`)}
      ${paragraph(config.closing, lang, 'closing')}
      ${link?.href ? html`<p part="link">${linked(link.href, inlineText(link.text))}</p>` : nothing}
      ${reviewed ? html`<p part="reviewed">${reviewedLine(reviewed, lang, locale)}</p>` : nothing}
    </div>`;
  }
}

/** Text that may be in another language, marked with its own `lang` (and `dir`) when it is. */
function inline(value: Text | undefined, lang: Lang) {
  const picked = pick(value, lang);
  return picked.lang ? html`<span lang=${picked.lang} dir=${ifDefined(picked.dir)}>${picked.text}</span>` : picked.text;
}

const paragraph = (value: Text | undefined, lang: Lang, name: string) =>
  value ? html`<p part=${name}>${inline(value, lang)}</p>` : nothing;

function list<T>(name: string, items: T[] | undefined, item: (value: T) => unknown) {
  return items?.length ? html`<ul part=${name}>${items.map((value) => html`<li>${item(value)}</li>`)}</ul>` : nothing;
}

const linked = (href: string | undefined, content: unknown) => (href ? html`<a href=${href}>${content}</a>` : content);

/**
 * "Senast granskad 20 december 2016 av Katarina Loodh". The translated sentence
 * is a string, so the date is found in it again and wrapped in `<time>`: the
 * translator keeps control of the word order.
 */
function reviewedLine({ date, by }: NonNullable<ManifestoConfig['reviewed']>, lang: Lang, locale: string) {
  const shown = parseDate(date).toLocaleDateString(locale, { dateStyle: 'long' });
  const name = pick(by, lang).text;
  const sentence = name
    ? msg(str`Senast granskad ${shown} av ${name}`, {
        id: 'manifesto.reviewedBy',
        desc: 'Last-reviewed line: the date, then who reviewed the text',
      })
    : msg(str`Senast granskad ${shown}`, { id: 'manifesto.reviewed', desc: 'Last-reviewed line: the date the text was last reviewed' });
  const at = sentence.indexOf(shown);
  return [sentence.slice(0, at), html`<time datetime=${date}>${shown}</time>`, sentence.slice(at + shown.length)];
}
