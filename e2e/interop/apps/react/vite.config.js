import { defineConfig } from 'vite';

// Three pages: client render, the server-rendered page that hydrates (written by prerender.mjs
// from hydrate.html), and a page that renders before the widgets' script has loaded.
export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    target: 'es2022',
    rolldownOptions: { input: ['client.html', 'hydrate.html', 'late.html'] },
  },
});
