// The contact card's configuration check as the bundle has it: the descriptor, clean() and the card's own rule.
import { clean } from '../../src/shared/schema.ts';
import { contactSpec } from '../../src/contact-card/contact-card.config.ts';

export const validate = (value) => {
  const issues = [];
  const out = clean(contactSpec.schema, value, '', issues, true);
  return [out, issues.length ? issues : contactSpec.check(out)];
};
