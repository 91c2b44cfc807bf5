import type { JsonProblem } from './config-problems.js';

export type Parsed = { value: unknown; error?: undefined } | { value?: undefined; error: JsonProblem };

/** The engine's error message when `text` is not JSON, else undefined. */
function jsonError(text: string): string | undefined {
  try {
    JSON.parse(text);
  } catch (error) {
    return String((error as Error).message);
  }
}

const positionIn = (reason: string) => / position (\d+)/.exec(reason)?.[1];

/**
 * Parses JSON and, on failure, says where and why in terms an editor can act
 * on. Gecko says "at line L column C" and V8 mostly "at position N". Where V8
 * names only the token ("Unexpected token 'x'"), the error is at the end of
 * the longest prefix that fails only because it ends: a binary search finds it.
 * The likely cause is added when the text holds curly or single quotes.
 */
export function parseJson(source: string): Parsed {
  let failure: string;
  try {
    return { value: JSON.parse(source) };
  } catch (error) {
    failure = String((error as Error).message);
  }
  const reason = failure.replace(/^JSON\.parse: | in JSON at position.*| at line \d+ column.*/g, '');
  const gecko = /line (\d+) column (\d+)/.exec(failure);
  let line: number;
  let column: number;
  if (gecko) {
    line = +gecko[1];
    column = +gecko[2];
  } else {
    let offset = +(positionIn(failure) ?? 0);
    if (!positionIn(failure))
      for (let high = source.length; offset < high;) {
        const middle = (offset + high) >> 1;
        const prefix = jsonError(source.slice(0, middle + 1));
        const at = prefix && positionIn(prefix);
        if (prefix && (at ? +at <= middle : !/end of JSON/.test(prefix))) high = middle;
        else offset = middle + 1;
      }
    const before = source.slice(0, offset).split('\n');
    line = before.length;
    column = before.at(-1)!.length + 1;
  }
  const quotes = /[“”„‘’]/.test(source) ? 'curly' : /[{,[]\s*'/.test(source) ? 'single' : undefined;
  return { error: { code: 'invalid-json', line, column, reason, quotes } };
}
