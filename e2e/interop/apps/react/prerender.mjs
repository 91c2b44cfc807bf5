// Server render: imports the SSR build in Node (which imports the package there) and writes the
// HTML into the hydrate page, as a React server would send it.
import { readFileSync, writeFileSync } from 'node:fs';

const { render } = await import('./dist-server/server.js');
const page = 'dist/hydrate.html';
const html = readFileSync(page, 'utf8');
if (!html.includes('<!--ssr-->')) throw new Error(`${page} has no <!--ssr--> placeholder`);
writeFileSync(page, html.replace('<!--ssr-->', render()));
