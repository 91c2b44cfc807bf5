export type Parsed = { value: unknown; error?: undefined } | { value?: undefined; error: string };

/**
 * Parses JSON and, on failure, says where and why in words an editor can act
 * on. Both engines already find the place: V8 says "at position N", Gecko
 * "at line L column C"; we turn either into a line and column, and add the
 * likely cause when the text holds curly or single quotes.
 */
/**
 * Where V8 names only the token ("Unexpected token 'x'"), the error offset is
 * the length of the longest prefix that is still valid JSON so far: such a
 * prefix fails only at its very end.
 */
function errorOffset(source: string): number {
  const failsInside = (length: number) => {
    try {
      JSON.parse(source.slice(0, length));
      return false;
    } catch (error) {
      const at = / position (\d+)/.exec((error as Error).message)?.[1];
      return at ? +at < length : !/end of JSON/.test((error as Error).message);
    }
  };
  let low = 0;
  let high = source.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (failsInside(middle + 1)) high = middle;
    else low = middle + 1;
  }
  return low;
}

export function parseJson(source: string): Parsed {
  try {
    return { value: JSON.parse(source) };
  } catch (error) {
    const reason = String((error as Error).message).replace(/^JSON\.parse: /, '');
    const offset = / position (\d+)/.exec(reason)?.[1] ?? (/line \d/.test(reason) ? 0 : errorOffset(source));
    const before = offset ? source.slice(0, +offset).split('\n') : [];
    const [, line, column] = offset
      ? [, before.length, before.at(-1)!.length + 1]
      : (/line (\d+) column (\d+)/.exec(reason) ?? []);
    let message = `invalid JSON${line ? ` at line ${line}, column ${column}` : ''}: ${reason.replace(/ in JSON at position.*| at line \d+ column.*/, '')}`;
    if (/[“”„‘’]/.test(source)) message += '. The text has curly quotes (“ ” ‘ ’), which word processors add: type straight double quotes (") instead';
    else if (/[{,]\s*'/.test(source)) message += `. JSON needs straight double quotes (") around names and texts, not single quotes (')`;
    return { error: message };
  }
}
