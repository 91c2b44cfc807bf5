/**
 * The end-to-end suite's web server: plain Node `http` on 127.0.0.1, port 0.
 *
 * It serves what a municipality's CMS page would load, with real HTTP headers:
 * - `/dist/<file>` and `/copy/<file>`: the built bundles and their language files (`$E2E_DIST`, default
 *   `dist/`, copied when the server starts), the second path so that one page can load "the same script from two URLs";
 * - `/bundles/<name>/<file>`: extra builds a test mounts (another version, a foreign Lit element);
 * - `/assets/<file>`: the harness's own scripts and style sheets (`e2e/assets/`);
 * - `/pages/<n>`: pages a test registers with `page(html, headers)`, e.g. under a strict CSP;
 * - `/api/share`: the real share relay (`relay/`, its .eml development default), behind the tests'
 *   own `?fault=` switch (test/http/share-faults.mjs);
 * - `/seed/<name>.json`: the seed configurations, as `data-config-src` would fetch them;
 * - `/config/*` and `/share-faults/*`: the ways a real server fails (see `faultRoutes`).
 *
 * Every request is logged (`log`), so a test can assert exactly what a page asked for, and a
 * request whose client hung up before the answer is recorded in `abandoned` by its `id`.
 */
import { createServer } from 'node:http';
import { rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestRelay } from '../test/http/relay.mjs';
import { shareFault } from '../test/http/share-faults.mjs';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
/** The built bundles under test: `$E2E_DIST`, default `dist/`. */
export const distDir = resolve(repoRoot, process.env.E2E_DIST ?? 'dist');
const BUNDLES = ['industrikommun-widgets.js', 'industrikommun-widgets.iife.js'];
/** The language files the bundles fetch from beside themselves (dist/locales/). */
const LOCALE_FILES = ['locales/fi.json', 'locales/ar.json'];
const assetsDir = fileURLToPath(new URL('./assets/', import.meta.url));
const seedDir = resolve(repoRoot, 'fixtures/seed');

/** The `data-config-src` answer limit of `src/shared/config.ts` (MAX_CONFIG_CHARS). */
export const MAX_CONFIG_CHARS = 1_000_000;

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

const ERROR_PAGE = '<!doctype html><html lang="en"><title>502 Bad Gateway</title><h1>Bad Gateway</h1><p>nginx</p></html>';

/**
 * @typedef {{method: string, path: string, query: string, headers: import('node:http').IncomingHttpHeaders, body?: string}} LoggedRequest
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, url: URL) => void | Promise<void>} Route
 */

/**
 * Starts a server. Call `close()` when done.
 * @param {{cors?: boolean}} [options] `cors`: this server plays another origin that allows every
 *   origin (`Access-Control-Allow-Origin: *`) on `/seed/*` unless the request says `?cors=0`
 */
