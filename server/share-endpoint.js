/**
 * Reference endpoint for <ik-share-form> ("tell a friend"): plain Node, no dependencies, so a
 * municipality can read it in one sitting and port it to its own stack.
 *
 * Contract: POST JSON {to, name, from, message, url, title, lang}; answers 2xx, 400/422 with
 * {errors: {field: text}}, or 429 with Retry-After (seconds).
 *
 * It does NOT send mail: an accepted message is recorded in `outbox`. A real deployment replaces
 * that one line with its mail service, sends From its own address and puts the visitor's address
 * in Reply-To: sending as the visitor would fail SPF/DMARC and make the form a spoofing tool.
 */

const MAX_BODY_BYTES = 16 * 1024; // a full form is a few KB at most; anything far bigger is not a person
const OUTBOX_MAX = 100; // the outbox is a demo aid, not storage: keep only the latest
const SLOW_MAX_MS = 30_000;
const MINUTE = 60_000;

// The HTML standard's "valid e-mail address": what the browser accepts in <input type="email">,
// so the form and the server never disagree about an address.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+\/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

// `oneLine`: the value goes into a mail header, where CR or LF would let a sender add headers
// (`Bcc: …`) and turn the form into a spam relay. Lengths count UTF-16 code units, as maxlength does.
/** @typedef {{required: boolean, max: number, email?: boolean, url?: boolean, oneLine?: boolean}} Rule */
/** @type {Record<string, Rule>} */
const RULES = {
  to: { required: true, max: 254, email: true, oneLine: true },
  name: { required: true, max: 100, oneLine: true },
  from: { required: true, max: 254, email: true, oneLine: true },
  message: { required: true, max: 500 },
  url: { required: true, max: Infinity, url: true },
  title: { required: false, max: 300, oneLine: true },
};

// Each message says how to fix the problem, since the form shows it next to the field. A field
// with no message for a problem falls back to its `format`, then its `required` text: url, title and
// lang come from the page, not the visitor, so one message each is enough.
/** @type {Record<'sv' | 'en', Record<string, string>>} */
const MESSAGES = {
  sv: {
    'to.required': 'Skriv mottagarens e-postadress',
    'to.format': 'Skriv mottagarens e-postadress i rätt format, till exempel namn@exempel.se',
    'name.required': 'Skriv ditt namn',
    'name.length': 'Namnet får vara högst 100 tecken',
    'name.oneLine': 'Skriv namnet på en rad',
    'from.required': 'Skriv din e-postadress',
    'from.format': 'Skriv din e-postadress i rätt format, till exempel namn@exempel.se',
    'message.required': 'Skriv ditt meddelande',
    'message.length': 'Meddelandet får vara högst 500 tecken',
    'url.format': 'Sidans adress måste vara en webbadress som börjar med http:// eller https://',
    'title.format': 'Sidans titel måste vara text på en rad, högst 300 tecken',
    'lang.format': 'Ange språket som sv eller en',
    badJson: 'Servern kunde inte läsa formuläret. Ladda om sidan och försök igen.',
    badType: 'Skicka formuläret som JSON (Content-Type: application/json).',
    tooLarge: 'Formuläret är för stort. Korta meddelandet och försök igen.',
    tooMany: 'Du har skickat för många meddelanden. Försök igen om {min} min.',
  },
  en: {
    'to.required': "Enter the recipient's email address",
    'to.format': "Enter the recipient's email address in the correct format, like name@example.com",
    'name.required': 'Enter your name',
    'name.length': 'Your name must be 100 characters or fewer',
    'name.oneLine': 'Write your name on one line',
    'from.required': 'Enter your email address',
    'from.format': 'Enter your email address in the correct format, like name@example.com',
    'message.required': 'Enter your message',
    'message.length': 'The message must be 500 characters or fewer',
    'url.format': 'The page address must be a web address starting with http:// or https://',
    'title.format': 'The page title must be text on one line, 300 characters or fewer',
    'lang.format': 'Set the language to sv or en',
    badJson: 'The server could not read the form. Reload the page and try again.',
    badType: 'Send the form as JSON (Content-Type: application/json).',
    tooLarge: 'The form is too large. Shorten the message and try again.',
    tooMany: 'You have sent too many messages. Try again in {min} min.',
  },
};

