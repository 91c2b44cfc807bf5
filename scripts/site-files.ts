import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Marked } from 'marked';
import { gfmHeadingId } from 'marked-gfm-heading-id';
import type { Plugin } from 'vite';

/**
 * The files of the editors' site that are not Vite pages: the guides as HTML
 * (rendered from docs/*.md with marked), the JSON Schemas, the seed manifesto
 * the demo page loads, and the versioned bundles with their Subresource
 * Integrity hashes. The same list serves `npm start` (a middleware) and
 * `npm run build:site` (emitted into the output), so that the two never differ.
 */

const root = resolve(import.meta.dirname, '..');
const read = (path: string) => readFileSync(join(root, path));
const version = () => JSON.parse(read('package.json').toString()).version as string;
const BUNDLES = ['industrikommun-widgets.js', 'industrikommun-widgets.iife.js'];

interface SiteFile {
  type: string;
  body: () => Buffer | string;
}

const GUIDES = [
  { file: 'guide.sv.md', page: 'guide.sv.html', lang: 'sv' },
  { file: 'guide.en.md', page: 'guide.en.html', lang: 'en' },
  { file: 'web-team.md', page: 'web-team.html', lang: 'en' },
] as const;

const NAV: Record<'sv' | 'en', [string, string][]> = {
  sv: [
    ['index.html', 'Exempelsida'],
    ['builder.html', 'Skapa kod'],
    ['guide.sv.html', 'Guide för redaktörer'],
    ['web-team.html', 'För webbgruppen'],
  ],
  en: [
    ['index.html?lang=en', 'Example page'],
    ['builder.html?lang=en', 'Create the code'],
    ['guide.en.html', "Editor's guide"],
    ['web-team.html', 'For the web team'],
  ],
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A guide as a page of the site: in its own language, UTF-8, with the site's header and links between the pages. */
export function guidePage(markdown: string, lang: 'sv' | 'en', page: string) {
  // A checklist's boxes are for the reader to tick in their head: a character, not a form control without a label.
  const marked = new Marked(gfmHeadingId(), {
    renderer: { checkbox: ({ checked }) => `<span aria-hidden="true">${checked ? '☑' : '☐'}</span> ` },
  });
  // Links between the guides point at their pages here; the site's builder replaces the development server's path.
  const text = markdown.replace(/\]\((guide\.(?:sv|en)|web-team)\.md(#[^)]*)?\)/g, (_, name, hash = '') => `](${name}.html${hash})`);
  // A wide table scrolls sideways on a phone, in a region that the keyboard can reach and scroll, named after its
  // section and numbered within it.
  let section = '';
  let count = 0;
  const body = (marked.parse(text, { async: false }) as string)
    .replace(/<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>|<table>/g, (match, heading?: string) => {
      if (heading !== undefined) {
        section = heading.replace(/<[^>]+>/g, '');
        count = 0;
        return match;
      }
      const name = `${lang == 'sv' ? 'Tabell' : 'Table'} ${++count}: ${section}`;
      return `<div class="table" role="region" aria-label="${name.replace(/"/g, '&quot;')}" tabindex="0"><table>`;
    })
    .replace(/<\/table>/g, '</table></div>');
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1].replace(/[`*]/g, '') ?? page;
  const nav = NAV[lang]
    .map(([href, label]) => `<a href="${href}"${href == page ? ' aria-current="page"' : ''}>${escapeHtml(label)}</a>`)
    .join('\n        ');
  return `<!doctype html>
<html lang="${lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>${escapeHtml(title)}</title>
    <link rel="stylesheet" href="guide.css" />
  </head>
  <body>
    <header class="site-header">
      <p class="site-name">Industrikommunernas widgetar</p>
      <nav class="site-nav" aria-label="${lang == 'sv' ? 'Webbplatsen' : 'The site'}">
        ${nav}
      </nav>
    </header>
    <main id="main" class="guide">
${body}
    </main>
  </body>
</html>
`;
}

/** Every file of the site that Vite does not build itself, by its path in the site. */
export function siteFiles(): Map<string, SiteFile> {
  const files = new Map<string, SiteFile>();
  const html = 'text/html; charset=utf-8';
  const json = 'application/json; charset=utf-8';
  for (const guide of GUIDES)
    files.set(guide.page, { type: html, body: () => guidePage(read(`docs/${guide.file}`).toString('utf8'), guide.lang, guide.page) });
  // The shared rules in front, as demo.css and builder.css @import them: one request for the guides.
  files.set('guide.css', { type: 'text/css; charset=utf-8', body: () => Buffer.concat([read('demo/site.css'), read('demo/guide.css')]) });
  for (const name of readdirSync(join(root, 'schema')).filter((name) => name.endsWith('.schema.json')))
    files.set(`schema/${name}`, { type: json, body: () => read(`schema/${name}`) });
  for (const name of ['manifesto.json', 'contact.json', 'share.json'])
    files.set(`seed/${name}`, { type: json, body: () => read(`fixtures/seed/${name}`) });
  files.set('industrikommun-widgets/version.json', { type: json, body: () => JSON.stringify({ version: version() }) + '\n' });
  // The bundles as `npm run build` left them, under their version, so that a snippet's integrity hash stays true.
  if (existsSync(join(root, 'dist/sri.json'))) {
    const sri = () => read('dist/sri.json');
    const dir = `industrikommun-widgets/${version()}`;
    files.set('industrikommun-widgets/sri.json', { type: json, body: sri });
    files.set(`${dir}/sri.json`, { type: json, body: sri });
    for (const name of BUNDLES) files.set(`${dir}/${name}`, { type: 'text/javascript; charset=utf-8', body: () => read(`dist/${name}`) });
  }
  return files;
}

/** Serves the site's files under `npm start`, and writes them into the output of `npm run build:site`. */
export function sitePlugin(): Plugin {
  return {
    name: 'ik-site-files',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname).replace(/^\/+/, '');
        const file = siteFiles().get(path);
        if (!file || (request.method != 'GET' && request.method != 'HEAD')) return next();
        response.setHeader('Content-Type', file.type);
        response.setHeader('Cache-Control', 'no-cache');
        response.end(request.method == 'HEAD' ? undefined : file.body());
      });
    },
    generateBundle() {
      const files = siteFiles();
      if (!files.has('industrikommun-widgets/sri.json'))
        this.warn('dist/ is not built: the site has no bundles (run `npm run build` first)');
      for (const [fileName, file] of files) this.emitFile({ type: 'asset', fileName, source: file.body() });
    },
  };
}
