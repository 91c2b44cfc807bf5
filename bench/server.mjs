/**
 * The benchmark's web server: plain Node `http` on 127.0.0.1, port 0.
 *
 * - `/page/<name>`: the pages the benchmark registers (`pages.set(name, html)`);
 * - `/dist/<file>`: the built bundle (`$BENCH_DIST`, default `dist/`); `?delay=<ms>` answers that
 *   much later, for the script that arrives late;
 * - `/compare/<file>`: another build to compare with, in the same run (`files.compareDir`);
 * - `/bench/<file>`: this folder (the host page's style sheet); `/twin.css`: the static twins' CSS;
 * - `/seed/<name>.json`: the seed configurations, for `data-config-src`;
 * - `/demo/…`: a production build of the demo page (`files.demoDir`), for Lighthouse, and
 *   `/fixtures/seed/…`, which it loads.
 *
 * Everything is sent `Cache-Control: no-store`, so that every load is a first visit: no HTTP
 * cache and no V8 code cache, for the widget page and the twin alike; and brotli-compressed, as a
 * production server would (compressed once per body, so the server's work is not timed).
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
export const distDir = resolve(root, process.env.BENCH_DIST ?? 'dist');

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves `file` inside `dir`, or 404 for anything outside it or missing. */
async function sendFile(res, dir, file, cacheControl) {
  const path = normalize(join(dir, file));
  if (!path.startsWith(dir)) return send(res, 404, 'text/plain', 'not found');
  try {
    send(res, 200, TYPES[extname(path)] ?? 'application/octet-stream', await readFile(path), cacheControl);
  } catch {
    send(res, 404, 'text/plain', 'not found');
  }
}

/** Answers with brotli when the browser takes it, as any production server would. */
function send(res, status, type, body, cacheControl = 'no-store') {
  const headers = { 'Content-Type': type, 'Cache-Control': cacheControl, Vary: 'Accept-Encoding' };
  if (/\bbr\b/.test(res.req.headers['accept-encoding'] ?? '') && body.length > 1024) {
    body = compressed(body);
    headers['Content-Encoding'] = 'br';
  }
  res.writeHead(status, headers);
  res.end(body);
}

const compressedBodies = new Map();
/** Brotli at a CDN's on-the-fly quality (5); each distinct body is compressed once. */
function compressed(body) {
  const key = typeof body == 'string' ? body : body.toString('latin1');
  if (!compressedBodies.has(key)) compressedBodies.set(key, brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }));
  return compressedBodies.get(key);
}

export async function startServer() {
  const pages = new Map();
  const files = { twinCss: '', demoDir: '', compareDir: '' };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    if (path.startsWith('/page/')) {
      const html = pages.get(path.slice(6));
      return html ? send(res, 200, TYPES['.html'], html) : send(res, 404, 'text/plain', 'no such page');
    }
    // The same bundle, with its language files cacheable (as a CDN would serve them): "strings cached" in the bench.
    if (path.startsWith('/dist-cached/'))
      return sendFile(res, distDir, path.slice(13), path.includes('/locales/') ? 'public, max-age=31536000, immutable' : undefined);
    if (path.startsWith('/dist/')) {
      const delay = Number(url.searchParams.get('delay') ?? 0);
      if (delay) await new Promise((done) => setTimeout(done, delay));
      return sendFile(res, distDir, path.slice(6));
    }
    if (files.compareDir && path.startsWith('/compare/')) return sendFile(res, files.compareDir, path.slice(9));
    if (path == '/twin.css') return send(res, 200, TYPES['.css'], files.twinCss);
    if (path.startsWith('/bench/')) return sendFile(res, join(root, 'bench'), path.slice(7));
    if (path.startsWith('/seed/')) return sendFile(res, join(root, 'fixtures/seed'), path.slice(6));
    if (path.startsWith('/fixtures/seed/')) return sendFile(res, join(root, 'fixtures/seed'), path.slice(15));
    // `no-store` would keep the demo out of the back/forward cache, which Lighthouse audits.
    if (files.demoDir && path.startsWith('/demo/'))
      return sendFile(res, files.demoDir, path.endsWith('/') ? `${path.slice(6)}index.html` : path.slice(6), 'no-cache');
    if (path.startsWith('/api/share')) return send(res, 200, TYPES['.json'], '[]');
    send(res, 404, 'text/plain', 'not found');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, pages, files, close: () => new Promise((done) => server.close(done)) };
}
