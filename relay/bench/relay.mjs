/**
 * `npm run bench:relay`: the relay's throughput and memory, all on 127.0.0.1, stopping by itself.
 *
 * 1. autocannon, 50 connections, 10 s, POST /api/share: accepted requests per second and p99, with
 *    the embedded journal and with Redis (a redis-server started here);
 * 2. delivered mails per second to a local SMTP server (smtp-server): a backlog of 2,000 queued while
 *    the mail server was down, timed from its return until the last one arrives;
 * 3. memory (RSS) of the relay after 100,000 requests from 20,000 client addresses, default limits.
 *
 * The relay runs as its real bin in a child process; the limits are raised for 1 and 2 (the
 * defaults would refuse almost everything), left at their defaults for 3.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import autocannon from 'autocannon';
import { BIN, post, sleep, startRedis, startSmtp, tempDir, valid, waitFor } from '../test/helpers.mjs';

const HIGH = {
  LIMIT_PER_CLIENT: '100000000',
  LIMIT_PER_RECIPIENT: '100000000',
  LIMIT_PER_HOUR: '100000000',
  LIMIT_PER_DAY: '100000000',
  MAX_QUEUED: '10000000',
};
const body = JSON.stringify(valid());

async function relayProcess(env) {
  const dataDir = await tempDir();
  const child = spawn(process.execPath, [BIN], {
    env: {
      PATH: process.env.PATH,
      ALLOWED_PAGES: 'https://www.trollhattan.se',
      PORT: '0',
      DATA_DIR: dataDir,
      MAX_CONNECTIONS_PER_CLIENT: '1000',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let url;
  let text = '';
  child.stdout.on('data', (data) => {
    if (url) return; // after the start, the logs are read and dropped, as a log shipper would
    text += data;
    url = /"url":"(http:[^"]+)","path"/.exec(text)?.[1];
  });
  await waitFor(() => url, 30_000, 'the relay to listen');
  const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024;
  return {
    url,
    rssMb,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function cannon(url, options = {}) {
  return autocannon({
    url: `${url}/api/share`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: 50,
    duration: 10,
    ...options,
  });
}

const row = (name, result) => {
  const accepted = result['2xx'];
  const seconds = result.duration;
  return `| ${name} | ${Math.round(accepted / seconds).toLocaleString('en')} | ${result.latency.p99} ms | ${result.non2xx} | ${result.errors + result.timeouts} |`;
};

const lines = [];
const smtp = await startSmtp();
const redis = await startRedis();
try {
  // 1. Accepted requests per second.
  lines.push('| store | accepted requests/s | p99 latency | non-2xx | errors |', '| --- | --- | --- | --- | --- |');
  for (const [name, env] of [
    ['embedded journal (DATA_DIR)', {}],
    ['Redis (REDIS_URL)', { REDIS_URL: redis.url }],
  ]) {
    await smtp.stop(); // queued, not sent: this measures accepting
    const relay = await relayProcess({ ...HIGH, ...env, SMTP_URL: smtp.url, MAIL_FROM: 'tipsa@trollhattan.se' });
    lines.push(row(name, await cannon(relay.url)));
    await relay.stop();
    await smtp.start();
  }

  // 2. Delivered mails per second.
  lines.push(
    '',
    "| store | backlog | first mail after the server's return | delivered mails/s (first to last) |",
    '| --- | --- | --- | --- |',
  );
  for (const [name, env] of [
    ['embedded journal', {}],
    ['Redis', { REDIS_URL: redis.url }],
  ]) {
    const backlog = 2000;
    await smtp.stop();
    const relay = await relayProcess({ ...HIGH, ...env, SMTP_URL: smtp.url, MAIL_FROM: 'tipsa@trollhattan.se' });
    const before = smtp.mails.length;
    for (let i = 0; i < backlog; i += 50)
      await Promise.all(Array.from({ length: 50 }, (_, j) => post(relay.url, valid({ to: `m${i + j}@exempel.se` }))));
    await smtp.start();
    const back = Date.now();
    await waitFor(() => smtp.mails.length > before, 60_000, 'the first mail');
    const first = Date.now();
    await waitFor(() => smtp.mails.length - before >= backlog, 300_000, 'the backlog');
    const seconds = (Date.now() - first) / 1000;
    lines.push(`| ${name} | ${backlog} | ${((first - back) / 1000).toFixed(1)} s | ${Math.round((backlog - 1) / seconds)} |`);
    smtp.mails.length = 0;
    await relay.stop();
  }

  // 3. Memory after 100,000 requests from 20,000 addresses, default limits.
  const relay = await relayProcess({ TRUST_PROXY: '1', SMTP_URL: smtp.url, MAIL_FROM: 'tipsa@trollhattan.se' });
  const idle = relay.rssMb();
  let n = 0;
  const result = await autocannon({
    url: `${relay.url}/api/share`,
    method: 'POST',
    connections: 50,
    amount: 100_000,
    requests: [
      {
        setupRequest(request) {
          const i = n++;
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i % 20_000) >> 8}.${(i % 20_000) & 255}.1` },
            body: JSON.stringify(valid({ to: `r${i % 50_000}@exempel.se` })),
          };
        },
      },
    ],
  });
  await sleep(1000);
  lines.push(
    '',
    `100,000 requests from 20,000 client addresses (default limits): ${result['2xx']} accepted (the site-wide 200 per hour), ${result.non2xx} refused; relay RSS ${idle.toFixed(0)} MB at rest, ${relay.rssMb().toFixed(0)} MB after.`,
  );
  await relay.stop();
} finally {
  await smtp.stop();
  await redis.stop();
}
console.log(lines.join('\n'));
process.exit(0);
