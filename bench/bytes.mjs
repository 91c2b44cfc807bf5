/**
 * What each part of the ES module costs. Builds variants of the bundle with the project's own Vite
 * config into a temporary folder (nothing shipped is touched) and compresses each as
 * scripts/size.mjs does (brotli quality 11, gzip level 9):
 *
 * - the whole bundle;
 * - Lit as we use it (`LitElement` with `ReactiveElement`, lit-html's `html`/`nothing`,
 *   `ifDefined`, the `css` tag), alone; and of it, lit-html with `css` alone, so that the rest is
 *   the price of `LitElement` and `ReactiveElement`;
 * - @lit/localize as we use it at run time (the `str` tag), alone;
 * - the shared code: Lit and every module of src/shared with no element and an empty English map,
 *   minus Lit alone; of it, the `IkWidget` base and the translator (src/shared/translate.ts);
 * - each element: the whole bundle minus a build without it (its marginal cost);
 * - the English locale: the whole bundle minus a build with an empty English map;
 * - the Swedish strings (the source locale, inline in the code): minus a build with every
 *   plain-string `msg('…')` emptied;
 * - two features priced for the decision whether they pay for their bytes (the vCard file, the
 *   JSON error positions).
 *
 * Marginal costs of compressed parts do not add up exactly to the whole: compression shares a
 * dictionary across the file.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
// Entries must live inside the repository for `lit/…` to resolve from node_modules.
const entries = join(root, 'bench', '.bytes-tmp');
const out = join(process.env.TMPDIR ?? '/tmp', `ik-bench-bytes-${process.pid}`);

const ELEMENTS = {
  'ik-contact-card': ['IkContactCard', 'contact-card/contact-card.js'],
  'ik-manifesto-card': ['IkManifestoCard', 'manifesto-card/manifesto-card.js'],
  'ik-share-form': ['IkShareForm', 'share-form/share-form.js'],
};

const sizes = (file) => {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

async function variant(name, source, { plugins = [], alias = [] } = {}) {
  const entry = join(entries, `${name}.ts`);
  writeFileSync(entry, source);
  await build({
    configFile: join(root, 'vite.config.ts'),
    root,
    logLevel: 'silent',
    plugins,
    resolve: { alias },
    build: {
      outDir: join(out, name),
      emptyOutDir: true,
      lib: { entry, formats: ['es'], fileName: () => 'bundle.js' },
    },
  });
  return sizes(join(out, name, 'bundle.js'));
}

const elementsEntry = (tags) =>
  tags.map((tag) => `import { ${ELEMENTS[tag][0]} } from '../../src/${ELEMENTS[tag][1]}';`).join('\n') +
  `\nimport { defineOnce } from '../../src/shared/define.js';\n` +
  tags.map((tag) => `defineOnce('${tag}', ${ELEMENTS[tag][0]});`).join('\n');

/** lit-html and the `css` tag, what any Lit template needs. */
const LIT_HTML = `export { html, render, nothing } from 'lit/html.js';
export { ifDefined } from 'lit/directives/if-defined.js';
export { css } from '@lit/reactive-element/css-tag.js';`;
/** Lit as the elements use it: the above and `LitElement`, which brings `ReactiveElement`. */
const LIT = `${LIT_HTML}\nexport { LitElement } from 'lit';`;

/** Every module under src/shared (the translator, the base, configuration, language, styles, URLs …). */
const SHARED = readdirSync(join(root, 'src/shared'))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => `export * from '../../src/shared/${file.replace(/\.ts$/, '.js')}';`)
  .join('\n');

