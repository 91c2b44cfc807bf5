import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { devRelay } from './scripts/dev-relay.js';
import { minifyLiterals } from './scripts/minify-literals.js';
import { sitePlugin } from './scripts/site-files.js';

/**
 * The editors' site: the example page, the builder, the guides, the JSON Schemas and the versioned bundles.
 * `npm start` serves it; `npm run build:site` writes it to site/ as plain files that any static host serves as
 * they are. Every address in it is relative, so it works in any folder of a host. Under `npm start` the share form
 * posts to the real share relay (scripts/dev-relay.ts); on the static site it uses the visitor's mail program.
 */
export default defineConfig({
  root: resolve(import.meta.dirname, 'demo'),
  base: './',
  publicDir: false,
  server: { fs: { allow: [import.meta.dirname] } },
  plugins: [minifyLiterals(), sitePlugin(), devRelay()],
  build: {
    target: 'es2022',
    outDir: resolve(import.meta.dirname, 'site'),
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: resolve(import.meta.dirname, 'demo/index.html'),
        builder: resolve(import.meta.dirname, 'demo/builder.html'),
      },
    },
  },
});
