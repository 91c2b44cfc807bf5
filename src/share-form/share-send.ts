/**
 * Sending a tip to the endpoint, apart from the form's view: the POST of the
 * contract with its `Idempotency-Key`, the timeout, and the answer sorted into
 * what the form shows. No DOM, no state but what the caller keeps.
 */
import { IDEMPOTENCY_HEADER, type SharePayload } from '../contract/share.js';

export type { SharePayload };
export { newIdempotencyKey } from '../contract/share.js';

/** Detail of `ik-share-error`: the HTTP status (0 for a network failure or timeout) and what went wrong. */
export interface ShareErrorDetail {
  status: number;
  message: string;
}

/** What the endpoint's answer means for the visitor. */
export type ShareAnswer =
  | { outcome: 'sent'; status: number }
  /** 400/422 with field errors: field (or another key) → the server's text. */
  | { outcome: 'invalid'; status: number; errors: Record<string, string>; message: string }
  /** 429 (too many tips) or 503 (cannot take them now); `minutes` from `Retry-After`, 0 when not given. */
  | { outcome: 'busy' | 'unavailable'; status: number; minutes: number; message: string }
  | { outcome: 'failed'; status: number; message: string };

/** `Retry-After` in whole minutes, rounded up: seconds, or an HTTP date; 0 when absent or unreadable. */
export function retryMinutes(header: string | null, now = Date.now()): number {
  if (!header) return 0;
  // A number of seconds, else an HTTP date (`+` of a date is NaN).
  const seconds = +header || (Date.parse(header) - now) / 1000;
  return seconds > 0 ? Math.ceil(seconds / 60) : 0;
}

/**
 * POSTs `payload` as JSON with `key` as its `Idempotency-Key`, waits at most
 * `timeout` ms, and never rejects: a network failure or timeout is status 0.
 */
export async function postShare(endpoint: string, payload: SharePayload, key: string, timeout: number): Promise<ShareAnswer> {
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeout);
  let response: Response | undefined;
  let body: any;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [IDEMPOTENCY_HEADER]: key },
      body: JSON.stringify(payload),
      signal: abort.signal,
    });
    // A proxy's HTML page where JSON was expected leaves `body` empty: the status decides.
    body = await response.json().catch(() => undefined);
  } catch {
    // A network failure or the timeout: no response.
  } finally {
    clearTimeout(timer);
  }
  const status = response?.status ?? 0;
  const message =
    typeof body?.message == 'string' ? body.message : status ? `HTTP ${status}` : abort.signal.aborted ? 'timeout' : 'network error';
  if (status > 199 && status < 300) return { outcome: 'sent', status };
  const errors = body?.errors;
  // Anything but an object of field errors (a string, a list) counts as no field errors.
  if ((status == 400 || status == 422) && errors && typeof errors == 'object' && !Array.isArray(errors) && Object.keys(errors)[0])
    return { outcome: 'invalid', status, errors, message };
  if (status == 429 || status == 503)
    return {
      outcome: status == 429 ? 'busy' : 'unavailable',
      status,
      minutes: retryMinutes(response!.headers.get('Retry-After')),
      message,
    };
  return { outcome: 'failed', status, message };
}
