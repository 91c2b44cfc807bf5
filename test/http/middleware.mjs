/**
 * Real HTTP answers for the tests, served by web-test-runner itself:
 * `/test-http/slow?ms=N&body=…` answers after N ms, `/test-http/status/N` answers N.
 * `/test-http/aborted?id=…` tells whether the browser gave up on a slow request with that id.
 * Static JSON files (fixtures/) need nothing extra: the runner serves them.
 */
export async function testServerMiddleware(ctx, next) {
  const url = new URL(ctx.url, 'http://localhost');
  if (url.pathname == '/test-http/aborted') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(aborted.has(url.searchParams.get('id')));
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

/** Ids of slow requests whose connection closed before the answer. */
const aborted = new Set();
