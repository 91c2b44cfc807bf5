import type { Plugin } from 'vite';

/**
 * Vite's minifier leaves the text of template literals alone, so the CSS and
 * HTML in our `css` and `html` templates would ship with their indentation and
 * comments. This plugin squeezes the literal text (never the `${…}`
 * expressions) of those two tags in our own sources. Every byte counts in a
 * bundle that each visitor downloads.
 */
export function minifyLiterals(): Plugin {
  return {
    name: 'ik-minify-literals',
    apply: 'build',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      const locale = /\/src\/generated\/locales\/([a-z]+)\.ts$/.exec(id)?.[1];
      if (locale) code = dropUnusedPlurals(code, locale);
      return { code: stripTranslatorNotes(squeezeTemplates(code)), map: null };
    },
  };
}

/**
 * A bundled language's generated templates without the plural forms it never selects: lit-localize fills every
 * message a language's XLIFF file leaves out with the Swedish source, so English would carry Arabic's `zero`, `two`,
 * `few` and `many` count messages in Swedish. `Intl.PluralRules` never picks them for English.
 */
export function dropUnusedPlurals(code: string, locale: string) {
  const used = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  // One line per message, as lit-localize writes them (and the TypeScript transform before us keeps them).
  return code.replace(/^\s*['"][\w.]+\.(zero|one|two|few|many|other)['"]: .*,?$/gm, (line, category) =>
    used.includes(category) ? line : '',
  );
}

/**
 * `msg(…, {id, desc})`: the `desc` is for translators and lives on in the
 * XLIFF files; the browser needs only the id, which it takes as a plain string
 * (`msg(…, 'share.send')`, see src/shared/translate.ts).
 */
export const stripTranslatorNotes = (code: string) =>
  code.replace(/,\s*desc:\s*(['"`])(?:\\.|(?!\1)[^\\])*\1/g, '').replace(/,\s*\{\s*id:\s*(['"`])([\w.-]+)\1\s*,?\s*\}/g, ", '$2'");

const squeezeCss = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/(?<![\w.])0\.(?=\d)/g, '.')
    .trim();

// HTML collapses white space anyway; a line break plus indentation becomes one space.
const squeezeHtml = (text: string) => text.replace(/\s*\n\s*/g, ' ');

/** Walks the source, finds `css\`` and `html\`` templates and squeezes their literal parts. */
export function squeezeTemplates(code: string): string {
  let out = '';
  let at = 0;
  const tag = /\b(css|html)`/g;
  for (let match; (match = tag.exec(code));) {
    out += code.slice(at, match.index + match[0].length);
    const end = copyTemplate(code, tag.lastIndex, match[1] == 'css' ? squeezeCss : squeezeHtml, (part) => (out += part));
    at = tag.lastIndex = end;
  }
  return out + code.slice(at);
}

/** Copies one template literal starting after its backtick; returns the index after its closing backtick. */
function copyTemplate(code: string, start: number, squeeze: (text: string) => string, emit: (part: string) => void): number {
  let text = '';
  for (let i = start; i < code.length; i++) {
    const char = code[i];
    if (char == '\\') text += char + code[++i];
    else if (char == '`') return (emit(squeeze(text) + '`'), i + 1);
    else if (char == '$' && code[i + 1] == '{') {
      emit(squeeze(text) + '${');
      text = '';
      i = copyExpression(code, i + 2, emit) - 1;
    } else text += char;
  }
  throw new Error('unterminated template literal');
}

/** Copies a `${…}` expression, squeezing any html/css templates nested in it; returns the index after its `}`. */
function copyExpression(code: string, start: number, emit: (part: string) => void): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const char = code[i];
    if (char == '`') {
      const nested = /\b(css|html)$/.exec(code.slice(Math.max(0, i - 4), i));
      emit('`');
      i = copyTemplate(code, i + 1, nested ? (nested[1] == 'css' ? squeezeCss : squeezeHtml) : (text) => text, emit) - 1;
    } else if (char == "'" || char == '"') {
      let end = i + 1;
      while (code[end] != char) end += code[end] == '\\' ? 2 : 1;
      emit(code.slice(i, end + 1));
      i = end;
    } else {
      if (char == '{') depth++;
      if (char == '}' && depth-- == 0) return (emit('}'), i + 1);
      emit(char);
    }
  }
  throw new Error('unterminated template expression');
}
