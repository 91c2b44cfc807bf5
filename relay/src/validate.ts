/**
 * What the relay accepts from the share form. Every rule here protects the mail it sends: a header
 * must never take a line break, the text must not hide its direction or carry invisible controls,
 * and the message cannot be turned into a vehicle for someone else's link.
 */
import { FIELD_LIMITS, type ShareField, type SharePayload } from '#contract';
import { isPageAllowed, type AllowedPage } from './pages.js';

export type Lang = 'sv' | 'en';

/** A share request that passed every check: trimmed, with `url` in its parsed, normalised form. */
export interface Share extends SharePayload {
  lang: Lang;
}

export type Field = ShareField;

// The HTML standard's "valid e-mail address" (what <input type="email"> accepts), narrowed to domains
// with a dot: `root@localhost` or an intranet host name is never a friend's inbox.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/**
 * C0 and C1 controls (NUL, CR, LF, NEL U+0085 …), DEL, the line and paragraph separators and the bidi
 * embeddings, overrides and isolates (the "Trojan Source" characters), which make text read
 * differently from what it is. The message may keep line breaks and tabs, nothing else of these.
 */
const CONTROL_ONE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
const CONTROL_MULTI_LINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

/** A web address or something that passes for one in a mail program (`www.…`, `evil.example/x`). */
const LINK = /(?:[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/)/i;

export const LIMITS = FIELD_LIMITS;

// Each message says how to fix the problem, since the form shows it next to the field. url, title and
// lang come from the page, not the visitor: the page's owner is the one who has to act.
export const MESSAGES = {
  sv: {
    'to.required': 'Skriv mottagarens e-postadress',
    'to.format': 'Skriv mottagarens e-postadress i rätt format, till exempel namn@exempel.se',
    'name.required': 'Skriv ditt namn',
    'name.length': 'Namnet får vara högst 100 tecken',
    'name.oneLine': 'Skriv namnet på en rad',
    'name.control': 'Namnet innehåller osynliga styrtecken. Skriv det igen utan dem.',
    'name.format': 'Skriv bara ditt namn, utan e-postadress, webbadress eller tecknen < och >',
    'from.required': 'Skriv din e-postadress',
    'from.format': 'Skriv din e-postadress i rätt format, till exempel namn@exempel.se',
    'message.required': 'Skriv ditt meddelande',
    'message.length': 'Meddelandet får vara högst 500 tecken',
    'message.control': 'Meddelandet innehåller osynliga styrtecken. Skriv det igen utan dem.',
    'message.link': 'Ta bort webbadresser ur meddelandet: länken till sidan skickas med ändå',
    'url.format': 'Sidans adress måste vara en webbadress som börjar med http:// eller https://',
    'url.notAllowed': 'Den här sidan kan inte delas med formuläret. Kontakta webbplatsens ägare.',
    'title.format': 'Sidans titel måste vara text på en rad, högst 300 tecken',
    'lang.format': 'Ange språket som sv eller en',
    badJson: 'Servern kunde inte läsa formuläret. Ladda om sidan och försök igen.',
    badType: 'Skicka formuläret som JSON (Content-Type: application/json).',
    badKey: 'Idempotency-Key måste vara 1–200 tecken: bokstäver a–z, siffror och - _ . :',
    tooLarge: 'Formuläret är för stort. Korta meddelandet och försök igen.',
    tooMany: 'Du har skickat för många meddelanden. Försök igen om {min} min.',
    tooManyService:
      'Tjänsten har tagit emot så många tips just nu att den måste vänta. Ditt tips skickades inte. Försök igen om {min} min.',
    keyReused: 'Det här tipset skickades redan med ett annat innehåll. Ladda om sidan och skicka det nya tipset.',
    busy: 'Tjänsten kan inte ta emot tips just nu. Försök igen om en stund.',
    inFlight: 'Det här tipset håller redan på att skickas. Försök igen om en stund.',
    origin: 'Formuläret får bara skickas från webbplatsens egna sidor.',
    notFound: 'Här finns ingenting.',
    method: 'Använd {method}.',
  },
  en: {
    'to.required': "Enter the recipient's email address",
    'to.format': "Enter the recipient's email address in the correct format, like name@example.com",
    'name.required': 'Enter your name',
    'name.length': 'Your name must be 100 characters or fewer',
    'name.oneLine': 'Write your name on one line',
    'name.control': 'Your name contains invisible control characters. Type it again without them.',
    'name.format': 'Enter just your name, without an email address, web address or the characters < and >',
    'from.required': 'Enter your email address',
    'from.format': 'Enter your email address in the correct format, like name@example.com',
    'message.required': 'Enter your message',
    'message.length': 'The message must be 500 characters or fewer',
    'message.control': 'The message contains invisible control characters. Type it again without them.',
    'message.link': 'Remove web addresses from the message: the link to the page is included anyway',
    'url.format': 'The page address must be a web address starting with http:// or https://',
    'url.notAllowed': 'This page cannot be shared with this form. Contact the owner of the website.',
    'title.format': 'The page title must be text on one line, 300 characters or fewer',
    'lang.format': 'Set the language to sv or en',
    badJson: 'The server could not read the form. Reload the page and try again.',
    badType: 'Send the form as JSON (Content-Type: application/json).',
    badKey: 'Idempotency-Key must be 1–200 characters: letters a–z, digits and - _ . :',
    tooLarge: 'The form is too large. Shorten the message and try again.',
    tooMany: 'You have sent too many messages. Try again in {min} min.',
    tooManyService: 'The service has received so many tips just now that it has to wait. Your tip was not sent. Try again in {min} min.',
    keyReused: 'This tip was already sent with different content. Reload the page and send the new tip.',
    busy: 'The service cannot take tips right now. Try again in a little while.',
    inFlight: 'This tip is already being sent. Try again in a little while.',
    origin: "The form may only be sent from the website's own pages.",
    notFound: 'Nothing here.',
    method: 'Use {method}.',
  },
} as const;

export type MessageKey = keyof (typeof MESSAGES)['sv'];

/** "en", "en-GB" and an English-first Accept-Language → en; everything else → sv. */
export const langOf = (tag: unknown): Lang => (typeof tag === 'string' && /^\s*en\b/i.test(tag) ? 'en' : 'sv');

export type Problem = 'required' | 'length' | 'format' | 'oneLine' | 'control' | 'link' | 'notAllowed';

/** The message for a field's problem, falling back as the form does: problem, then format, then required. */
export function messageFor(lang: Lang, field: Field, problem: Problem): string {
  const table = MESSAGES[lang] as Record<string, string>;
  return table[`${field}.${problem}`] ?? table[`${field}.format`] ?? table[`${field}.required`];
}

/** Checks a parsed JSON body. Messages are in `body.lang` when it is valid, else in `fallbackLang`. */
export function validateShare(
  body: Record<string, unknown>,
  allowedPages: AllowedPage[],
  fallbackLang: Lang = 'sv',
): { errors: Partial<Record<Field, string>>; lang: Lang } | { share: Share } {
  const lang: Lang | null = body.lang === 'sv' || body.lang === 'en' ? body.lang : body.lang == null ? 'sv' : null;
  const messagesLang = lang ?? fallbackLang;
  const errors: Partial<Record<Field, string>> = {};
  const value: Partial<Record<Field, string>> = {};
  const check = (field: Field, problem: Problem | null, text: string) => {
    if (problem) errors[field] = messageFor(messagesLang, field, problem);
    else value[field] = text;
  };
  for (const field of ['to', 'from'] as const) {
    const [problem, text] = oneLine(body[field], true, LIMITS[field]);
    check(field, problem ?? (text && !EMAIL.test(text) ? 'format' : null), text);
  }
  {
    const [problem, text] = oneLine(body.name, true, LIMITS.name);
    // A name is what the recipient reads as the sender: "Skatteverket <noreply@skatteverket.se>" is not one.
    check('name', problem ?? (/[<>@]/.test(text) || LINK.test(text) ? 'format' : null), text);
  }
  {
    const [problem, text] = multiLine(body.message, LIMITS.message);
    check('message', problem ?? (LINK.test(text) ? 'link' : null), text);
  }
  {
    const [problem, text] = oneLine(body.title, false, LIMITS.title);
    check('title', problem ? 'format' : null, text);
  }
  {
    const [problem, text] = oneLine(body.url, true, LIMITS.url);
    const parsed = problem ? null : parseUrl(text);
    if (problem || !parsed || !/^https?:$/.test(parsed.protocol)) check('url', 'format', text);
    else if (!isPageAllowed(parsed, allowedPages)) check('url', 'notAllowed', text);
    else check('url', null, parsed.href);
  }
  if (!lang) errors.lang = MESSAGES[messagesLang]['lang.format'];
  if (Object.keys(errors).length) return { errors, lang: messagesLang };
  return { share: { ...(value as Record<Exclude<Field, 'lang'>, string>), lang: lang! } };
}

/** Refuses rather than repairs: the check runs before trimming, so a hidden CR or NUL is never cut off and let through. */
function oneLine(raw: unknown, required: boolean, max: number): [Problem | null, string] {
  if (raw == null) raw = '';
  if (typeof raw !== 'string') return ['format', ''];
  if (/[\r\n\u0085\u2028\u2029]/.test(raw)) return ['oneLine', ''];
  if (CONTROL_ONE_LINE.test(raw)) return ['control', ''];
  const text = raw.trim();
  if (!text) return [required ? 'required' : null, ''];
  if (text.length > max) return ['length', ''];
  return [null, text];
}

function multiLine(raw: unknown, max: number): [Problem | null, string] {
  if (raw == null) raw = '';
  if (typeof raw !== 'string') return ['format', ''];
  if (CONTROL_MULTI_LINE.test(raw)) return ['control', ''];
  const text = raw.trim().replace(/\r\n?/g, '\n');
  if (!text) return ['required', ''];
  if (text.length > max) return ['length', ''];
  return [null, text];
}

const parseUrl = (text: string) => {
  try {
    return new URL(text);
  } catch {
    return null;
  }
};
