/**
 * No stranger's link in a mail that leaves from the municipality's own address: the one place that
 * decides whether a text (`message`, `name`, `title`) holds a web address, a bare domain name, an IP
 * address or an e-mail address, in any form a reader or a mail program would take for one.
 *
 * The text is looked at after Unicode compatibility normalisation (NFKC: `evil．example／login` is
 * `evil.example/login`, `ｗｗｗ` is `www`, mathematical letters are letters), lower-cased, with the
 * invisible format characters (zero-width space and joiners, word joiner, soft hyphen, byte order mark,
 * direction marks) taken out, since they hide nothing from a mail program's eye but a filter's. Dots
 * written as `[.]`, `(.)`, `(dot)`, `(punkt)` or with spaces around them (` . `) count as dots.
 *
 * What counts:
 * - a scheme: `https://…`, any `name://`, and `mailto:`, `javascript:`, `data:`, `tel:` … before text;
 * - `www.` anything;
 * - an e-mail address (`support@evil-kommun.se`);
 * - an IPv4 address (`185.12.3.4`), an IPv6 address (`2001:db8::1`, `[::1]`);
 * - a name with a dot followed by `/` or a port (`evil.example/login`, `intranet.lan:8080`);
 * - a bare domain name: labels joined by dots whose last one is a top-level domain of IANA's list
 *   (the `tlds` package) or a reserved one (`example`, `test`, `invalid`, `localhost`, `local`, `onion`,
 *   `internal`): `bankid-verify.se`, `Skatteverket.Nu`.
 *
 * The hard case, decided: two words joined by a dot without a space (`imorgon.Se`) are a domain name when
 * the second is a top-level domain, as a mail program would link them, and are refused; the visitor is
 * told which text, and a space after the dot fixes it. Otherwise (`slutet.Hej`) they pass. Common
 * abbreviations that end in a country code (`tel.nr`, `org.nr`) are not domains.
 */
import { createRequire } from 'node:module';
import ipaddr from 'ipaddr.js';

/** A web address (or IP) or an e-mail address. */
export type LinkKind = 'web' | 'email';

export interface FoundLink {
  kind: LinkKind;
  /** The word that holds it, as the visitor wrote it (at most 80 characters), to name in the answer. */
  text: string;
}

const TOP_LEVEL_DOMAINS: ReadonlySet<string> = new Set([
  ...(createRequire(import.meta.url)('tlds') as string[]),
  // Reserved and special-use names (RFC 2606, 6761, 6762, 7686) that no root lists, but mail programs and phishers use.
  'example',
  'test',
  'invalid',
  'localhost',
  'local',
  'onion',
  'internal',
]);

/** Abbreviations ending in a country code: "tel.nr" is a phone number's label, not Nauru. */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'tel.nr',
  'telefon.nr',
  'mob.nr',
  'mobil.nr',
  'fax.nr',
  'org.nr',
  'reg.nr',
  'pers.nr',
  'kund.nr',
  'order.nr',
  'art.nr',
  'best.nr',
  'lgh.nr',
  'konto.nr',
  'ärende.nr',
  'dnr.nr',
]);

/** Characters that render as nothing (or as a join) and so can split a word for a filter but not for a reader. */
const INVISIBLE = /^[\p{Default_Ignorable_Code_Point}\u061C]$/u;
/** After NFKC, what still reads as a dot or a slash. */
const DOT_LIKE = /^[\u3002\uFF61\u2024\uFE52\u0701\u0702\u2E3C]$/u;
const SLASH_LIKE = /^[\u2215\u2044\u29F8\u29F5\\]$/u;

/** The normalised view of a text, each of its characters with the index in the original that it came from. */
interface View {
  text: string;
  from: number[];
}

function normalise(original: string): View {
  let text = '';
  const from: number[] = [];
  let index = 0;
  for (const char of original) {
    if (!INVISIBLE.test(char)) {
      for (const unit of char.normalize('NFKC').toLowerCase()) {
        const mapped = DOT_LIKE.test(unit) ? '.' : SLASH_LIKE.test(unit) ? '/' : unit;
        text += mapped;
        for (let i = 0; i < mapped.length; i++) from.push(index);
      }
    }
    index += char.length;
  }
  return { text, from };
}

/** Replaces each match of `pattern` in the view by `by`, keeping where each character came from. */
function rewrite(view: View, pattern: RegExp, by: string): View {
  let text = '';
  const from: number[] = [];
  let last = 0;
  for (const match of view.text.matchAll(pattern)) {
    const start = match.index!;
    text += view.text.slice(last, start) + by;
    from.push(...view.from.slice(last, start), ...Array<number>(by.length).fill(view.from[start]));
    last = start + match[0].length;
  }
  text += view.text.slice(last);
  from.push(...view.from.slice(last));
  return { text, from };
}

const LETTER = String.raw`\p{L}\p{M}`;
const LABEL_CHAR = String.raw`[\p{L}\p{M}\p{N}_-]`;

