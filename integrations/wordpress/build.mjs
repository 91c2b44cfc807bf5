#!/usr/bin/env node
/**
 * Builds the WordPress plugin's installable zip from the plugin's sources and
 * the bundle `npm run build` made: copies dist/industrikommun-widgets.js and
 * its integrity hash (dist/sri.json) into the plugin's assets/, sets the
 * plugin's version to the package's, and writes
 * build/wordpress/industrikommun-widgets-<version>.zip (git-ignored). Compiles
 * languages/*.po into the .mo and .json files WordPress loads (git-ignored too). Bundles the block editor's
 * script (src/editor.js, with the one fallback writer demo/fallback-html.ts and the one language list
 * src/contract/languages.ts) into blocks/editor.js, and writes that list as languages.json for the PHP.
 *
 * Run through `npm run build:wordpress`, which builds the bundle first.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { zipSync } from 'fflate';
import gettextParser from 'gettext-parser';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const slug = 'industrikommun-widgets';
const pluginDir = join(root, 'integrations/wordpress', slug);
const assetsDir = join(pluginDir, 'assets');
const outDir = join(root, 'build/wordpress');

const fail = (message) => {
  console.error(`build:wordpress: ${message}`);
  process.exit(1);
};

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
let sri;
try {
  sri = JSON.parse(readFileSync(join(root, 'dist/sri.json'), 'utf8'));
} catch {
  fail('dist/sri.json is missing: run `npm run build` first (or `npm run build:wordpress`, which does).');
}
const integrity = sri.integrity?.['industrikommun-widgets.js'];
if (!/^sha384-[A-Za-z0-9+/]+=*$/.test(integrity ?? '')) fail('dist/sri.json has no sha384 hash for industrikommun-widgets.js.');
if (sri.version != version) fail(`dist/ is version ${sri.version}, package.json ${version}: run \`npm run build\` again.`);

// The bundle and its hash, beside the PHP that reads them (assets/ is git-ignored).
rmSync(assetsDir, { recursive: true, force: true });
mkdirSync(assetsDir);
copyFileSync(join(root, 'dist/industrikommun-widgets.js'), join(assetsDir, 'industrikommun-widgets.js'));
writeFileSync(
  join(assetsDir, 'sri.json'),
  JSON.stringify({ version, integrity: { 'industrikommun-widgets.js': integrity } }, null, 2) + '\n',
);

// ---- The block editor's script, bundled (not copied) with the fallback writer and the language list it imports.
const editorEntry = join(root, 'integrations/wordpress/src/editor.js');
await build({
  entryPoints: [editorEntry],
  bundle: true,
  format: 'iife',
  target: 'es2019',
  charset: 'utf8',
  legalComments: 'none',
  logLevel: 'warning',
  outfile: join(pluginDir, 'blocks/editor.js'),
});
// The one language list, for the PHP (the blocks' attributes per language, the site's language).
const languagesModule = await build({
  entryPoints: [join(root, 'src/contract/languages.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'warning',
});
const { LANGUAGES } = await import(`data:text/javascript;base64,${Buffer.from(languagesModule.outputFiles[0].text).toString('base64')}`);
writeFileSync(
  join(pluginDir, 'languages.json'),
  JSON.stringify(Object.fromEntries(Object.entries(LANGUAGES).map(([code, { dir, name }]) => [code, { dir, name }])), null, 2) + '\n',
);

// ---- Translations: languages/*.po, compiled into the .mo PHP loads (block names, the plugin's description) and the
// .json WordPress hands the editor script (its sidebar), after a check that every string has a translation.
const languagesDir = join(pluginDir, 'languages');
const editorSource = readFileSync(editorEntry, 'utf8');
const editorCalls = editorSource.match(/\b__\(/g)?.length ?? 0;
// __('text', 'industrikommun-widgets') with either quote; the text's own escapes are JavaScript's.
const editorStrings = [...editorSource.matchAll(/\b__\(\s*(['"])((?:\\.|(?!\1)[^\\])*)\1\s*,\s*'industrikommun-widgets'\s*,?\s*\)/g)].map(
  ([, quote, text]) => JSON.parse(`"${quote == '"' ? text : text.replace(/\\'/g, "'").replace(/"/g, '\\"')}"`),
);
if (editorStrings.length != editorCalls)
  fail(
    `src/editor.js: ${editorCalls - editorStrings.length} __() call(s) without a plain string and the 'industrikommun-widgets' text domain.`,
  );
const header = readFileSync(join(pluginDir, `${slug}.php`), 'utf8');
// The PHP's own strings (settings page, notices): __(), esc_html__(), esc_attr__(), _e(), esc_html_e() with a
// single-quoted text and the plugin's text domain.
const phpFiles = [`${slug}.php`, ...readdirSync(join(pluginDir, 'includes')).map((name) => `includes/${name}`)];
const phpStrings = phpFiles.flatMap((name) =>
  [
    ...readFileSync(join(pluginDir, name), 'utf8').matchAll(
      /\b(?:__|esc_html__|esc_attr__|_e|esc_html_e)\(\s*'((?:\\.|[^'\\])*)'\s*,\s*'industrikommun-widgets'\s*\)/g,
    ),
  ].map(([, text]) => text.replace(/\\(['\\])/g, '$1')),
);
/** What WordPress translates, as `context\u0004text` or `text`. */
const wanted = new Set([
  ...editorStrings,
  ...phpStrings,
  ...['Plugin Name', 'Description'].map((field) => header.match(new RegExp(`^ \\* ${field}:\\s+(.*)$`, 'm'))[1].trim()),
  ...['contact-card', 'manifesto-card', 'share-form'].flatMap((block) => {
    const { title, description } = JSON.parse(readFileSync(join(pluginDir, 'blocks', block, 'block.json'), 'utf8'));
    return [`block title\u0004${title}`, `block description\u0004${description}`];
  }),
]);
// What an earlier build compiled goes first: a .po removed since must not leave its translations in the zip.
for (const name of readdirSync(languagesDir)) if (/\.(mo|json)$/.test(name)) rmSync(join(languagesDir, name));
for (const poFile of readdirSync(languagesDir).filter((name) => name.endsWith('.po'))) {
  const po = gettextParser.po.parse(readFileSync(join(languagesDir, poFile)));
  const locale = po.headers.Language;
  const translated = new Map();
  for (const [context, entries] of Object.entries(po.translations))
    for (const [id, entry] of Object.entries(entries)) if (id) translated.set(context ? `${context}\u0004${id}` : id, entry.msgstr);
  const missing = [...wanted].filter((key) => !translated.get(key)?.[0]);
  const unused = [...translated.keys()].filter((key) => !wanted.has(key));
  const show = (keys) => keys.map((key) => `"${key.replace('\u0004', ': ')}"`).join(', ');
  if (missing.length) fail(`languages/${poFile}: no translation for ${show(missing)}.`);
  if (unused.length) fail(`languages/${poFile}: translates what the plugin no longer says: ${show(unused)}.`);
  const base = poFile.replace(/\.po$/, '');
  writeFileSync(join(languagesDir, `${base}.mo`), gettextParser.mo.compile(po));
  // Jed 1.x, as wp_set_script_translations reads it; named domain-locale-handle, which needs no hash of the script's path.
  const messages = { '': { domain: 'messages', lang: locale, 'plural-forms': po.headers['Plural-Forms'] } };
  for (const key of editorStrings) messages[key] = translated.get(key);
  writeFileSync(
    join(languagesDir, `${base}-industrikommun-widgets-blocks.json`),
    JSON.stringify({ domain: 'messages', locale_data: { messages } }) + '\n',
  );
}

