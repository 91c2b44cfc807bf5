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

/** Parses `ALLOWED_PAGES` (a comma-separated list or an array). Throws a ConfigError naming the bad entry. */
export function parseAllowedPages(input: string | readonly string[]): AllowedPage[] {
  const entries = (typeof input === 'string' ? input.split(',') : [...input]).map((entry) => entry.trim()).filter(Boolean);
  if (!entries.length)
    throw new ConfigError(
      'ALLOWED_PAGES',
      'missing',
      'ALLOWED_PAGES is empty: list the origins whose pages may be shared, e.g. https://www.trollhattan.se',
    );
  return entries.map((entry) => {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new ConfigError(
        'ALLOWED_PAGES',
        'format',
        `ALLOWED_PAGES: "${entry}" is not an absolute URL (write it as https://www.example.se or https://www.example.se/path/)`,
      );
    }
    if (!/^https?:$/.test(url.protocol))
      throw new ConfigError('ALLOWED_PAGES', 'scheme', `ALLOWED_PAGES: "${entry}" must start with https:// or http://`);
    if (url.username || url.password)
      throw new ConfigError('ALLOWED_PAGES', 'credentials', `ALLOWED_PAGES: "${entry}" must not contain a user name or password`);
    if (url.search || url.hash) throw new ConfigError('ALLOWED_PAGES', 'query', `ALLOWED_PAGES: "${entry}" must not contain ? or #`);
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
