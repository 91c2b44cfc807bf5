import { parseJson } from './json.js';
import { isHttpAddress } from './url.js';

/** Largest `data-config-src` answer we read, in characters. */
export const MAX_CONFIG_CHARS = 1_000_000;
/** How long a `data-config-src` fetch may take before it counts as failed. */
export const CONFIG_TIMEOUT_MS = 15_000;

/** What one `data-config-src` gave: its JSON value, or what went wrong in words. */
export type Fetched = { src: string; value?: unknown; error?: string };

async function read(src: string, signal: AbortSignal): Promise<unknown> {
  if (!isHttpAddress(src)) throw 'the address must start with https:// or be relative';
  // A plain CORS GET: no cookies, so one public file can serve every municipality's site.
  const response = await fetch(src, { credentials: 'omit', signal });
  if (!response.ok) throw `the server answered ${response.status} ${response.statusText}`.trim();
  const tooLarge = 'the file is too large';
  if (Number(response.headers.get('content-length')) > MAX_CONFIG_CHARS) throw tooLarge;
  const body = await response.text();
  if (body.length > MAX_CONFIG_CHARS) throw tooLarge;
  const parsed = parseJson(body);
  if (parsed.error) throw parsed.error;
  return parsed.value;
}

/** Fetches a `data-config-src` file; never rejects: a failure comes back as `error`, in words for the editor. */
export function fetchConfig(src: string, abort: AbortController): Promise<Fetched> {
  const timer = setTimeout(() => abort.abort(), CONFIG_TIMEOUT_MS);
  return read(src, abort.signal)
    .then(
      (value): Fetched => ({ src, value }),
      (error): Fetched => ({
        src,
        error:
          typeof error == 'string'
            ? error
            : abort.signal.aborted
              ? `no answer within ${CONFIG_TIMEOUT_MS / 1000} s`
              : 'the network request failed',
      }),
    )
    .finally(() => clearTimeout(timer));
}
