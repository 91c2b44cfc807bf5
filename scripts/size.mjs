#!/usr/bin/env node
/**
 * Prints the minified, gzip and brotli bytes of each bundle and fails when the
 * ES module is over its brotli budget: 15,872 B for the three elements, Lit,
 * Swedish and English and the loader of the other languages (issue 18 raised it
 * from 15,360 B for the loader: BENCHMARKS.md has the bytes of each part), with
 * 14,336 B as the aim. Each language file loaded on demand (dist/locales/*.json)
 * must stay within 1,536 B brotli.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const LOCALES = readdirSync('dist/locales').map((name) => `dist/locales/${name}`);
const BUNDLES = ['dist/industrikommun-widgets.js', 'dist/industrikommun-widgets.iife.js', ...LOCALES];
const BUDGET = 15_872;
const LOCALE_BUDGET = 1_536;
const AIM = 14_336;

const sizes = BUNDLES.map((file) => {
  const bytes = readFileSync(file);
  return {
    file,
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});

console.log('bundle'.padEnd(40), 'minified'.padStart(9), 'gzip'.padStart(7), 'brotli'.padStart(7));
for (const size of sizes)
  console.log(size.file.padEnd(40), String(size.minified).padStart(9), String(size.gzip).padStart(7), String(size.brotli).padStart(7));
const brotli = sizes[0].brotli;
console.log(`\nES module: ${brotli} B brotli of a ${BUDGET} B budget (${BUDGET - brotli} B left; aim ${AIM} B: ${AIM - brotli} B left)`);
const overLocales = sizes.filter((size) => size.file.startsWith('dist/locales/') && size.brotli > LOCALE_BUDGET);
console.log(`Language files: each within ${LOCALE_BUDGET} B brotli (largest ${Math.max(...sizes.slice(2).map((size) => size.brotli))} B)`);
for (const size of overLocales) console.error(`${size.file} is over its ${LOCALE_BUDGET} B budget by ${size.brotli - LOCALE_BUDGET} B.`);
if (brotli > BUDGET) console.error(`Over budget by ${brotli - BUDGET} B.`);
if (brotli > BUDGET || overLocales.length || !LOCALES.length) process.exit(1);
