/**
 * The "check a snippet" tab's logic, without any user interface: it reads a
 * snippet (or bare JSON) the way a browser would, runs each element's own
 * check on it (`validateConfig`, through `checkSources`), and adds what only
 * a whole snippet can get wrong (the script tag, fallback content, unknown
 * tags). `fixQuotes` is the one-click repair of curly quotes.
 */
import { describeProblem } from '../src/shared/config-problems.js';
import { checkSources, loadConfigSrc, specs, tags, type ConfigProblem, type Fetched } from './builder.snippet.js';
import { strings, type Lang, type Tag } from './builder.strings.js';

export type Level = 'error' | 'warning' | 'note';

export interface Finding {
  level: Level;
  /**
   * The element's own problem: its code and values, the source that holds it, and its message in the element's
   * own (English) words, as the console shows it.
   */
  element?: { source: string; message: string; problem: ConfigProblem };
  /** The builder's own finding, in the builder's language. */
  own?: (lang: Lang) => string;
}

export interface ElementReport {
  tag: Tag;
  /** "JSON for <tag>" or "<tag>, element 2". */
  title: (lang: Lang) => string;
  findings: Finding[];
  /** What the editor wrote (without the data-config-src file), for "open in the builder". */
  local: Record<string, unknown>;
  src?: string;
  headingLevel: number;
}

export interface Report {
  general: Finding[];
  elements: ElementReport[];
}

const t = (lang: Lang) => strings[lang];

const elementFinding = (level: Level, problem: ConfigProblem): Finding => ({
  level,
  element: { source: problem.source, message: describeProblem(problem), problem },
});

/** The element's own problems, as findings. */
export const elementFindings = (checked: ReturnType<typeof checkSources>): Finding[] => [
  ...checked.errors.map((problem) => elementFinding('error', problem)),
  ...checked.warnings.map((problem) => elementFinding('warning', problem)),
];

/** Which element a configuration is for, from the names of its fields (even in JSON that does not parse). */
export function guessTag(json: string): Tag | undefined {
  const has = (names: string) => new RegExp(`["“”„'‘’](?:${names})["“”„'‘’]\\s*:`).test(json);
  const scores: [Tag, boolean][] = [
    ['ik-contact-card', has('person|unit')],
    ['ik-manifesto-card', has('lead|body|figures|priorities|closing|reviewed')],
    ['ik-share-form', has('endpoint|intro|pageTitle|privacy')],
  ];
  const found = scores.filter(([, hit]) => hit);
  return found.length == 1 ? found[0][0] : undefined;
}

/** The known tag a mistyped one most likely meant. */
function suggest(tag: string): Tag | undefined {
  if (/contact|kontakt/.test(tag)) return 'ik-contact-card';
  if (/manifest/.test(tag)) return 'ik-manifesto-card';
  if (/share|tipsa|form/.test(tag)) return 'ik-share-form';
  return undefined;
}

const isTag = (name: string): name is Tag => (tags as string[]).includes(name);

/** The element's plain attributes as its `fromAttributes` reads them from the element itself. */
function plainAttributes(element: Element) {
  const get = (name: string) => element.getAttribute(name);
  return {
    name: get('name'),
    personRole: get('role'),
    phone: get('phone'),
    email: get('email'),
    endpoint: get('endpoint'),
    url: get('url'),
    pageTitle: get('page-title'),
  };
}

const hasFallback = (element: Element) =>
  [...element.childNodes].some((node) =>
    node.nodeType == Node.ELEMENT_NODE
      ? !(node as Element).matches('script[type="application/json"]')
      : node.nodeType == Node.TEXT_NODE && !!node.textContent!.trim(),
  );

