#!/usr/bin/env node
// The compiled relay (dist/ is built by `npm ci`/`npm install` through the package's `prepare` script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('industrikommun-share-relay: not built yet: run `npm run build -w relay` (or `npm install`) first\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main();
