#!/usr/bin/env node
/**
 * Prints the minified, gzip and brotli bytes of each bundle and fails when the
 * ES module is over its brotli budget: 15,360 B for the three elements, Lit
 * and both languages, with 14,336 B as the aim.
 */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUNDLES = ['dist/industrikommun-widgets.js', 'dist/industrikommun-widgets.iife.js'];
const BUDGET = 15_360;
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
if (brotli > BUDGET) {
  console.error(`Over budget by ${brotli - BUDGET} B.`);
  process.exit(1);
}
