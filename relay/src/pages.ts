/**
 * ALLOWED_PAGES: which pages may be shared. Compared as parsed URLs (origin, then whole path
 * segments), never as raw string prefixes: `https://www.trollhattan.se@evil.example/` has the host
 * evil.example, `https://www.trollhattan.se.evil.example/` is another site, and the prefix
 * `https://www.trollhattan.se/nyheter` does not cover `/nyheter-falska`.
 */
import { ConfigError } from './config-error.js';

export interface AllowedPage {
  /** `https://www.trollhattan.se` (scheme, host and port, as `URL.origin` gives them) */
  origin: string;
  /** `/` or a path prefix such as `/nyheter/`, always ending in `/` */
  path: string;
}

const EXAMPLE = 'e.g. ALLOWED_PAGES=https://www.trollhattan.se,https://www.vanersborg.se/nyheter/';
/** Plain http is for a developer's own machine only. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Parses `ALLOWED_PAGES` (a comma-separated list or an array): each entry a plain `https://` origin or URL
 * prefix. Throws a ConfigError naming the bad entry and what to write.
 */
export function parseAllowedPages(input: string | readonly string[]): AllowedPage[] {
  const entries = (typeof input === 'string' ? input.split(',') : [...input]).map((entry) => entry.trim()).filter(Boolean);
  if (!entries.length)
    throw new ConfigError('ALLOWED_PAGES', 'missing', `ALLOWED_PAGES is empty: write the addresses whose pages may be shared, ${EXAMPLE}`);
  return entries.map((entry) => {
    const refuse = (code: string, why: string) => new ConfigError('ALLOWED_PAGES', code, `ALLOWED_PAGES: "${entry}" ${why}`);
    if (/[;\s]/.test(entry)) throw refuse('separator', `holds a ";" or a space: separate the entries with commas only, ${EXAMPLE}`);
    if (entry.includes('*'))
      throw refuse(
        'wildcard',
        `has a wildcard, which is not supported: list each site on its own, e.g. ALLOWED_PAGES=https://www.trollhattan.se,https://kommun.trollhattan.se`,
      );
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw refuse('format', `is not a web address: write it as https://www.example.se or https://www.example.se/path/, ${EXAMPLE}`);
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)))
      throw refuse('scheme', `must start with https:// (plain http:// only for localhost), ${EXAMPLE}`);
    if (url.username || url.password) throw refuse('credentials', 'must not contain a user name or password');
    if (url.search || url.hash || entry.includes('?') || entry.includes('#'))
      throw refuse('query', 'must not contain ? or #: write the origin or a path prefix');
    return { origin: url.origin, path: url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/` };
  });
}

/** Whether `url` is one of the allowed pages. A URL carrying credentials is never allowed: no real page has them. */
export function isPageAllowed(url: URL, pages: readonly AllowedPage[]): boolean {
  if (url.username || url.password) return false;
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return pages.some((page) => url.origin === page.origin && path.startsWith(page.path));
}

/** Whether a browser's `Origin` header names one of the allowed sites (for CORS and cross-site POSTs). */
export function isOriginAllowed(origin: string, pages: readonly AllowedPage[]): boolean {
  return pages.some((page) => page.origin === origin);
}
