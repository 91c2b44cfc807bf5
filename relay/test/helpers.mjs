/**
 * Real parts for the relay's tests: an SMTP server (smtp-server, over TCP), redis-server started on a
 * free loopback port, the relay itself in process or as its real bin in a child process.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createRelay } from '../dist/index.js';

export const BIN = fileURLToPath(new URL('../bin/industrikommun-share-relay.js', import.meta.url));
export const PAGE = 'https://www.trollhattan.se/nyheter/industri';

/** A form body that the relay accepts. */
export const valid = (overrides = {}) => ({
  to: 'anna@exempel.se',
  name: 'Bo Ek',
  from: 'bo@exempel.se',
  message: 'Hej Anna!\nLäs om industrikommunerna.',
  url: PAGE,
  title: 'Industriell förnyelse',
  lang: 'sv',
  ...overrides,
});

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const tempDir = () => mkdtemp(join(tmpdir(), 'share-relay-test-'));

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a truthy value, or fails after `ms`. */
export async function waitFor(check, ms = 10_000, what = 'the condition') {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(50);
  }
}

/**
 * A real SMTP server on 127.0.0.1. `mails` holds every message it acknowledged (parsed), with its
 * envelope. `stop()` and `start()` take it down and bring it back on the same port.
 * `refuse(code)` makes it refuse recipients with that code; `holdData()` keeps DATA unanswered.
 */
export async function startSmtp(port = 0) {
  const mails = [];
  const state = { refuseCode: 0, onData: null };
  let server;
  const listen = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      // Stopping must not wait for the relay's pooled connection to go idle (the default waits 30 s).
      closeTimeout: 100,
      onRcptTo(address, session, callback) {
        if (state.refuseCode) return callback(Object.assign(new Error('No such user'), { responseCode: state.refuseCode }));
        callback();
      },
      onData(stream, session, callback) {
        const chunks = [];
        stream.on('data', (chunk) => chunks.push(chunk));
        stream.on('end', async () => {
          const raw = Buffer.concat(chunks);
          if (state.onData) await state.onData(raw);
          const parsed = await simpleParser(raw);
          const envelope = { from: session.envelope.mailFrom.address, to: session.envelope.rcptTo.map((r) => r.address) };
          // A mail counts from the server's "250 OK": from then on it is the server's to deliver.
          callback();
          mails.push({ raw: raw.toString('utf8'), parsed, envelope });
        });
      },
    });
    server.on('error', () => {});
    await new Promise((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    port = server.server.address().port;
  };
  await listen();
  return {
    mails,
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    refuse(code) {
      state.refuseCode = code;
    },
    set onData(fn) {
      state.onData = fn;
    },
    async stop() {
      await new Promise((resolve) => server.close(resolve));
    },
    start: listen,
  };
}

/** Where redis-server is, installing Debian's package when it is missing (CI runs as root). */
export function redisServerPath() {
  for (const path of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (existsSync(path)) return path;
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim();
  } catch {
    execFileSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null'], {
      stdio: 'inherit',
    });
    return '/usr/bin/redis-server';
  }
}

/** A real redis-server on a free loopback port, nothing saved to disk. `stop()`, then `start()` again on the same port. */
export async function startRedis() {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let child;
  const start = async () => {
    child = spawn(
      redisServerPath(),
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
      { stdio: 'ignore' },
    );
    await waitFor(() => redisAnswers(port), 20_000, 'redis-server to answer');
  };
  await start();
  return {
    url,
    port,
    start,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGKILL');
      }),
  };
}

async function redisAnswers(port) {
  const { connect } = await import('node:net');
  const socket = connect(port, '127.0.0.1');
  const ok = await new Promise((resolve) => {
    socket.once('connect', () => {
      socket.write('PING\r\n');
      socket.once('data', (data) => resolve(String(data).startsWith('+PONG')));
    });
    socket.once('error', () => resolve(false));
  });
  socket.destroy();
  return ok;
}

/** The relay in this process, listening on a free port, quiet. */
export async function startRelay(options = {}) {
  const dataDir = options.dataDir ?? (await tempDir());
  const relay = await createRelay({ allowedPages: 'https://www.trollhattan.se', port: 0, logger: 'silent', dataDir, ...options });
  const base = await relay.listen();
  return Object.assign(relay, {
    base,
    dataDir,
    cleanup: async () => (await relay.close(), options.dataDir ? undefined : rm(dataDir, { recursive: true, force: true })),
  });
}

/**
 * The real bin in a child process. Resolves once it logs "listening"; `logs` collects its JSON lines.
 */
export async function spawnRelay(env) {
  const logs = [];
  let stderr = '';
  const child = spawn(process.execPath, [BIN], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffer = '';
  child.stdout.on('data', (data) => {
    buffer += data;
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const line of lines) if (line) logs.push(JSON.parse(line));
  });
  child.stderr.on('data', (data) => (stderr += data));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const started = await Promise.race([
    waitFor(() => logs.find((entry) => entry.msg === 'listening'), 30_000, 'the relay to listen'),
    exited,
  ]);
  if (!started?.url) throw new Error(`the relay exited: ${JSON.stringify(started)} ${stderr}`);
  return {
    child,
    logs,
    base: started.url,
    exited,
    stderr: () => stderr,
    kill: (signal = 'SIGKILL') => (child.exitCode === null && child.signalCode === null && child.kill(signal), exited),
  };
}

/** POSTs JSON to the relay's /api/share. */
export async function post(base, body, headers = {}) {
  const response = await fetch(`${base}/api/share`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, json, text };
}
