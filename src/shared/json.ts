export type Parsed = { value: unknown; error?: undefined } | { value?: undefined; error: string };

/** `[value]` when `text` is JSON, else the engine's error message. */
const attempt = (text: string): [unknown] | string => {
  try {
    return [JSON.parse(text)];
  } catch (error) {
    return String((error as Error).message);
  }
};

const positionIn = (reason: string) => / position (\d+)/.exec(reason)?.[1];

/**
 * Parses JSON and, on failure, says where and why in words an editor can act
 * on. Gecko says "at line L column C" and V8 mostly "at position N". Where V8
 * names only the token ("Unexpected token 'x'"), the error is at the end of
 * the longest prefix that fails only because it ends: a binary search finds it.
 * The likely cause is added when the text holds curly or single quotes.
 */
export function parseJson(source: string): Parsed {
  const result = attempt(source);
  if (typeof result != 'string') return { value: result[0] };
  const reason = result.replace(/^JSON\.parse: | in JSON at position.*| at line \d+ column.*/g, '');
  let [, line, column] = /line (\d+) column (\d+)/.exec(result) ?? [];
  if (!line) {
    let offset = +(positionIn(result) ?? 0);
    if (!positionIn(result))
      for (let high = source.length; offset < high;) {
        const middle = (offset + high) >> 1;
        const prefix = attempt(source.slice(0, middle + 1));
        const at = typeof prefix == 'string' && positionIn(prefix);
        if (typeof prefix == 'string' && (at ? +at <= middle : !/end of JSON/.test(prefix))) high = middle;
        else offset = middle + 1;
      }
    const before = source.slice(0, offset).split('\n');
    [line, column] = [before.length + '', before.at(-1)!.length + 1 + ''];
  }
  let message = `invalid JSON at line ${line}, column ${column}: ${reason}`;
  if (/[“”„‘’]/.test(source))
    message += '. The text has curly quotes (“ ” ‘ ’), which word processors add: type straight double quotes (") instead';
  else if (/[{,[]\s*'/.test(source)) message += `. JSON needs straight double quotes (") around names and texts, not single quotes (')`;
  return { error: message };
}
