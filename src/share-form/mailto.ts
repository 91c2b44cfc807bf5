/**
 * A `mailto:` link that opens the visitor's mail program with a subject and a
 * body filled in; the visitor picks the recipient there, from their own address
 * book. RFC 6068 wants the values percent-encoded as UTF-8: `encodeURIComponent`
 * does that for å, ä and ö, and turns CR LF line breaks into `%0D%0A`.
 */
export const mailtoHref = (subject: string, body: string) =>
  `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