// For testing how the form copes with a proxy's HTML error page where it expects JSON.
const ERROR_PAGE = '<!doctype html><html lang="en"><title>Server error</title><h1>Something went wrong</h1></html>';

/** @typedef {{to: string, name: string, from: string, message: string, url: string, title: string, lang: 'sv' | 'en'}} Share */
/** @typedef {{max: number, windowMs: number}} Limit */
/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */

/**
 * Checks a share request with the same rules as the form.
 * @param {unknown} body the parsed JSON body
 * @param {string} [lang] language of the messages; defaults to `body.lang`
 * @returns {{errors: Record<string, string>} | {value: Share}}
 */
export function validateShare(body, lang) {
  const input = isObject(body) ? body : {};
  const t = MESSAGES[langOf(lang ?? input.lang)];
  /** @type {Record<string, string>} */
  const errors = {};
  /** @type {Record<string, string>} */
  const value = {};
  for (const [field, rule] of Object.entries(RULES)) {
    const raw = input[field] ?? '';
    const problem = problemWith(raw, rule);
    if (problem) errors[field] = t[`${field}.${problem}`] ?? t[`${field}.format`] ?? t[`${field}.required`];
    else value[field] = raw.trim();
  }
  value.lang = input.lang ?? 'sv';
  if (value.lang !== 'sv' && value.lang !== 'en') errors.lang = t['lang.format'];
  return Object.keys(errors).length ? { errors } : { value: /** @type {Share} */ (value) };
}

/** @param {unknown} raw @param {Rule} rule */
function problemWith(raw, rule) {
  if (typeof raw !== 'string') return 'type';
  if (rule.oneLine && /[\r\n]/.test(raw)) return 'oneLine'; // before trimming: reject, never repair
  const text = raw.trim();
  if (!text) return rule.required ? 'required' : null;
  if (text.length > rule.max) return 'length';
  if (rule.email && !EMAIL.test(text)) return 'format';
  if (rule.url && !/^https?:$/.test(parseUrl(text)?.protocol ?? '')) return 'format'; // no javascript:, data: …
  return null;
}

/**
 * The share endpoint as a plain Node request handler.
 * @param {object} [options]
 * @param {string} [options.path] where it answers (default `/api/share`)
 * @param {{perClient?: Limit, perRecipient?: Limit, now?: () => number}} [options.limits]
 * @param {Array<Share & {at: string}>} [options.outbox] where accepted messages are recorded
 * @param {boolean} [options.faults] honour `?fault=…` (tests only)
 * @param {boolean} [options.inspect] serve `GET <path>/outbox` and `POST <path>/reset` (default true;
 *   turn it off anywhere real: the outbox holds visitors' addresses and reset lifts the rate limits)
 */