/** Every file of the plugin, as zip entries under the plugin's folder name (what WordPress's upload expects). */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}
const entries = {};
for (const path of files(pluginDir)) {
  let bytes = readFileSync(path);
  const name = relative(pluginDir, path);
  // The plugin header's version is the package's, so that WordPress shows which bundle it carries.
  if (name == `${slug}.php`) bytes = Buffer.from(bytes.toString('utf8').replace(/^( \* Version:\s+).*$/m, `$1${version}`));
  if (name == 'readme.txt') bytes = Buffer.from(bytes.toString('utf8').replace(/^(Stable tag:\s+).*$/m, `$1${version}`));
  entries[`${slug}/${name}`] = [new Uint8Array(bytes), { mtime: new Date('2020-01-01T00:00:00Z') }];
}

// PHP that does not parse would break the site it is installed on: check every file before zipping.
for (const name of Object.keys(entries).filter((name) => name.endsWith('.php'))) {
  try {
    execFileSync('php', ['-l', join(pluginDir, name.slice(slug.length + 1))], { stdio: 'pipe' });
  } catch (error) {
    if (error.code == 'ENOENT') {
      console.warn('build:wordpress: php not found, the PHP syntax check was skipped');
      break;
    }
    fail(`${name}: ${error.stdout}${error.stderr}`);
  }
}

mkdirSync(outDir, { recursive: true });
const zipPath = join(outDir, `${slug}-${version}.zip`);
writeFileSync(zipPath, zipSync(entries, { level: 9 }));
console.log(
  `${relative(root, zipPath)}: ${Object.keys(entries).length} files, ${(statSync(zipPath).size / 1024).toFixed(0)} kB, bundle ${integrity}`,
);
