/**
 * `npm run bench:relay`: the relay's throughput, refusals and memory, all on 127.0.0.1, stopping by
 * itself in under two minutes. Each store runs as its real bin in a child process:
 * - "before": main's relay (the journal store), built here from `git archive main` into a temp folder;
 * - the embedded SQLite store (DATA_DIR); - Redis (a redis-server started here).
 *
 * Per store: accepted requests/s, p50/p99, with the limits raised and 20,000 client addresses (the mail
 * server down, so this measures accepting); the relay's CPU over 5 s right after, with that queue and
 * the mail server still down; refusals/s and p99 under a one-address flood and a 20,000-address flood
 * with the default limits; RSS before and after; mails delivered per second from a backlog of 500.
 */
import { execSync, spawn } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { BIN, post, startRedis, startSmtp, tempDir, valid, waitFor } from '../test/helpers.mjs';

const HIGH = {
  LIMIT_PER_CLIENT: '100000000',
  LIMIT_PER_SUBNET: '100000000',
  LIMIT_PER_RECIPIENT: '100000000',
  LIMIT_PER_HOUR: '100000000',
  LIMIT_PER_DAY: '100000000',
  MAX_QUEUED: '10000000',
};
const SECONDS = 4;
const BACKLOG = 500;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** main's relay, built into a temp folder (null when there is no git checkout with a main branch). */
async function buildMain() {
  try {
    const dir = await mkdtemp(join(tmpdir(), 'relay-main-'));
    execSync(`git archive main relay src/contract tsconfig.json package.json | tar -x -C ${dir}`, { cwd: ROOT, stdio: 'ignore' });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    execSync('npx tsc -p ../src/contract/tsconfig.json --outDir dist/contract && npx tsc -p tsconfig.json', {
      cwd: join(dir, 'relay'),
      stdio: 'ignore',
    });
    return { bin: join(dir, 'relay/bin/industrikommun-share-relay.js'), dir };
  } catch {
    return null;
  }
}

async function relayProcess(bin, env) {
  const dataDir = await tempDir();
  const child = spawn(process.execPath, [bin], {
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
  const status = () => readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const cpuMs = () => {
    const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  };
  return {
    url,
    rssMb: () => Number(/VmRSS:\s+(\d+)/.exec(status())[1]) / 1024,
    cpuMs,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** autocannon with each request from one of `clients` addresses (X-Forwarded-For behind TRUST_PROXY=1). */
function flood(url, clients) {
  let n = 0;
  return autocannon({
    url: `${url}/api/share`,
    method: 'POST',
    connections: 50,
    duration: SECONDS,
    requests: [
      {
        setupRequest(request) {
          const i = n++;
          const client = i % clients;
          return {
            ...request,
            headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${client >> 16}.${(client >> 8) & 255}.${client & 255}` },
            body: JSON.stringify(valid({ to: `r${i % 50_000}@exempel.se` })),
          };
        },
      },
    ],
  });
}

const perSecond = (count, result) => Math.round(count / result.duration).toLocaleString('en');
const table = [
  '| store | accepted/s (limits raised, 20,000 clients) | p50 / p99 | CPU, SMTP down, queue as left | 1-address flood: refusals/s, p99 | 20,000-address flood: refusals/s, p99 | RSS before → after | delivered mails/s (backlog 500) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
];
const smtp = await startSmtp();
const redis = await startRedis();
const main = await buildMain();
const stores = [
  ...(main ? [['before: main (journal)', main.bin, {}]] : []),
  ['embedded SQLite', BIN, {}],
  ['Redis', BIN, { REDIS_URL: redis.url }],
];
const load = [loadavg()[0].toFixed(2)];
try {
  for (const [name, bin, env] of stores) {
    const base = { ...env, TRUST_PROXY: '1', SMTP_URL: smtp.url, MAIL_FROM: 'tipsa@trollhattan.se' };
    // Accepting, with the mail server down; then the CPU that queue costs while it stays down.
    await smtp.stop();
    let relay = await relayProcess(bin, { ...base, ...HIGH });
    const rssBefore = relay.rssMb();
    const accepted = await flood(relay.url, 20_000);
    const cpuStart = relay.cpuMs();
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const cpu = `${((relay.cpuMs() - cpuStart) / 40).toFixed(1)} % with ${accepted['2xx'].toLocaleString('en')} queued`;
    const rssAccepting = relay.rssMb();
    await relay.stop();
    await smtp.start();
    // Refusals with the default limits.
    relay = await relayProcess(bin, base);
    const one = await flood(relay.url, 1);
    const many = await flood(relay.url, 20_000);
    const rssAfter = Math.max(rssAccepting, relay.rssMb());
    await relay.stop();
    // Delivery from a backlog.
    await smtp.stop();
    relay = await relayProcess(bin, { ...base, ...HIGH });
    // A connection the server closed at its keep-alive timeout is retried (the message was not taken).
    const queue = async (i) => {
      for (let tries = 0; tries < 3; tries++)
        try {
          return await post(relay.url, valid({ to: `m${i}@exempel.se` }), { 'x-forwarded-for': `10.9.${i >> 8}.${i & 255}` });
        } catch {
          // again
        }
    };
    for (let i = 0; i < BACKLOG; i += 50) await Promise.all(Array.from({ length: 50 }, (_, j) => queue(i + j)));
    smtp.mails.length = 0;
    await smtp.start();
    await waitFor(() => smtp.mails.length > 0, 60_000, 'the first mail');
    const first = Date.now();
    await waitFor(() => smtp.mails.length >= BACKLOG, 120_000, 'the backlog');
    const delivered = Math.round((BACKLOG - 1) / ((Date.now() - first) / 1000));
    await relay.stop();
    smtp.mails.length = 0;
    table.push(
      `| ${name} | ${perSecond(accepted['2xx'], accepted)} | ${accepted.latency.p50} / ${accepted.latency.p99} ms | ${cpu} | ${perSecond(one.non2xx, one)}, ${one.latency.p99} ms | ${perSecond(many.non2xx, many)}, ${many.latency.p99} ms (${many['2xx']} accepted) | ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB | ${delivered} |`,
    );
    load.push(loadavg()[0].toFixed(2));
    console.log(table.at(-1)); // each row as it is measured
  }
} finally {
  await smtp.stop();
  await redis.stop();
  if (main) await rm(main.dir, { recursive: true, force: true });
}
console.log(`\n${table.join('\n')}`);
console.log(
  `\nload average (1 min) at the start and after each store: ${load.join(', ')}; ${main ? '' : "main's relay could not be built here, so no 'before' row; "}node ${process.version}`,
);
process.exit(0);
