#!/usr/bin/env node
/**
 * What a schema library would cost in the bundle: the contact card's
 * configuration check written with valibot against the hand-rolled
 * descriptor, each bundled and minified alone by esbuild, then compressed as
 * scripts/size.mjs does. valibot is not a dependency of the project: install
 * it in a scratch directory and point VALIBOT_MODULES at it.
 *
 *   mkdir -p /tmp/valibot && npm --prefix /tmp/valibot install valibot@1.5.0
 *   VALIBOT_MODULES=/tmp/valibot/node_modules node docs/measurements/measure.mjs
 */
import { build } from 'esbuild';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const here = new URL('.', import.meta.url).pathname;
const nodePaths = process.env.VALIBOT_MODULES ? [process.env.VALIBOT_MODULES] : [];

for (const entry of ['contact.valibot.js', 'contact.handrolled.js']) {
  const result = await build({ entryPoints: [here + entry], bundle: true, minify: true, format: 'esm', target: 'es2022', write: false, nodePaths });
  const code = result.outputFiles[0].contents;
  const brotli = brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  console.log(`${entry.padEnd(24)} ${String(code.length).padStart(6)} B minified ${String(gzipSync(code, { level: 9 }).length).padStart(6)} B gzip ${String(brotli).padStart(6)} B brotli`);
}
