/**
 * Real HTTP answers for the tests, served by web-test-runner itself:
 * `/test-http/slow?ms=N&body=…` answers after N ms, `/test-http/status/N` answers N.
 * `/test-http/aborted?id=…` tells whether the browser gave up on a slow request with that id.
 * `/test-http/record?id=…&status=N&retry-after=S` answers N (JSON `{}`) and records the request's
 * `Idempotency-Key`; `/test-http/recorded?id=…` lists the keys recorded under that id, in order.
 * Static JSON files (fixtures/) need nothing extra: the runner serves them.
 */
export async function testServerMiddleware(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  // The language files sit beside the script (dist/locales/); in the tests, the script is the loader's own module.
  if (/^\/src\/shared\/locales\/[a-z]+\.json$/.test(url.pathname)) ctx.url = url.pathname.replace('/shared/', '/generated/');
  if (url.pathname == '/test-http/aborted') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(aborted.has(url.searchParams.get('id')));
    return;
  }
  if (url.pathname == '/test-http/record') {
    const id = url.searchParams.get('id');
    recorded.set(id, [...(recorded.get(id) ?? []), ctx.get('Idempotency-Key')]);
    ctx.status = Number(url.searchParams.get('status')) || 200;
    const retryAfter = url.searchParams.get('retry-after');
    if (retryAfter) ctx.set('Retry-After', retryAfter);
    ctx.type = 'application/json';
    ctx.body = '{}';
    return;
  }
  if (url.pathname == '/test-http/recorded') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(recorded.get(url.searchParams.get('id')) ?? []);
    return;
  }
  if (url.pathname.startsWith('/test-http/slow')) {
    const id = url.searchParams.get('id');
    let answered = false;
    ctx.req.socket.once('close', () => answered || aborted.add(id));
    await new Promise((resolve) => setTimeout(resolve, Math.min(Number(url.searchParams.get('ms')) || 0, 30000)));
    answered = true;
    ctx.type = 'application/json';
    ctx.body = url.searchParams.get('body') ?? '{}';
    return;
  }
  const status = /^\/test-http\/status\/(\d{3})$/.exec(url.pathname);
  if (status) {
    ctx.status = Number(status[1]);
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><title>Error</title><h1>Something went wrong</h1>';
    return;
  }
  await next();
}

/** The `Idempotency-Key` of each request to `/test-http/record`, by the test's id. */
const recorded = new Map();

/** Ids of slow requests whose connection closed before the answer. */
const aborted = new Set();