export async function startServer(options = {}) {
  /** @type {LoggedRequest[]} */
  const log = [];
  /** @type {Set<string>} ids of requests whose client went away before the answer */
  const abandoned = new Set();
  /** @type {Map<string, {html: string, headers: Record<string, string>}>} */
  const pages = new Map();
  const bundles = await snapshotBundles();
  /** @type {Map<string, string>} mount prefix → directory */
  const mounts = new Map([
    ['/dist/', bundles],
    ['/copy/', bundles],
    ['/assets/', assetsDir],
  ]);
  /** @type {Map<string, Route>} */
  const routes = new Map();
  /** @type {Awaited<ReturnType<typeof startTestRelay>>} started once the port is known: its ALLOWED_PAGES name this origin */
  let share;

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    /** @type {LoggedRequest} */
    const entry = { method: req.method ?? 'GET', path: url.pathname, query: url.search, headers: req.headers };
    log.push(entry);
    const id = url.searchParams.get('id');
    if (id) res.on('close', () => res.writableFinished || abandoned.add(id));
    try {
      if (url.pathname.startsWith('/api/share')) {
        // Listening alongside the endpoint, which attaches its own reader in this same tick.
        if (req.method == 'POST') peekBody(req).then((body) => (entry.body = body));
        if (!shareFault(req, res) && !share.relay.handle(req, res)) notFound(res);
        return;
      }
      if (url.pathname == '/favicon.ico') return send(res, 204, '', {});
      const route = routes.get(url.pathname) ?? faultRoutes[url.pathname];
      if (route) return await route(req, res, url);
      const page = pages.get(url.pathname);
      if (page) return send(res, 200, page.html, { 'Content-Type': TYPES['.html'], ...page.headers });
      if (url.pathname.startsWith('/seed/')) {
        /** @type {Record<string, string>} */
        const cors = options.cors && url.searchParams.get('cors') != '0' ? { 'Access-Control-Allow-Origin': '*' } : {};
        return await sendFile(res, join(seedDir, url.pathname.slice('/seed/'.length)), cors);
      }
      for (const [prefix, dir] of mounts)
        if (url.pathname.startsWith(prefix)) return await sendFile(res, join(dir, url.pathname.slice(prefix.length)));
      notFound(res);
    } catch (error) {
      if (!res.headersSent) send(res, 500, String(error), { 'Content-Type': 'text/plain' });
      else res.destroy();
    }
  });
  // Keep-alive sockets would hold `close()` open after the browser is gone.
  server.keepAliveTimeout = 1000;
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const origin = `http://127.0.0.1:${address.port}`;
  share = await startTestRelay([origin, 'https://www.example.se', 'https://www.trollhattan.se']);
  let pageCount = 0;

  return {
    origin,
    log,
    abandoned,
    share,
    /** Absolute URL of a path on this server. @param {string} path */
    url: (path) => origin + path,
    /**
     * Registers a page and returns its absolute URL.
     * @param {string} html @param {Record<string, string>} [headers] e.g. `Content-Security-Policy`
     */
    page(html, headers = {}) {
      const path = `/pages/${++pageCount}`;
      pages.set(path, { html, headers });
      return origin + path;
    },
    /** How many pages tests have registered on this server. */
    get pageCount() {
      return pageCount;
    },
    /** Serves `dir` under `/bundles/<name>/`. @param {string} name @param {string} dir */
    mount(name, dir) {
      mounts.set(`/bundles/${name}/`, dir);
      return `/bundles/${name}/`;
    },
    /** Adds a bespoke route. @param {string} path @param {Route} route */
    route(path, route) {
      routes.set(path, route);
      return origin + path;
    },
    /** The requests logged since `mark` (an index from `log.length`). @param {number} mark */
    since: (mark) => log.slice(mark),
    close() {
      if (pageCount) console.log(`# ${pageCount} test pages served, ${log.length} requests answered`);
      server.closeAllConnections();
      return new Promise((done) => server.close(() => done(undefined))).then(() => share.relay.close());
    },
  };
}

/**
 * A copy of the bundles, taken once: someone running `vite build` meanwhile rewrites `dist/` in
 * place, and a page must never get half a file. A copy taken while a file changed is taken again.
 */
