/**
 * What the relay accepts from the share form. Every rule here protects the mail it sends: a header
 * must never take a line break, the text must not hide its direction or carry invisible controls,
 * and the message cannot be turned into a vehicle for someone else's link.
 *
 * A check gives problems as codes (`{field: 'name', code: 'length'}`); `messages.ts` makes the text.
 */
import { FIELD_LIMITS, toLanguage, type Language, type ShareField, type SharePayload } from '#contract';
import { findLink, hostsOf } from './links.js';
import { fieldText } from './messages.js';
import { isPageAllowed, type AllowedPage } from './pages.js';

/** A share request that passed every check: trimmed, with `url` in its parsed, normalised form, `lang` the language the mail is written in. */
export interface Share extends SharePayload {
  lang: Language;
}

export type Field = ShareField;

/** What is wrong with a field, as a code. */
export type ProblemCode = 'required' | 'length' | 'format' | 'oneLine' | 'control' | 'link' | 'email' | 'notAllowed';

/** One field's problem; `found` is the part of the text to remove, when there is one. */
export interface Problem {
  field: Field;
  code: ProblemCode;
  found?: string;
}

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

export const LIMITS = FIELD_LIMITS;

/**
 * The language the answers and the mail are written in: the form's `lang` (any BCP 47 tag) mapped by its
 * base language to one the relay speaks (`fi-FI` → fi), else Swedish; without a `lang`, `fallback`
 * (from Accept-Language).
 */
export function mailLanguage(tag: unknown, fallback: Language): Language {
  return typeof tag === 'string' && tag.trim() ? toLanguage(tag) : fallback;
}

/** Checks a parsed JSON body. Problems are given as codes, and as texts in the form's language (else `fallbackLang`). */
export function validateShare(
  body: Record<string, unknown>,
  allowedPages: AllowedPage[],
  fallbackLang: Language = 'sv',
): { problems: Problem[]; errors: Partial<Record<Field, string>>; lang: Language } | { share: Share } {
  const lang = mailLanguage(body.lang, fallbackLang);
  const problems: Problem[] = [];
  const value: Partial<Record<Field, string>> = {};
  const check = (field: Field, code: ProblemCode | null, text: string) => {
    if (code) problems.push({ field, code });
    else value[field] = text;
  };
  for (const field of ['to', 'from'] as const) {
    const [problem, text] = oneLine(body[field], true, LIMITS[field]);
    check(field, problem ?? (text && !EMAIL.test(text) ? 'format' : null), text);
  }
  // No stranger's link or address in the mail (links.ts): the 422 names the text to remove.
  const linkIn = (field: Field, text: string, hosts?: ReadonlySet<string>) => {
    const link = findLink(text, hosts);
    if (link) problems.push({ field, code: field === 'message' && link.kind === 'email' ? 'email' : 'link', found: link.text });
    return !!link;
  };
  {
    const [problem, text] = oneLine(body.name, true, LIMITS.name);
    // A name is what the recipient reads as the sender: "Skatteverket <noreply@skatteverket.se>" is not one.
    if (!problem && /[<>]/.test(text)) check('name', 'format', text);
    else if (problem || !linkIn('name', text)) {
      const at = /\S*@\S*/.exec(text);
      if (!problem && at) problems.push({ field: 'name', code: 'link', found: at[0] });
      else check('name', problem, text);
    }
  }
  {
    const [problem, text] = multiLine(body.message, LIMITS.message);
    if (problem || !linkIn('message', text)) check('message', problem, text);
  }
  {
    const [problem, text] = oneLine(body.title, false, LIMITS.title);
    // The allowed sites' own host names may stand in a title ("Nyheter – www.trollhattan.se").
    if (problem || !linkIn('title', text, hostsOf(allowedPages.map((page) => page.origin))))
      check('title', problem ? 'format' : null, text);
  }
  {
    const [problem, text] = oneLine(body.url, true, LIMITS.url);
    const parsed = problem ? null : parseUrl(text);
    if (problem || !parsed || !/^https?:$/.test(parsed.protocol)) check('url', 'format', text);
    else if (!isPageAllowed(parsed, allowedPages)) check('url', 'notAllowed', text);
    else check('url', null, parsed.href);
  }
  // Any language tag is welcome (the mail falls back to Swedish); only a `lang` that is no text at all is the page's mistake.
  if (body.lang != null && typeof body.lang !== 'string') problems.push({ field: 'lang', code: 'format' });
  if (problems.length) return { problems, errors: errorTexts(problems, lang), lang };
  return { share: { ...(value as Record<Exclude<Field, 'lang'>, string>), lang } };
}

/** The `errors` of a 422 answer: each field's first problem, as text in `lang`. */
export function errorTexts(problems: readonly Problem[], lang: Language): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const { field, code, found } of problems) errors[field] ??= fieldText(lang, field, code, found);
  return errors;
}

/** Refuses rather than repairs: the check runs before trimming, so a hidden CR or NUL is never cut off and let through. */
function oneLine(raw: unknown, required: boolean, max: number): [ProblemCode | null, string] {
  if (raw == null) raw = '';
  if (typeof raw !== 'string') return ['format', ''];
  if (/[\r\n\u0085\u2028\u2029]/.test(raw)) return ['oneLine', ''];
  if (CONTROL_ONE_LINE.test(raw)) return ['control', ''];
  const text = raw.trim();
  if (!text) return [required ? 'required' : null, ''];
  if (text.length > max) return ['length', ''];
  return [null, text];
}

function multiLine(raw: unknown, max: number): [ProblemCode | null, string] {
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
