import { list, object, string, text, url, type Infer } from '../shared/schema.js';
import type { WidgetSpec } from '../shared/config.js';

export const phoneKinds = ['work', 'mobile', 'switchboard', 'fax'] as const;

export const phoneSchema = object({ number: url('phone'), kind: string(phoneKinds), label: text }, ['number']);

export const contactSchema = object({
  heading: text,
  person: object({ name: text, role: text, phones: list(phoneSchema), email: url('email') }),
  unit: object({
    name: text,
    address: object({ street: text, postalCode: text, locality: text }),
    phone: url('phone'),
    email: url('email'),
    url: url(),
  }),
});

export type ContactConfig = Infer<typeof contactSchema>;
export type Phone = Infer<typeof phoneSchema>;

/** The attributes `name`, `role`, `phone` and `email`: the simplest embed, a person with no JSON. */
export interface ContactAttributes {
  name?: string | null;
  /** The `person-role` (or `role`) attribute, which the card keeps as `personRole` (a host `role` would be an ARIA role). */
  personRole?: string | null;
  phone?: string | null;
  email?: string | null;
}

export const contactSpec: WidgetSpec<ContactConfig> = {
  schema: contactSchema,
  fromAttributes: ({ name, personRole: role, phone, email }: ContactAttributes) =>
    name || role || phone || email ? { person: { name, role, email, phones: phone ? [{ number: phone }] : undefined } } : undefined,
  check: (config) => (config.person?.name || config.unit?.name ? undefined : { code: 'needs-name', path: '' }),
};
