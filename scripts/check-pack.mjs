#!/usr/bin/env node
/**
 * Fails unless `npm pack` would publish exactly what users need, and nothing
 * else: the two bundles, the language files they load (each JSON of strings,
 * whose SHA-384 both bundles carry), their type declarations, the Custom Elements
 * Manifest, one JSON Schema per element, package.json, README.md,
 * CHANGELOG.md and the licence. Also checks that every target of the
 * `exports` map, `main`, `module` and `types` is in the package, and that
 * `customElements` points at the manifest, whose module paths all name files
 * in the package. Run after `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const problems = [];
const fail = (message) => problems.push(message);

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = new Set(packed.files.map((file) => file.path));

// The elements are whatever the manifest declares; each must have its schema.
let tags = [];
/** Every module path the manifest names (modules, superclasses, inherited members, exports). */
let manifestPaths = [];
try {
  const text = readFileSync('custom-elements.json', 'utf8');
  const manifest = JSON.parse(text);
  tags = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .map((declaration) => declaration.tagName)
    .filter(Boolean);
  manifestPaths = [...new Set([...text.matchAll(/"(?:path|module)":\s*"([^"]+)"/g)].map((match) => match[1]))];
} catch (error) {
  fail(`custom-elements.json cannot be read (${error.message}): run npm run build`);
}
for (const tag of ['ik-contact-card', 'ik-manifesto-card', 'ik-share-form'])
  if (!tags.includes(tag)) fail(`custom-elements.json does not declare <${tag}>`);

/** Every source file has its declaration file, and no declaration is left over from a deleted source. */
const sources = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(`${dir}/${entry.name}`) : /(?<!\.d)\.ts$/.test(entry.name) ? [`${dir}/${entry.name}`] : [],
  );
const declarations = sources('src').map((file) => file.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts'));

const licence = readdirSync('.').find((name) => /^licen[cs]e(\.(md|txt))?$/i.test(name));
const expected = new Set([
  'package.json',
  'README.md',
  'CHANGELOG.md',
  ...(licence ? [licence] : []),
  'custom-elements.json',
  'dist/industrikommun-widgets.js',
  'dist/industrikommun-widgets.iife.js',
  // The languages loaded on demand, beside the bundles.
  ...readdirSync('dist/locales').map((name) => `dist/locales/${name}`),
  // The Node entry (nothing defined in a server render) and the React and Vue JSX types.
  ...readdirSync('entries').map((name) => `entries/${name}`),
  ...declarations,
  ...[...new Set(tags)].map((tag) => `schema/${tag}.schema.json`),
]);

for (const file of expected) if (!files.has(file)) fail(`missing from the package: ${file}`);
for (const path of manifestPaths) if (!files.has(path)) fail(`custom-elements.json names ${path}, which is not in the package`);
for (const file of files) if (!expected.has(file)) fail(`in the package but should not be: ${file}`);
if (!licence) console.warn('Note: no LICENSE file; package.json says "license": ' + JSON.stringify(pkg.license));

/** The files an exports target names; `*` matches any path, as Node resolves it. */
function targets(value, at) {
  if (typeof value == 'string') {
    if (!value.startsWith('./')) return fail(`${at}: "${value}" must start with ./`);
    const path = value.slice(2);
    if (path.includes('*')) {
      const [before, after] = path.split('*');
      if (![...files].some((file) => file.startsWith(before) && file.endsWith(after)))
        fail(`${at}: "${value}" matches no file in the package`);
    } else if (!files.has(path)) fail(`${at}: "${value}" is not in the package`);
  } else if (value && typeof value == 'object') {
    const keys = Object.keys(value);
    // TypeScript reads conditions in order and stops at the first match: "types" must come first.
    if (keys.includes('types') && keys[0] != 'types') fail(`${at}: "types" must be the first condition`);
    for (const key of keys) targets(value[key], `${at}[${JSON.stringify(key)}]`);
  } else fail(`${at}: unexpected ${JSON.stringify(value)}`);
}

if (!pkg.exports) fail('package.json has no "exports" map');
else targets(pkg.exports, 'exports');
if (!pkg.exports?.['.']) fail('exports has no "." entry');
for (const field of ['main', 'module', 'types'])
  if (pkg[field] && !files.has(pkg[field].replace(/^\.\//, ''))) fail(`"${field}": "${pkg[field]}" is not in the package`);
if (pkg.customElements?.replace(/^\.\//, '') != 'custom-elements.json')
  fail(`"customElements" must be "custom-elements.json", not ${JSON.stringify(pkg.customElements)}`);
for (const tag of tags) if (!existsSync(`schema/${tag}.schema.json`)) fail(`schema/${tag}.schema.json does not exist: run npm run schema`);

// The language files are data, never code, and the bundles carry their hashes: a page's SRI on the script covers them.
const bundles = ['dist/industrikommun-widgets.js', 'dist/industrikommun-widgets.iife.js'].map((file) => readFileSync(file, 'utf8'));
for (const name of readdirSync('dist/locales')) {
  const text = readFileSync(`dist/locales/${name}`, 'utf8');
  let data;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(`dist/locales/${name} is not JSON: ${error.message}`);
    continue;
  }
  const isText = (value) =>
    typeof value == 'string' ||
    (Object.keys(value ?? {}).join() == 'strings,values' &&
      value.strings.every((part) => typeof part == 'string') &&
      value.values.every((index) => Number.isInteger(index)));
  if (!Object.values(data).every(isText)) fail(`dist/locales/${name} holds something other than strings and {strings, values}`);
  const hash = `sha384-${createHash('sha384').update(text).digest('base64')}`;
  if (!bundles.every((bundle) => bundle.includes(hash))) fail(`dist/locales/${name}: its hash ${hash} is not in both bundles`);
}

if (problems.length) {
  console.error(`npm pack would publish the wrong files:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `npm pack: the expected ${files.size} files, ${(packed.size / 1024).toFixed(1)} kB packed (${(packed.unpackedSize / 1024).toFixed(1)} kB unpacked).`,
);