/** Each rule: a pattern over the normalised view, and what it finds. */
const RULES: Array<{ kind: LinkKind; pattern: RegExp; accept?: (match: RegExpExecArray) => boolean }> = [
  { kind: 'email', pattern: new RegExp(String.raw`[\p{L}\p{N}._%+!#$&'*=?^{|}~-]+@${LABEL_CHAR}+(?:\.${LABEL_CHAR}+)+`, 'gu') },
  {
    kind: 'web',
    pattern:
      /[a-z][a-z0-9+.-]*:\/\/|(?<![a-z0-9+.-])(?:https?|ftp|mailto|javascript|vbscript|data|file|tel|sms|callto|sip|tg|whatsapp|skype|intent|bitcoin):(?=\S)/gu,
  },
  { kind: 'web', pattern: new RegExp(String.raw`(?<!${LABEL_CHAR})www\d*\.`, 'gu') },
  { kind: 'web', pattern: /(?<![\p{N}.])(?:\d{1,3}\.){3}\d{1,3}(?!\p{N}|\.\p{N})/gu },
  {
    kind: 'web',
    pattern: /\[?(?<![0-9a-f:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![0-9a-f:])(?:%[0-9a-z]+)?\]?/gu,
    // A clock time (10:30:45) is no IPv6 address: it must parse as one, and have a hex digit.
    accept: (match) => /[0-9a-f]/.test(match[0]) && ipaddr.IPv6.isValid(match[0].replace(/^\[|\]$/g, '').replace(/%.*/, '')),
  },
  {
    kind: 'web',
    pattern: new RegExp(String.raw`(?<!${LABEL_CHAR})(?:${LABEL_CHAR}+\.)+[${LETTER}]${LABEL_CHAR}*(?:/|:\d{1,5}(?!\p{N}))`, 'gu'),
  },
  {
    kind: 'web',
    pattern: new RegExp(String.raw`(?<!${LABEL_CHAR})(?:${LABEL_CHAR}+\.)+([${LETTER}]{2,63}|xn--[a-z0-9-]+)(?!${LABEL_CHAR})`, 'gu'),
    accept: (match) => TOP_LEVEL_DOMAINS.has(match[1]) && !ABBREVIATIONS.has(match[0]),
  },
];

/** Quotes and sentence punctuation around a word, which belong to the sentence rather than to the address. */
const LEADING = /^[\s"'“”‘’«»‹›„‚.,;!?¡¿…–—-]+/u;
const TRAILING = /[\s"'“”‘’«»‹›„‚.,;:!?…–—-]+$/u;
const PAIRS: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/** A word without the punctuation and the brackets around it; brackets that open and close inside it stay (`alert(1)`, `[::1]:80`). */
function trimWord(word: string): string {
  for (;;) {
    const before = word;
    word = word.replace(LEADING, '').replace(TRAILING, '');
    const first = word[0];
    const last = word.at(-1) ?? '';
    if (PAIRS[first] && (last === PAIRS[first] || !word.includes(PAIRS[first])))
      word = word.slice(1, last === PAIRS[first] ? -1 : undefined);
    else if (Object.values(PAIRS).includes(last) && !word.includes(Object.keys(PAIRS).find((open) => PAIRS[open] === last)!))
      word = word.slice(0, -1);
    if (word === before) return word;
  }
}

/** The whitespace-delimited word around [start, end) of `text`, trimmed of the punctuation around it. */
function wordAround(text: string, start: number, end: number): string {
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  while (end < text.length && !/\s/.test(text[end])) end++;
  return trimWord(text.slice(start, end));
}

/**
 * The first link or address in `text`, or null. `allowedHosts` (lower-case host names) may stand in it as
 * words of their own: a page's title naming its own site (`Nyheter – www.trollhattan.se`).
 */
export function findLink(text: string, allowedHosts: ReadonlySet<string> = new Set()): FoundLink | null {
  let view = normalise(text);
  view = rewrite(view, /\s*[[({]\s*(?:\.|dot|punkt|piste)\s*[\])}]\s*/gu, '.');
  view = rewrite(view, /\s*[[({]\s*(?:@|at|snabel-a|ät)\s*[\])}]\s*/gu, '@');
  view = rewrite(view, /\[:\]/gu, ':');
  view = rewrite(view, /(?<=[\p{L}\p{N}])\s+\.\s*(?=[\p{L}\p{N}])/gu, '.');
  const found: Array<{ at: number; kind: LinkKind; text: string }> = [];
  for (const { kind, pattern, accept } of RULES) {
    for (const match of view.text.matchAll(pattern)) {
      if (accept && !accept(match as RegExpExecArray)) continue;
      const start = match.index!;
      const end = start + match[0].length;
      if (allowedHosts.size && allowedHosts.has(wordAround(view.text, start, end))) continue;
      const originalEnd = end < view.from.length ? view.from[end] : text.length;
      found.push({ at: start, kind, text: wordAround(text, view.from[start], Math.max(originalEnd, view.from[start] + 1)) });
      break;
    }
  }
  if (!found.length) return null;
  found.sort((a, b) => a.at - b.at);
  const { kind, text: word } = found[0];
  return { kind, text: word.length > 80 ? `${word.slice(0, 79)}…` : word || text.trim().slice(0, 80) };
}

/** The host names that may stand in a title: each allowed page's host, and the same without `www.`. */
export function hostsOf(origins: readonly string[]): Set<string> {
  const hosts = new Set<string>();
  for (const origin of origins) {
    const host = new URL(origin).hostname.toLowerCase();
    hosts.add(host);
    if (host.startsWith('www.')) hosts.add(host.slice(4));
  }
  return hosts;
}