export function createShareEndpoint(options = {}) {
  const { path = '/api/share', outbox = [], faults = false, inspect = true, limits = {} } = options;
  const now = limits.now ?? Date.now;
  const perClient = slidingWindow({ max: 5, windowMs: 10 * MINUTE, ...limits.perClient }, now);
  const perRecipient = slidingWindow({ max: 3, windowMs: 60 * MINUTE, ...limits.perRecipient }, now);
  const routes = new Map([[path, 'POST']]); // path → the one method it takes
  if (inspect) routes.set(`${path}/outbox`, 'GET').set(`${path}/reset`, 'POST');

  function reset() {
    outbox.length = 0; // emptied in place: the caller may hold the same array
    perClient.clear();
    perRecipient.clear();
  }

  /** @param {Request} req @param {Response} res @param {URL} url */
  async function share(req, res, url) {
    const fault = faults && url.searchParams.get('fault');
    if (fault) return injectFault(req, res, fault, url.searchParams.get('ms'));
    // Until the body is read, Accept-Language is the best guess at the visitor's language.
    const t = MESSAGES[langOf(req.headers['accept-language'])];
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') return send(res, 415, { errors: {}, message: t.badType });
    const text = await readBody(req, MAX_BODY_BYTES);
    // `Connection: close`, so we stop receiving a body we have already refused.
    if (text === null) return send(res, 413, { errors: {}, message: t.tooLarge }, { Connection: 'close' });
    const body = parseJson(text);
    if (!isObject(body)) return send(res, 400, { errors: {}, message: t.badJson });
    // People never see the honeypot; bots fill every field. Claim success so the bot learns nothing.
    if (body.website != null && body.website !== '') return send(res, 200, { ok: true });
    const result = validateShare(body);
    if ('errors' in result) return send(res, 422, { errors: result.errors });
    const { value } = result;
    // Behind a reverse proxy this is the proxy's address: key by the one it reports instead.
    const client = req.socket.remoteAddress ?? 'unknown';
    const recipient = value.to.toLowerCase(); // so one inbox cannot be flooded from many addresses
    const waitMs = Math.max(perClient.wait(client), perRecipient.wait(recipient));
    if (waitMs > 0) {
      const seconds = Math.ceil(waitMs / 1000);
      const message = MESSAGES[value.lang].tooMany.replace('{min}', String(Math.ceil(seconds / 60)));
      return send(res, 429, { message }, { 'Retry-After': String(seconds) });
    }
    perClient.hit(client);
    perRecipient.hit(recipient);
    outbox.push({ ...value, at: new Date(now()).toISOString() }); // ← a real deployment sends mail here
    if (outbox.length > OUTBOX_MAX) outbox.splice(0, outbox.length - OUTBOX_MAX);
    send(res, 200, { ok: true });
  }

  /**
   * Answers the request if it is for this endpoint.
   * @param {Request} req @param {Response} res
   * @returns {boolean} false when the path is not ours, so the caller can pass the request on
   */
  function handle(req, res) {
    const url = parseUrl(req.url ?? '/', 'http://localhost');
    const method = url && routes.get(url.pathname);
    if (!url || !method) return false;
    if (req.method === 'OPTIONS') send(res, 204, undefined, { Allow: `${method}, OPTIONS` });
    else if (req.method !== method) send(res, 405, { message: `Use ${method}` }, { Allow: `${method}, OPTIONS` });
    else if (url.pathname === `${path}/outbox`) send(res, 200, outbox);
    else if (url.pathname === `${path}/reset`) {
      reset();
      send(res, 204);
    }
    // Only the request stream can fail in there, i.e. the client went away: no one is left to answer.
    else share(req, res, url).catch(() => res.destroy());
    return true;
  }

  return { handle, outbox, reset };
}

/**
 * Test-only imitations of the ways a real server fails. They record nothing.
 * @param {Request} req @param {Response} res @param {string} fault @param {string | null} ms
 */
function injectFault(req, res, fault, ms) {
  if (fault === '500') return send(res, 500, ERROR_PAGE);
  if (fault === 'html') return send(res, 200, ERROR_PAGE);
  if (fault === '422') return send(res, 422, { errors: { to: 'Servern säger nej' } });
  if (fault === '429') return send(res, 429, { message: MESSAGES.sv.tooMany.replace('{min}', '2') }, { 'Retry-After': '120' });
  if (fault === 'drop') return req.socket.destroy();
  if (fault === 'slow') {
    const delay = Math.min(SLOW_MAX_MS, Math.max(0, Number(ms ?? 1000) || 0));
    const timer = setTimeout(() => send(res, 200, { ok: true }), delay);
    return res.on('close', () => clearTimeout(timer)); // the client gave up: no late write
  }
  send(res, 400, { errors: {}, message: `Unknown fault "${fault}"` }); // loud, so a typo cannot pass as a success
}

