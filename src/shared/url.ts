/**
 * The one URL policy of the widgets: which addresses become links, which may
 * be fetched or posted to, and how phone numbers and e-mail addresses become
 * `tel:` and `mailto:` links.
 */

const SAFE_SCHEMES = ['http:', 'https:', 'mailto:', 'tel:'];

/** The scheme the browser would resolve `href` to, or undefined when it is no URL. */
function schemeOf(href: string): string | undefined {
  try {
    return new URL(href, document.baseURI).protocol;
  } catch {
    return undefined;
  }
}

/**
 * True when the browser would resolve `href` to one of the schemes we link to.
 * The browser's own URL parser decides, so tricks such as `java\tscript:` or
 * upper case are seen exactly as a click would see them.
 */
export const isSafeHref = (href: string) => SAFE_SCHEMES.includes(schemeOf(href)!);

/** True for an address the widgets may fetch from or post to: `https:`, `http:` or relative. */
export const isHttpAddress = (href: string) => /^https?:$/.test(schemeOf(href) ?? '');

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** An e-mail address as one line with nothing that could start another header or field. */
export const isEmail = (address: string) => EMAIL.test(address);

/** Something with digits that no scheme hides behind (`javascript:1`). */
export const isPhone = (number: string) => /\d/.test(number) && !/[a-z]{2,}:/i.test(number);

/**
 * A `tel:` link in E.164 form. A Swedish national number (leading `0`) gets
 * `+46` in place of its `0`; a number written with `+` or `00` keeps its
 * country code; short numbers (`112`, `1177`) stay as they are.
 */
export function telHref(number: string): string | undefined {
  const digits = number.replace(/\D/g, '');
  if (!digits) return undefined;
  const international = /^\s*\+/.test(number) ? digits : digits.startsWith('00') ? digits.slice(2) : undefined;
  if (international) return `tel:+${international}`;
  return digits.startsWith('0') ? `tel:+46${digits.slice(1)}` : `tel:${digits}`;
}

export const mailHref = (address: string) => `mailto:${address}`;

/**
 * A `mailto:` link that opens the visitor's mail program with a subject and a
 * body filled in; the visitor picks the recipient there, from their own address
 * book. RFC 6068 wants the values percent-encoded as UTF-8: `encodeURIComponent`
 * does that for å, ä and ö, and turns CR LF line breaks into `%0D%0A`.
 */
export const mailtoHref = (subject: string, body: string) =>
  `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