async function snapshotBundles() {
  const dir = await mkdtemp(join(tmpdir(), 'ik-e2e-dist-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'locales'));
  for (const name of [...BUNDLES, ...LOCALE_FILES])
    for (let attempt = 0; ; attempt++) {
      // `npm run build` empties dist/ first: a file missing for a moment may be on its way.
      const before = await stat(join(distDir, name)).catch(() => undefined);
      if (!before && attempt == 40) throw new Error(`${join(distDir, name)} is missing: run \`npm run build\` first (or set E2E_DIST)`);
      const copied =
        before &&
        (await copyFile(join(distDir, name), join(dir, name)).then(
          () => true,
          () => false,
        ));
      const after = before && (await stat(join(distDir, name)).catch(() => undefined));
      if (copied && after && after.mtimeMs == before.mtimeMs && after.size == before.size && after.size > 500) break;
      if (copied && attempt >= 40) break;
      await new Promise((done) => setTimeout(done, 250));
    }
  return dir;
}

/**
 * The failures of a real server, for `data-config-src` (`/config/*`) and the share POST
 * (`/share-faults/*`, beyond the endpoint's own `?fault=`). `?id=` on any of them records in
 * `abandoned` whether the browser hung up before the answer.
 * @type {Record<string, Route>}
 */
const faultRoutes = {
  /** Answers `?seed=` (default manifesto) after `?ms=` milliseconds. */
  async '/config/slow'(req, res, url) {
    const ms = Math.min(Number(url.searchParams.get('ms')) || 0, 60_000);
    const timer = setTimeout(async () => sendFile(res, join(seedDir, `${url.searchParams.get('seed') ?? 'manifesto'}.json`)), ms);
    res.on('close', () => clearTimeout(timer));
  },
  /** Never answers: only the client can end it. */
  '/config/hang'(req, res) {
    res.on('close', () => undefined);
  },
  /** `?status=` (default 500) with a proxy's HTML error page. */
  '/config/status'(req, res, url) {
    send(res, Number(url.searchParams.get('status') ?? 500), ERROR_PAGE, { 'Content-Type': TYPES['.html'] });
  },
  /** 200 OK with an HTML page where JSON was expected (a CMS's "page not found" page, a login wall). */
  '/config/html'(req, res) {
    send(res, 200, ERROR_PAGE, { 'Content-Type': TYPES['.html'] });
  },
  /** A well-formed manifesto of `?chars=` characters (default 5 MB), with Content-Length unless `?chunked=1`. */
  '/config/huge'(req, res, url) {
    const chars = Number(url.searchParams.get('chars') ?? 5_000_000);
    const head = '{"heading":"Huge","lead":"';
    const body = head + 'x'.repeat(Math.max(0, chars - head.length - 2)) + '"}';
    if (url.searchParams.get('chunked') == '1') {
      res.writeHead(200, { 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-store' });
      for (let i = 0; i < body.length; i += 65_536) res.write(body.slice(i, i + 65_536));
      return void res.end();
    }
    send(res, 200, body, { 'Content-Type': TYPES['.json'] });
  },
  /** Destroys the connection without an answer. */
  '/config/drop'(req) {
    req.socket.destroy();
  },
  /** `?status=` (default 200) with a body of `?bytes=` (default 5 MB) of HTML. */
  async '/share-faults/huge'(req, res, url) {
    await peekBody(req);
    const bytes = Number(url.searchParams.get('bytes') ?? 5_000_000);
    send(res, Number(url.searchParams.get('status') ?? 200), '<p>' + 'x'.repeat(bytes) + '</p>', { 'Content-Type': TYPES['.html'] });
  },
  /** `?status=` (default 502) with a proxy's HTML error page. */
  async '/share-faults/html'(req, res, url) {
    await peekBody(req);
    send(res, Number(url.searchParams.get('status') ?? 502), ERROR_PAGE, { 'Content-Type': TYPES['.html'] });
  },
  /** Never answers. */
  '/share-faults/hang'(req, res) {
    req.resume();
    res.on('close', () => undefined);
  },
};

/** The request body as text (bounded), for the log. @param {import('node:http').IncomingMessage} req */
function peekBody(req) {
  return new Promise((done) => {
    let text = '';
    req.on('data', (chunk) => {
      if (text.length < 64_000) text += chunk;
    });
    req.on('end', () => done(text));
    req.on('error', () => done(text));
  });
}

/** @param {import('node:http').ServerResponse} res @param {string} file @param {Record<string, string>} [headers] */
async function sendFile(res, file, headers = {}) {
  if (normalize(file).includes('..')) return notFound(res);
  let body;
  try {
    body = await readFile(file);
  } catch {
    return notFound(res);
  }
  send(res, 200, body, { 'Content-Type': TYPES[/** @type {keyof TYPES} */ (extname(file))] ?? 'application/octet-stream', ...headers });
}

/** @param {import('node:http').ServerResponse} res */
const notFound = (res) => send(res, 404, 'Not found', { 'Content-Type': 'text/plain' });

/** @param {import('node:http').ServerResponse} res @param {number} status @param {string | Buffer} body @param {Record<string, string>} headers */
function send(res, status, body, headers) {
  if (res.destroyed) return;
  res.writeHead(status, {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
}
