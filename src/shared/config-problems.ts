/**
 * What can be wrong with a configuration, as data: each problem is a code with the values its text needs
 * (`{code: 'required', path: 'person.name'}`). The elements write them to the console in English
 * (`describeProblem` with `englishProblems`); the snippet builder renders the same codes in the editor's
 * language with its own `ProblemTexts`. Nothing reads the English text back.
 */

/** A value's JSON type as the messages name it. */
export type ValueType = 'null' | 'list' | 'string' | 'number' | 'boolean' | 'object' | 'undefined' | 'bigint' | 'symbol' | 'function';

/** What a field holds, as "must be …" names it. */
export type Expected = 'text' | 'text-or-languages' | 'number' | 'list' | 'object';

/** What `data-config-src` could not load: the reason after "could not load <address>:". */
export type LoadFailure =
  /** The address is neither https:// (or http://) nor relative. */
  | { code: 'not-http' }
  /** The server answered with an error status. */
  | { code: 'http-status'; status: number; statusText: string }
  /** Over `MAX_CONFIG_CHARS`. */
  | { code: 'too-large' }
  /** No answer within `seconds`. */
  | { code: 'timeout'; seconds: number }
  /** The request failed (offline, CORS, DNS …). */
  | { code: 'network' }
  | JsonProblem;

/** Text that is not JSON: where (1-based line and column), the engine's own reason, and the likely cause. */
export type JsonProblem = { code: 'invalid-json'; line: number; column: number; reason: string; quotes?: 'curly' | 'single' };

/** Every problem code with its values. */
export type ProblemCode =
  | JsonProblem
  /** A field of the wrong type. */
  | { code: 'wrong-type'; expected: Expected; actual: ValueType }
  /** A value outside `oneOf`, or not of the field's pattern (`hint`, in English, says how to write it). */
  | { code: 'not-allowed'; value: string; oneOf?: readonly string[]; hint?: string }
  /** A link, e-mail address or phone number that is not safe to link: left out, a warning. */
  | { code: 'unsafe-url'; value: string; kind: 'link' | 'email' | 'phone' }
  /** A required field is missing (checked once all sources are merged). */
  | { code: 'required' }
  /** The contact card has neither a person's nor a unit's name. */
  | { code: 'needs-name' }
  /** A date that is not in the calendar (2026-02-30). */
  | { code: 'no-such-day' }
  /** `heading-level` is not a whole number from 1 to 6; `value` as written. */
  | { code: 'heading-level'; value: string }
  /** No source at all; `missing` is the first thing the merged configuration lacks. */
  | { code: 'none-given'; missing: FieldProblem }
  /** The `config` property could not be read (a getter threw). */
  | { code: 'config-unreadable' }
  /** The attribute `config="[object Object]"`: an object set before the element was defined; `value` as written. */
  | { code: 'config-attribute'; value: string }
  /** `data-config-src` could not be loaded from `src`. */
  | { code: 'load-failed'; src: string; failure: LoadFailure };

/** A problem found in a value: its code and values, the field's dotted path ('' for the whole value), and whether it only warns. */
export type FieldProblem = ProblemCode & {
  /** The dotted path of the field (`person.phones[1].number`), or '' for the whole configuration. */
  path: string;
  /** A warning drops the value and keeps the card; anything else shows the fallback. */
  warning?: boolean;
};

/** A problem as an element reports it: a `FieldProblem` and the source that holds it (`data-config`, `heading-level` …). */
export type ConfigProblem = FieldProblem & { source: string };

/** Each code's text, made from its values (`describe` renders a nested problem with the same texts). */
export type ProblemTexts = {
  [C in ProblemCode['code'] | LoadFailure['code']]: (
    problem: Extract<ProblemCode | LoadFailure, { code: C }>,
    describe: (nested: FieldProblem | LoadFailure) => string,
  ) => string;
};

const ENGLISH_EXPECTED: Record<Expected, string> = {
  text: 'text',
  'text-or-languages': 'text or {"sv": "…", "en": "…"}',
  number: 'a number',
  list: 'a list [ … ]',
  object: 'an object { … }',
};

/** The elements' own words, in the console and in `ik-config-error`. */
export const englishProblems: ProblemTexts = {
  'invalid-json': ({ line, column, reason, quotes }) =>
    `invalid JSON at line ${line}, column ${column}: ${reason}` +
    (quotes == 'curly'
      ? '. The text has curly quotes (“ ” ‘ ’), which word processors add: type straight double quotes (") instead'
      : quotes
        ? `. JSON needs straight double quotes (") around names and texts, not single quotes (')`
        : ''),
  'wrong-type': ({ expected, actual }) => `must be ${ENGLISH_EXPECTED[expected]}, not ${actual == 'list' ? 'a list' : actual}`,
  'not-allowed': ({ value, oneOf, hint }) => `"${value}" is not allowed: ${hint ?? `use one of ${oneOf?.join(', ')}`}`,
  'unsafe-url': ({ value, kind }) => `"${value}" is not a safe ${kind} and was left out`,
  required: () => 'is required',
  'needs-name': () => 'needs a name: add "person.name" or "unit.name"',
  'no-such-day': () => 'is no such day',
  'heading-level': ({ value }) => `must be a whole number from 1 to 6, not "${value}"`,
  'none-given': ({ missing }, describe) => `none was given (${describe(missing)}): add data-config='{…}'`,
  'config-unreadable': () => 'the configuration could not be read',
  'config-attribute': ({ value }) =>
    `is the attribute config="${value}": an object set before the element was defined. Set the config property (docs/frameworks.md)`,
  'load-failed': ({ src, failure }, describe) => `could not load ${src}: ${describe(failure)}`,
  'not-http': () => 'the address must start with https:// or be relative',
  'http-status': ({ status, statusText }) => `the server answered ${status} ${statusText}`.trim(),
  'too-large': () => 'the file is too large',
  timeout: ({ seconds }) => `no answer within ${seconds} s`,
  network: () => 'the network request failed',
};

/** A problem in words: `"path" ` and its code's text (`"person.name" is required`). */
export function describeProblem(problem: ConfigProblem | FieldProblem | LoadFailure, texts: ProblemTexts = englishProblems): string {
  const describe = (nested: FieldProblem | LoadFailure) => describeProblem(nested, texts);
  const text = (texts[problem.code] as (problem: unknown, describe: unknown) => string)(problem, describe);
  return 'path' in problem && problem.path ? `"${problem.path}" ${text}` : text;
}
