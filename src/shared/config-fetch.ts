import type { LoadFailure } from './config-problems.js';
import { parseJson } from './json.js';
import { isHttpAddress } from './url.js';

/** Largest `data-config-src` answer we read, in characters. */
export const MAX_CONFIG_CHARS = 1_000_000;
/** How long a `data-config-src` fetch may take before it counts as failed. */
export const CONFIG_TIMEOUT_MS = 15_000;

/** What one `data-config-src` gave: its JSON value, or what went wrong. */
export type Fetched = { src: string; value?: unknown; error?: LoadFailure };

/** Reads the file at `src`: its JSON value, or what went wrong; rejects only when the request itself fails. */
async function read(src: string, signal: AbortSignal): Promise<Fetched> {
  if (!isHttpAddress(src)) return { src, error: { code: 'not-http' } };
  // A plain CORS GET: no cookies, so one public file can serve every municipality's site.
  const response = await fetch(src, { credentials: 'omit', signal });
  if (!response.ok) return { src, error: { code: 'http-status', status: response.status, statusText: response.statusText } };
  if (Number(response.headers.get('content-length')) > MAX_CONFIG_CHARS) return { src, error: { code: 'too-large' } };
  const body = await response.text();
  if (body.length > MAX_CONFIG_CHARS) return { src, error: { code: 'too-large' } };
  const parsed = parseJson(body);
  return parsed.error ? { src, error: parsed.error } : { src, value: parsed.value };
}

/** Fetches a `data-config-src` file; never rejects: a failure comes back as `error`. */
export function fetchConfig(src: string, abort: AbortController): Promise<Fetched> {
  const timer = setTimeout(() => abort.abort(), CONFIG_TIMEOUT_MS);
  return read(src, abort.signal)
    .catch((): Fetched => ({
      src,
      error: abort.signal.aborted ? { code: 'timeout', seconds: CONFIG_TIMEOUT_MS / 1000 } : { code: 'network' },
    }))
    .finally(() => clearTimeout(timer));
}
