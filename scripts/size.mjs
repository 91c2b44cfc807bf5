#!/usr/bin/env node
/**
 * Prints the minified, gzip and brotli bytes of each bundle and fails when the
 * ES module is over its brotli budget. The budget grows with the elements the
 * bundle registers (issue plan: 10,000 B for the contact card, 11,000 B with
 * the manifesto card, 12,288 B for all three).
 */
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const BUNDLES = ['dist/industrikommun-widgets.js', 'dist/industrikommun-widgets.iife.js'];
const BUDGETS = { 1: 10_000, 2: 11_000, 3: 12_288 };

const sizes = BUNDLES.map((file) => {
  const bytes = readFileSync(file);
  return {
    file,
    minified: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});

const esModule = readFileSync(BUNDLES[0], 'utf8');
const elements = ['ik-contact-card', 'ik-manifesto-card', 'ik-share-form'].filter((tag) => esModule.includes(`\`${tag}\``) || esModule.includes(`"${tag}"`));
const budget = BUDGETS[elements.length] ?? BUDGETS[3];

console.log('bundle'.padEnd(40), 'minified'.padStart(9), 'gzip'.padStart(7), 'brotli'.padStart(7));
for (const size of sizes)
  console.log(size.file.padEnd(40), String(size.minified).padStart(9), String(size.gzip).padStart(7), String(size.brotli).padStart(7));
const brotli = sizes[0].brotli;
console.log(`\nES module: ${brotli} B brotli of a ${budget} B budget for ${elements.join(', ')} (${budget - brotli} B left)`);
if (brotli > budget) {
  console.error(`Over budget by ${brotli - budget} B.`);
  process.exit(1);
}