/**
 * At most `max` events per key within any `windowMs`. Forgets what can no longer matter, so memory
 * stays bounded: recipient keys are chosen by senders, but each one costs its sender a per-client slot.
 * @param {Limit} limit @param {() => number} now
 */
function slidingWindow({ max, windowMs }, now) {
  /** @type {Map<string, number[]>} */
  const hits = new Map();
  let sweptAt = now();
  /** @param {string} key */
  const recent = (key) => {
    const times = (hits.get(key) ?? []).filter((t) => now() - t < windowMs);
    if (times.length) hits.set(key, times);
    else hits.delete(key);
    return times;
  };
  return {
    /** Milliseconds until `key` has a free slot; 0 when it has one now. @param {string} key */
    wait(key) {
      if (now() - sweptAt >= windowMs) {
        sweptAt = now(); // once per window, also forget senders who never came back
        for (const other of hits.keys()) recent(other);
      }
      const times = recent(key);
      return times.length < max ? 0 : times[times.length - max] + windowMs - now();
    },
    /** @param {string} key */
    hit: (key) => void hits.set(key, [...recent(key), now()]),
    clear: () => hits.clear(),
  };
}

/**
 * The body as text, or null once it passes `limit` bytes. The rest is still read and discarded,
 * so the client gets the 413 rather than a reset connection.
 * @param {Request} req @param {number} limit @returns {Promise<string | null>}
 */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    let size = 0;
    /** @type {Buffer[]} */
    const chunks = [];
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) resolve(null);
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** @param {Response} res @param {number} status @param {unknown} [body] a string is HTML, anything else JSON @param {Record<string, string>} [headers] */
function send(res, status, body, headers = {}) {
  const html = typeof body === 'string';
  const text = body === undefined ? '' : html ? body : JSON.stringify(body);
  const type = html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8';
  res.writeHead(status, {
    'Cache-Control': 'no-store', // answers are per request and may echo personal data
    'X-Content-Type-Options': 'nosniff',
    ...(text && { 'Content-Type': type, 'Content-Length': String(Buffer.byteLength(text)) }),
    ...headers,
  });
  res.end(text);
}

/** @param {string} text */
const parseJson = (text) => { try { return JSON.parse(text); } catch { return undefined; } };
/** `URL.parse` would do, but it needs Node 22. @param {string} text @param {string} [base] */
const parseUrl = (text, base) => { try { return new URL(text, base); } catch { return null; } };
/** @param {unknown} value @returns {value is Record<string, any>} */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** "en", "en-GB" and an English-first Accept-Language → en; everything else → sv. @param {unknown} tag */
const langOf = (tag) => (typeof tag === 'string' && /^en\b/i.test(tag) ? 'en' : 'sv');

/**
 * For @web/test-runner's `middleware` option (Koa). wtr parses no bodies, so the stream is intact.
 * @param {Parameters<typeof createShareEndpoint>[0]} [options]
 * @returns {(ctx: {req: Request, res: Response, respond?: boolean}, next: () => Promise<unknown>) => Promise<unknown>}
 */
export function koaShareEndpoint(options) {
  const endpoint = createShareEndpoint(options);
  return async (ctx, next) => {
    if (!endpoint.handle(ctx.req, ctx.res)) return next();
    ctx.respond = false; // we write the raw response ourselves; Koa must leave it alone
    // Wait for it, so outer middleware (loggers) see the real status rather than Koa's default 404.
    await new Promise((resolve) => ctx.res.once('close', resolve));
  };
}

/**
 * For Vite's `server.middlewares.use(…)` (connect).
 * @param {Parameters<typeof createShareEndpoint>[0]} [options]
 * @returns {(req: Request, res: Response, next: () => void) => void}
 */
export function connectShareEndpoint(options) {
  const endpoint = createShareEndpoint(options);
  return (req, res, next) => {
    if (!endpoint.handle(req, res)) next();
  };
}
