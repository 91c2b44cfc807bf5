/**
 * Every message the widgets show is one `msg()` call with an `id` (the key the translations are stored under) and a
 * `desc` (the note the translator reads), and every id has its English in locales/en.xlf. A plural is one message
 * per form of it (Intl.PluralRules), never a sentence put together from pieces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../../', import.meta.url).pathname;
const sources = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
  // translate.ts defines msg(); generated/ holds the translations.
  .filter((file) => file.endsWith('.ts') && !file.startsWith('generated') && file != join('shared', 'translate.ts'))
  // Comments talk about `msg()` too: only code counts.
  .map((file) => [
    file,
    readFileSync(join(root, 'src', file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, ''),
  ]);

/** Each `msg(…)` call's text, found by matching its parentheses (strings and templates skipped). */
function calls(code) {
  const found = [];
  for (const match of code.matchAll(/\bmsg\(/g)) {
    let depth = 0;
    let quote = '';
    for (let i = match.index + 3; i < code.length; i++) {
      const char = code[i];
      if (quote) {
        if (char == '\\') i++;
        else if (char == quote) quote = '';
        continue;
      }
      if (char == "'" || char == '"' || char == '`') quote = char;
      else if (char == '(') depth++;
      else if (char == ')' && --depth == 0) {
        found.push(code.slice(match.index, i + 1));
        break;
      }
    }
  }
  return found;
}

const messages = sources.flatMap(([file, code]) => calls(code).map((call) => ({ file, call, id: /\bid:\s*'([^']+)'/.exec(call)?.[1] })));

test('every msg() has an id and a desc', () => {
  assert.ok(messages.length > 30, `found ${messages.length} messages`);
  for (const { file, call, id } of messages) {
    assert.ok(id, `${file}: ${call.slice(0, 80)} has no id`);
    assert.match(call, /\bdesc:\s*['"`]/, `${file}: ${id} has no desc`);
  }
  const ids = messages.map(({ id }) => id);
  assert.deepEqual(
    ids.filter((id, index) => ids.indexOf(id) != index),
    [],
    'ids used twice',
  );
});

/**
 * Every message has its target in each language's file, but for the plural forms that the language never selects
 * (`Intl.PluralRules`: English and Finnish have only `one` and `other`; Arabic all six).
 */
for (const lang of ['en', 'fi', 'ar'])
  test(`every message has its ${lang} target in locales/${lang}.xlf`, () => {
    const xlf = readFileSync(join(root, `locales/${lang}.xlf`), 'utf8');
    const targets = new Map(
      [...xlf.matchAll(/<trans-unit id="([^"]+)">[\s\S]*?<\/trans-unit>/g)].map((unit) => [unit[1], /<target[ >]/.test(unit[0])]),
    );
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    for (const { id } of messages) {
      const category = /\.(zero|one|two|few|many|other)$/.exec(id)?.[1];
      if (category && !categories.includes(category)) continue;
      assert.equal(targets.get(id), true, `${id}: no ${lang} target`);
    }
  });

test('Finnish and Arabic say that no speaker has reviewed them: every target needs-review-translation', () => {
  for (const lang of ['fi', 'ar']) {
    const xlf = readFileSync(join(root, `locales/${lang}.xlf`), 'utf8');
    const targets = [...xlf.matchAll(/<target([^>]*)>/g)];
    assert.ok(targets.length > 40, `${lang}: ${targets.length} targets`);
    for (const [, attributes] of targets)
      assert.match(attributes, /state="needs-review-translation"/, `${lang}: a target without its state`);
  }
});
