#!/usr/bin/env node
/**
 * Imports run one way between folders: fails, naming the files, when folder A imports from folder B while B
 * (directly or through other folders) imports from A. A folder is a file's directory (`bench`, `src/shared`,
 * `e2e/interop` …); relative imports and `import()` of the repository's own JavaScript and TypeScript are
 * read, packages are not. Part of `npm run lint`.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const FOLDERS = ['src', 'scripts', 'bench', 'demo', 'test', 'e2e', 'relay', 'integrations', 'entries'];
const SKIP = new Set(['node_modules', 'dist', 'generated', 'apps', 'vendor', 'build']);
const SOURCE = /\.(?:[cm]?js|ts|tsx)$/;

function* files(directory) {
  if (!existsSync(directory)) return;
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) {
      if (!SKIP.has(name)) yield* files(path);
    } else if (SOURCE.test(name) && !name.endsWith('.d.ts')) yield path;
  }
}

/** The file a relative specifier names: TypeScript's `.js` for `.ts`, or the path as written. */
function resolveImport(from, specifier) {
  const path = resolve(dirname(from), specifier);
  for (const candidate of [path, path.replace(/\.js$/, '.ts'), path.replace(/\.mjs$/, '.mts'), `${path}.ts`, join(path, 'index.ts')])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
}

/** Folder → folder → the first import seen that makes the edge (`file → imported file`). */
const edges = new Map();
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])(\.{1,2}\/[^'"]+)\1/g;
for (const top of FOLDERS)
  for (const file of files(join(root, top))) {
    const code = readFileSync(file, 'utf8');
    for (const [, , specifier] of code.matchAll(IMPORT)) {
      const target = resolveImport(file, specifier);
      if (!target) continue;
      const [a, b] = [dirname(relative(root, file)), dirname(relative(root, target))];
      if (a == b) continue;
      if (!edges.has(a)) edges.set(a, new Map());
      if (!edges.get(a).has(b)) edges.get(a).set(b, `${relative(root, file)} → ${relative(root, target)}`);
    }
  }

/** The path of edges from `from` back to `to`, if there is one. */
function pathBetween(from, to, seen = new Set()) {
  if (from == to) return [];
  seen.add(from);
  for (const [next, example] of edges.get(from) ?? []) {
    if (seen.has(next)) continue;
    const rest = pathBetween(next, to, seen);
    if (rest) return [example, ...rest];
  }
}

const cycles = [];
for (const [a, targets] of edges)
  for (const [b, example] of targets) {
    const back = pathBetween(b, a);
    if (back) cycles.push([example, ...back]);
  }

if (cycles.length) {
  console.error(`Imports run both ways between folders (${cycles.length}):`);
  for (const cycle of cycles) console.error(`  ${cycle.join('\n    then ')}`);
  process.exit(1);
}
console.log(`Imports run one way between folders: ${edges.size} folders import from others, no cycle.`);
