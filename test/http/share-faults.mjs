/**
 * Test-only imitations of the ways a share endpoint fails, in front of the real relay:
 * `POST /api/share?fault=500|html|422|429|drop|slow[&ms=N]`. They record and send nothing.
 * This lives with the tests on purpose: the relay itself has no such switch.
 */
const SLOW_MAX_MS = 30_000;
const ERROR_PAGE = '<!doctype html><html lang="en"><title>Server error</title><h1>Something went wrong</h1></html>';
const TOO_MANY_SV = 'Du har skickat för många meddelanden. Försök igen om 2 min.';

/**
 * Answers a request for `/api/share?fault=…` and returns true; returns false for anything else.
 * @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res
 */
export function shareFault(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const fault = url.pathname === '/api/share' && url.searchParams.get('fault');
  if (!fault) return false;
  if (req.method === 'OPTIONS') send(res, 204);
  else if (fault === '500') send(res, 500, ERROR_PAGE);
  else if (fault === 'html') send(res, 200, ERROR_PAGE);
  else if (fault === '422') send(res, 422, { errors: { to: 'Servern säger nej' } });
  else if (fault === '429') send(res, 429, { message: TOO_MANY_SV }, { 'Retry-After': '120' });
  else if (fault === 'drop') req.socket.destroy();
  else if (fault === 'slow') {
    const delay = Math.min(SLOW_MAX_MS, Math.max(0, Number(url.searchParams.get('ms') ?? 1000) || 0));
    const timer = setTimeout(() => send(res, 200, { ok: true }), delay);
    res.on('close', () => clearTimeout(timer)); // the client gave up: no late write
  } else send(res, 400, { errors: {}, message: `Unknown fault "${fault}"` }); // loud, so a typo cannot pass as a success
  return true;
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} [body] a string is HTML @param {Record<string, string>} [headers] */
function send(res, status, body, headers = {}) {
  const html = typeof body === 'string';
  const text = body === undefined ? '' : html ? body : JSON.stringify(body);
  res.writeHead(status, {
    'Cache-Control': 'no-store',
    ...(text && {
      'Content-Type': html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(text)),
    }),
    ...headers,
  });
  res.end(text);
}
