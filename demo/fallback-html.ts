/**
 * The plain-HTML fallback of each element, made from its configuration: what visitors without JavaScript and
 * search engines see, and what shows whenever the configuration is wrong. The one writer of it: the builder
 * imports this module, and the WordPress plugin's build bundles it into the block editor's script.
 */
import { LANGUAGES, type Language } from '../src/contract/languages.js';
import { pick, type Lang } from '../src/shared/lang.js';
import type { Text } from '../src/shared/schema.js';
import { mailHref, mailtoHref, telHref } from '../src/shared/url.js';

/** The three elements. */
export type Tag = 'ik-contact-card' | 'ik-manifesto-card' | 'ik-share-form';

/**
 * Words of the fallback content, in the language of the page: one entry for each language of the contract (a
 * language added there is a type error here until it has its words). The Finnish and Arabic ones have not been
 * reviewed by a speaker yet.
 */
export const fallbackWords: Record<Language, Record<string, string>> = {
  sv: {
    contact: 'Kontakt',
    phone: 'Telefon',
    mobile: 'Mobil',
    switchboard: 'Växel',
    fax: 'Fax',
    email: 'E-post',
    website: 'Webbplats',
    share: 'Tipsa en vän om den här sidan.',
    shareMail: 'Tipsa via e-post',
    shareCopy: 'Tipsa en vän om sidan: kopiera adressen i webbläsarens adressfält och skicka den till din vän.',
  },
  en: {
    contact: 'Contact',
    phone: 'Phone',
    mobile: 'Mobile',
    switchboard: 'Switchboard',
    fax: 'Fax',
    email: 'E-mail',
    website: 'Website',
    share: 'Tell a friend about this page.',
    shareMail: 'Tell a friend by e-mail',
    shareCopy: "Tell a friend about this page: copy the address in the browser's address bar and send it to your friend.",
  },
  // Finnish and Arabic: not yet reviewed by a speaker, as their XLIFF files (README, "Languages").
  fi: {
    contact: 'Yhteystiedot',
    phone: 'Puhelin',
    mobile: 'Matkapuhelin',
    switchboard: 'Vaihde',
    fax: 'Faksi',
    email: 'Sähköposti',
    website: 'Verkkosivusto',
    share: 'Vinkkaa ystävälle tästä sivusta.',
    shareMail: 'Vinkkaa sähköpostilla',
    shareCopy: 'Vinkkaa ystävälle tästä sivusta: kopioi osoite selaimen osoiteriviltä ja lähetä se ystävällesi.',
  },
  ar: {
    contact: 'للتواصل',
    phone: 'الهاتف',
    mobile: 'الجوال',
    switchboard: 'المقسم',
    fax: 'الفاكس',
    email: 'البريد الإلكتروني',
    website: 'الموقع الإلكتروني',
    share: 'أرسل هذه الصفحة إلى صديق.',
    shareMail: 'أرسل الصفحة بالبريد الإلكتروني',
    shareCopy: 'أرسل هذه الصفحة إلى صديق: انسخ العنوان من شريط العنوان في المتصفح وأرسله إلى صديقك.',
  },
};

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or as the value of a quoted attribute (either quote). */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ENTITIES[char]);

/**
 * Text as the value of a single-quoted attribute: only `&` and `'` need escaping
 * there, so the JSON's double quotes stay readable for the editor.
 */
export const escapeSingleQuoted = (text: string) => text.replace(/[&']/g, (char) => ENTITIES[char]);

const direction = (lang: string) => (LANGUAGES as Record<string, { dir: string }>)[lang]?.dir ?? 'ltr';

/**
 * Text of an element's fallback, in the page's language, marked with its own
 * `lang` (and `dir`, where it differs) when only another language has it (as the elements do).
 */
function textHtml(text: Text | undefined, lang: Language) {
  // Any language code picks at run time; the cast is for as long as the widgets' Lang lists fewer than the contract.
  const picked = pick(text, lang as Lang);
  if (!picked.text) return '';
  if (!picked.lang) return escapeHtml(picked.text);
  const dir = direction(picked.lang) == direction(lang) ? '' : ` dir="${direction(picked.lang)}"`;
  return `<span lang="${picked.lang}"${dir}>${escapeHtml(picked.text)}</span>`;
}

const link = (href: string, content: string, dir = '') => `<a href="${escapeHtml(href)}"${dir}>${content}</a>`;

/**
 * Plain HTML with the same content as the card, for visitors without
 * JavaScript, search engines, and whenever the configuration is wrong. Short on
 * purpose: the essentials, with working links.
 */
export function fallbackHtml(tag: Tag, config: any, lang: Language, headingLevel = 2): string[] {
  const words = fallbackWords[lang];
  // Phone numbers and addresses read left to right, also on a right-to-left page.
  const address = direction(lang) == 'rtl' ? ' dir="ltr"' : '';
  const lines = (parts: (string | false | undefined)[]) => parts.filter(Boolean).join('<br>');
  if (tag == 'ik-contact-card') {
    const { person, unit } = config ?? {};
    const phone = (number: string, label: string) => {
      const href = telHref(number);
      if (href) return `${label}: ${link(href, escapeHtml(number), address)}`;
      return `${label}: ${address ? `<span${address}>${escapeHtml(number)}</span>` : escapeHtml(number)}`;
    };
    const email = (email?: string) => email && `${words.email}: ${link(mailHref(email), escapeHtml(email), address)}`;
    const paragraphs = [
      person &&
        lines([
          [textHtml(person.name, lang), textHtml(person.role, lang)].filter(Boolean).join(', '),
          ...(person.phones ?? []).map((item: any) =>
            phone(item.number, textHtml(item.label, lang) || words[item.kind ?? 'phone'] || words.phone),
          ),
          email(person.email),
        ]),
      unit &&
        lines([
          textHtml(unit.name, lang),
          textHtml(unit.address?.street, lang),
          [textHtml(unit.address?.postalCode, lang), textHtml(unit.address?.locality, lang)].filter(Boolean).join(' '),
          unit.phone && phone(unit.phone, words.switchboard),
          email(unit.email),
          unit.url && `${words.website}: ${link(unit.url, escapeHtml(unit.url.replace(/^https?:\/\/|\/$/g, '')), address)}`,
        ]),
    ];
    return paragraphs.filter(Boolean).map((paragraph) => `<p>${paragraph}</p>`);
  }
  if (tag == 'ik-manifesto-card') {
    const { heading, lead, link: whole } = config ?? {};
    return [
      heading && `<h${headingLevel}>${textHtml(heading, lang)}</h${headingLevel}>`,
      lead && `<p>${textHtml(lead, lang)}</p>`,
      whole?.href && whole.text && `<p>${link(whole.href, textHtml(whole.text, lang))}</p>`,
    ].filter(Boolean) as string[];
  }
  const { intro, url, pageTitle } = config ?? {};
  const title = pick(pageTitle, lang as Lang).text ?? url;
  // The element's own mail link, with the same subject and body: it works without JavaScript too.
  return [
    url
      ? `<p>${textHtml(intro, lang) || words.share} ${link(mailtoHref(title, `${title}\r\n${url}`), words.shareMail)}</p>`
      : `<p>${[textHtml(intro, lang), words.shareCopy].filter(Boolean).join(' ')}</p>`,
  ];
}