function checkScripts(document: Document): Finding[] {
  const scripts = [...document.querySelectorAll('script[src]')].filter((script) =>
    /industrikommun-widgets/.test(script.getAttribute('src')!),
  );
  if (!scripts.length) return [{ level: 'note', own: (lang) => t(lang).noScript }];
  return scripts.flatMap((script): Finding[] => {
    const src = script.getAttribute('src')!;
    const absolute = /^(https?:)?\/\//i.test(src);
    return [
      !/\.iife\.js(\?|#|$)/.test(src) &&
        script.getAttribute('type') != 'module' && { level: 'error', own: (lang: Lang) => t(lang).moduleNeeded },
      absolute &&
        script.hasAttribute('integrity') &&
        !script.hasAttribute('crossorigin') && { level: 'warning', own: (lang: Lang) => t(lang).crossoriginNeeded },
      absolute && !/\/\d+\.\d+\.\d+[^/]*\//.test(src) && { level: 'warning', own: (lang: Lang) => t(lang).unversioned },
    ].filter(Boolean) as Finding[];
  });
}

/**
 * Every problem in a snippet or in bare JSON, as the elements themselves would
 * report them. `jsonTag` says which element bare JSON is for; without it the
 * fields decide.
 */
export async function checkSnippet(text: string, jsonTag?: Tag): Promise<Report> {
  const trimmed = text.trim();
  if (!trimmed) return { general: [{ level: 'error', own: (lang) => t(lang).nothingToCheck }], elements: [] };

  if (/^[[{]/.test(trimmed)) {
    const tag = jsonTag ?? guessTag(trimmed);
    if (!tag) return { general: [{ level: 'error', own: (lang) => t(lang).whichElement }], elements: [] };
    const checked = checkSources(tag, [['data-config', trimmed, true]]);
    return {
      general: [],
      elements: [
        { tag, title: (lang) => t(lang).jsonFor(tag), findings: elementFindings(checked), local: checked.merged, headingLevel: 2 },
      ],
    };
  }

  // Parsed as the browser parses the page the snippet goes on. DOMParser runs no script and loads nothing.
  const document = new DOMParser().parseFromString(trimmed, 'text/html');
  const found = [...document.querySelectorAll('*')].filter((element) => element.localName.startsWith('ik-'));
  const general: Finding[] = found
    .filter((element) => !isTag(element.localName))
    .map((element) => ({ level: 'error', own: (lang: Lang) => t(lang).unknownTag(element.localName, suggest(element.localName)) }));
  const known = found.filter((element) => isTag(element.localName));
  if (!found.length) general.push({ level: 'error', own: (lang) => t(lang).noElement });
  if (found.length) general.push(...checkScripts(document));

  const elements = await Promise.all(
    known.map(async (element, index): Promise<ElementReport> => {
      const tag = element.localName as Tag;
      const src = element.getAttribute('data-config-src') ?? undefined;
      const fetched: Fetched | undefined = src ? await loadConfigSrc(src) : undefined;
      const headingLevel = element.getAttribute('heading-level');
      const sources: [string, unknown, boolean?][] = [
        ['<script type="application/json">', element.querySelector(':scope>script[type="application/json"]')?.textContent, true],
        ['data-config', element.getAttribute('data-config'), true],
        ['attributes', specs[tag].fromAttributes?.(plainAttributes(element))],
      ];
      const checked = checkSources(tag, sources, headingLevel, fetched);
      const findings = elementFindings(checked);
      if (!hasFallback(element)) findings.push({ level: 'warning', own: (lang) => t(lang).noFallback });
      const level = Number(headingLevel ?? 2);
      return {
        tag,
        title: (lang) => t(lang).elementNumber(tag, index + 1),
        findings,
        local: checkSources(tag, sources).merged,
        src,
        headingLevel: level >= 1 && level <= 6 ? level : 2,
      };
    }),
  );
  return { general, elements };
}

// ---- Curly quotes.

const DOUBLE = '"“”„‟';
const SINGLE = "'‘’‚‛";
const CURLY = /[“”„‟‘’‚‛]/;
/** Curly quotes anywhere, or single quotes where JSON wants double ones: what `fixQuotes` repairs. */
export const hasWrongQuotes = (text: string) => CURLY.test(text) || /[{,[]\s*'/.test(text);

/** True when what follows `at` (after white space) ends a JSON string: `:`, `,`, `}`, `]`, or the end. */
const endsString = (text: string, at: number) => /^\s*([:,}\]]|$)/.test(text.slice(at, at + 40));

/**
 * Straightens the quotes that delimit JSON names and strings, and leaves alone
 * those inside the text (”fjärde”, Sweden’s). A string opened by a curly or
 * single quote ends at the next quote of the same kind that is followed by
 * `:`, `,`, `}`, `]` or the end; straight double quotes inside it are escaped.
 * With `balanced`, it stops after the bracket that closes the first one (the
 * end of a `data-config` value). Returns the repaired text, the number of
 * quotes changed, and where it stopped.
 */
export function fixJsonQuotes(text: string, balanced = false): { text: string; count: number; end: number } {
  let out = '';
  let count = 0;
  let depth = 0;
  let previous = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    const startsString = (DOUBLE + SINGLE).includes(char) && (previous == '' || '{[,:'.includes(previous));
    if (startsString && char == '"') {
      // A JSON string already: copied as it is, escapes and all.
      let j = i + 1;
      while (j < text.length && text[j] != '"') j += text[j] == '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      previous = '"';
      continue;
    }
    if (startsString) {
      const family = DOUBLE.includes(char) ? DOUBLE : SINGLE;
      let content = '';
      let j = i + 1;
      for (; j < text.length; j++) {
        const inner = text[j];
        if (inner == '\\') {
          content += inner + (text[j + 1] ?? '');
          j++;
        } else if (family.includes(inner) && endsString(text, j + 1)) break;
        else content += inner == '"' ? '\\"' : inner;
      }
      count++;
      if (j < text.length && text[j] != '"') count++;
      out += `"${content}${j < text.length ? '"' : ''}`;
      i = j + 1;
      previous = '"';
      continue;
    }
    out += char;
    i++;
    if (/\s/.test(char)) continue;
    previous = char;
    if ('{['.includes(char)) depth++;
    if ('}]'.includes(char) && --depth == 0 && balanced) break;
  }
  return { text: out, count, end: i };
}

/**
 * Repairs curly quotes in bare JSON, or in a snippet: the JSON of each
 * `data-config` and child `<script type="application/json">`, and curly
 * quotes used around any attribute's value. Quotes in the fallback text stay.
 */
export function fixQuotes(text: string): { text: string; count: number } {
  if (/^\s*[[{]/.test(text)) {
    const fixed = fixJsonQuotes(text);
    return { text: fixed.text + text.slice(fixed.end), count: fixed.count };
  }
  let count = 0;
  const quote = `[${DOUBLE}${SINGLE}]`;
  const curlyIn = (delimiters: string) => [...delimiters].filter((char) => CURLY.test(char)).length;
  // data-config: the value is JSON, whatever its delimiters; it ends at the bracket that closes the first one.
  const opening = new RegExp(`(\\sdata-config\\s*=\\s*)(${quote})(?=\\s*[[{])`, 'g');
  let fixed = '';
  let done = 0;
  for (let match; (match = opening.exec(text));) {
    const start = match.index + match[0].length;
    const json = fixJsonQuotes(text.slice(start), true);
    const close = new RegExp(`^\\s*${quote}`).exec(text.slice(start + json.end))?.[0] ?? '';
    const end = start + json.end + close.length;
    if (json.count || curlyIn(match[2] + close)) {
      count += json.count + curlyIn(match[2] + close);
      // Single quotes around the JSON, as in every example; any ' inside becomes &#39;.
      fixed += text.slice(done, match.index) + `${match[1]}'${json.text.replace(/'/g, '&#39;')}'`;
      done = end;
    }
    opening.lastIndex = end;
  }
  fixed += text.slice(done);
  // JSON in a child script.
  fixed = fixed.replace(
    /(<script\b[^>]*application\/json[^>]*>)([\s\S]*?)(<\/script)/gi,
    (_, open: string, json: string, close: string) => {
      const repaired = fixJsonQuotes(json);
      count += repaired.count;
      return open + repaired.text + json.slice(repaired.end) + close;
    },
  );
  // Any other attribute whose value a word processor put between curly quotes: type=”module”, src=“…”.
  fixed = fixed
    .replace(/(\s[\w:.-]+\s*=\s*)([“”„‟])([^“”„‟"<>]*)([“”„‟"])/g, (_, name: string, open: string, value: string, close: string) => {
      count += curlyIn(open + close);
      return `${name}"${value}"`;
    })
    .replace(/(\s[\w:.-]+\s*=\s*)([‘’‚‛])([^‘’‚‛'<>]*)([‘’‚‛'])/g, (_, name: string, open: string, value: string, close: string) => {
      count += curlyIn(open + close);
      return `${name}'${value}'`;
    });
  return { text: fixed, count };
}
