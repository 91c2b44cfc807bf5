import { str } from '@lit/localize';
import { MESSAGE_LIMIT } from '../contract/share.js';
import { msg } from '../shared/translate.js';

/**
 * The character count under the message: GOV.UK's wording, which also says by how much it is over. One message per
 * plural category (Intl.PluralRules), so that each language uses its own forms: Swedish and Finnish `one` and
 * `other`, Arabic `zero`, `one`, `two`, `few`, `many` and `other`. A category that a language's file leaves out reads
 * the `other` message; Swedish, the source, says "tecken" for any number.
 */
export function countText(length: number, lang: string): string {
  const count = Math.abs(MESSAGE_LIMIT - length);
  const category = new Intl.PluralRules(lang).select(count);
  // Each `msg()` is written out, so that lit-localize finds it and a translator sees its note.
  if (length > MESSAGE_LIMIT)
    switch (category) {
      case 'one':
        return msg(str`Du har ${count} tecken för mycket`, {
          id: 'share.countOver.one',
          desc: 'Character count, over the limit: plural category "one" (1 in most languages)',
        });
      case 'two':
        return msg(str`Du har ${count} tecken för mycket`, {
          id: 'share.countOver.two',
          desc: 'Character count, over the limit: plural category "two" (Arabic: 2)',
        });
      case 'few':
        return msg(str`Du har ${count} tecken för mycket`, {
          id: 'share.countOver.few',
          desc: 'Character count, over the limit: plural category "few" (Arabic: 3–10, 103–110 …)',
        });
      case 'many':
        return msg(str`Du har ${count} tecken för mycket`, {
          id: 'share.countOver.many',
          desc: 'Character count, over the limit: plural category "many" (Arabic: 11–99, 111–199 …)',
        });
      default:
        return msg(str`Du har ${count} tecken för mycket`, {
          id: 'share.countOver.other',
          desc: 'Character count, over the limit: plural category "other" (every number without a category of its own)',
        });
    }
  switch (category) {
    case 'zero':
      return msg(str`Du har ${count} tecken kvar`, {
        id: 'share.countLeft.zero',
        desc: 'Character count while typing: plural category "zero" (Arabic: 0 characters left)',
      });
    case 'one':
      return msg(str`Du har ${count} tecken kvar`, {
        id: 'share.countLeft.one',
        desc: 'Character count while typing: plural category "one" (1 in most languages)',
      });
    case 'two':
      return msg(str`Du har ${count} tecken kvar`, {
        id: 'share.countLeft.two',
        desc: 'Character count while typing: plural category "two" (Arabic: 2)',
      });
    case 'few':
      return msg(str`Du har ${count} tecken kvar`, {
        id: 'share.countLeft.few',
        desc: 'Character count while typing: plural category "few" (Arabic: 3–10, 103–110 …)',
      });
    case 'many':
      return msg(str`Du har ${count} tecken kvar`, {
        id: 'share.countLeft.many',
        desc: 'Character count while typing: plural category "many" (Arabic: 11–99, 111–199 …)',
      });
    default:
      return msg(str`Du har ${count} tecken kvar`, {
        id: 'share.countLeft.other',
        desc: 'Character count while typing: plural category "other" (every number without a category of its own)',
      });
  }
}
