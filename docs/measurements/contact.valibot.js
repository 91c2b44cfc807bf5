// The contact card's configuration check written with valibot 1.5, as close to the hand-rolled one as valibot
// allows: the same fields, null and "" as absent, safe links, e-mail and phone rules, "a name somewhere", and
// messages with the field's path. It is a lower bound: it does not drop an unsafe link with a warning and keep
// the card, as clean() does. Measured by measure.mjs; not part of the project.
import * as v from 'valibot';
const SAFE = ['http:', 'https:', 'mailto:', 'tel:'];
const isSafeHref = (href) => { try { return SAFE.includes(new URL(href, document.baseURI).protocol); } catch { return false; } };
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
// null and "" count as absent, as in the hand-rolled clean()
const opt = (schema) => v.optional(v.union([v.pipe(v.union([v.null(), v.literal('')]), v.transform(() => undefined)), schema]));
const text = v.union([
  v.string(),
  v.pipe(v.object({ sv: v.optional(v.string()), en: v.optional(v.string()) }), v.check((t) => t.sv !== undefined || t.en !== undefined, 'must be text or {"sv": "…", "en": "…"}')),
]);
const link = v.pipe(v.string(), v.trim(), v.check(isSafeHref, 'is not a safe link'));
const email = v.pipe(v.string(), v.trim(), v.transform((s) => s.replace(/^mailto:/i, '')), v.regex(EMAIL, 'is not a safe email'));
const phone = v.pipe(v.string(), v.trim(), v.check((s) => /\d/.test(s) && !/[a-z]{2,}:/i.test(s), 'is not a safe phone'));
const phoneSchema = v.object({ number: phone, kind: opt(v.picklist(['work', 'mobile', 'switchboard', 'fax'])), label: opt(text) });
export const contactSchema = v.pipe(
  v.object({
    heading: opt(text),
    person: opt(v.object({ name: opt(text), role: opt(text), phones: opt(v.array(phoneSchema)), email: opt(email) })),
    unit: opt(v.object({
      name: opt(text),
      address: opt(v.object({ street: opt(text), postalCode: opt(text), locality: opt(text) })),
      phone: opt(phone),
      email: opt(email),
      url: opt(link),
    })),
  }),
  v.check((c) => !!(c.person?.name || c.unit?.name), 'needs a name: add "person.name" or "unit.name"'),
);
export const validate = (value) => {
  const result = v.safeParse(contactSchema, value);
  return [result.output, result.issues?.map((issue) => `"${v.getDotPath(issue) ?? ''}" ${issue.message}`)];
};