/** Empties the Swedish text of `msg('…')` calls (not the `str` templates, which carry values). */
const withoutSwedish = {
  name: 'bench-without-swedish',
  enforce: 'pre',
  transform(code, id) {
    if (!/\/src\/(?!generated).*\.ts$/.test(id)) return null;
    return { code: code.replace(/msg\(\s*'(?:\\.|[^'\\])*'/g, "msg(''"), map: null };
  },
};

export async function measureBytes() {
  mkdirSync(entries, { recursive: true });
  try {
    const all = Object.keys(ELEMENTS);
    const whole = await variant('whole', `import '../../src/index.js';`);
    const lit = await variant('lit', LIT);
    const litHtml = await variant('lit-html', LIT_HTML);
    const localize = await variant('localize', `export { str } from '@lit/localize';`);
    writeFileSync(join(entries, 'empty-en.ts'), 'export const templates = {};');
    const emptyEnglish = [{ find: /^\.\.\/generated\/locales\/en\.js$/, replacement: join(entries, 'empty-en.ts') }];
    const shared = await variant('shared', `${LIT}\n${SHARED}`, { alias: emptyEnglish });
    const base = await variant('widget', `${LIT}\nexport { IkWidget } from '../../src/shared/widget.js';`, { alias: emptyEnglish });
    const translator = await variant('translate', `export { msg, speaking } from '../../src/shared/translate.js';`, { alias: emptyEnglish });
    const withoutEnglish = await variant('no-en', `import '../../src/index.js';`, { alias: emptyEnglish });
    const noSwedish = await variant('no-sv', `import '../../src/index.js';`, { plugins: [withoutSwedish] });
    const rows = [];
    const row = (part, how, size) => rows.push([part, how, String(size.brotli), String(size.gzip), String(size.raw)]);
    row('**whole ES module**', '`src/index.ts`', whole);
    row('Lit (`LitElement` with `ReactiveElement`, lit-html, `ifDefined`, `css`)', 'alone', lit);
    row('of which: lit-html, `ifDefined`, `css`', 'alone', litHtml);
    row('of which: `LitElement` and `ReactiveElement`', 'Lit minus lit-html alone', diff(lit, litHtml));
    row('@lit/localize (the `str` tag)', 'alone', localize);
    row('shared code (all of src/shared: the `IkWidget` base, the translator, configuration loading and validation, schema, JSON errors, language, base styles, URLs; without the English map)', 'Lit + shared, minus Lit', diff(shared, lit));
    row('of which: `IkWidget`, our base on `LitElement` (with the translator\'s `speaking`)', 'Lit + it, minus Lit', diff(base, lit));
    row('of which: the translator (`src/shared/translate.ts`: `msg`, `speaking`, the locale list)', 'alone, empty English map', translator);
    for (const tag of all) {
      const without = await variant(`no-${tag}`, elementsEntry(all.filter((other) => other != tag)));
      row(`\`<${tag}>\``, 'whole minus a build without it', diff(whole, without));
    }
    row('English locale (`src/generated/locales/en.ts`)', 'whole minus a build with an empty map', diff(whole, withoutEnglish));
    row('Swedish strings (inline `msg()` source text)', 'whole minus a build with them emptied', diff(whole, noSwedish));
    // Features beyond the contract's minimum, priced for the decision whether they pay for their bytes.
    writeFileSync(join(entries, 'stub-vcard.ts'), 'export const toVCard = () => "";\nexport const downloadVCard = () => {};');
    const noVCard = await variant('no-vcard', `import '../../src/index.js';`, { alias: [{ find: /^\.\/vcard\.js$/, replacement: join(entries, 'stub-vcard.ts') }] });
    row('of which: the vCard file ("Spara kontakt"; not in the contract)', 'whole minus a build with `vcard.ts` stubbed (the button stays)', diff(whole, noVCard));
    writeFileSync(join(entries, 'stub-json.ts'), 'export function parseJson(source: string) { try { return { value: JSON.parse(source) }; } catch (error) { return { error: String(error) }; } }');
    const plainJson = await variant('plain-json', `import '../../src/index.js';`, { alias: [{ find: /^\.\/json\.js$/, replacement: join(entries, 'stub-json.ts') }] });
    row('of which: JSON error positions and quote hints (the contract asks for them)', 'whole minus a build with `JSON.parse` errors as they come', diff(whole, plainJson));
    return [
      '| part | measured as | brotli, B | gzip, B | minified, B |',
      '| --- | --- | ---: | ---: | ---: |',
      ...rows.map((cells) => `| ${cells.join(' | ')} |`),
    ];
  } finally {
    rmSync(entries, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

const diff = (a, b) => ({ raw: a.raw - b.raw, gzip: a.gzip - b.gzip, brotli: a.brotli - b.brotli });

if (import.meta.url == `file://${process.argv[1]}`) console.log((await measureBytes()).join('\n'));
