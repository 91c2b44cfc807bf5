#!/usr/bin/env node
/**
 * Prints the Subresource Integrity hash (SHA-384) of each bundle and writes
 * them to dist/sri.json, which the snippet builder reads to put `integrity`
 * on the script tag it gives editors. Runs at the end of `npm run build`.
 *
 * A hash pins the exact bytes: a CDN that served anything else (an edited or
 * injected copy) is refused by the browser. So the URL must be versioned, and
 * a new build means new hashes in every snippet that pins them.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const BUNDLES = ['industrikommun-widgets.js', 'industrikommun-widgets.iife.js'];

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const integrity = Object.fromEntries(
  BUNDLES.map((name) => [
    name,
    `sha384-${createHash('sha384')
      .update(readFileSync(`dist/${name}`))
      .digest('base64')}`,
  ]),
);

writeFileSync('dist/sri.json', JSON.stringify({ version, integrity }, null, 2) + '\n');

console.log(`\nSubresource Integrity (version ${version}, also in dist/sri.json):`);
for (const [name, hash] of Object.entries(integrity)) console.log(`  ${name.padEnd(32)} ${hash}`);
