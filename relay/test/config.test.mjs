// Settings that cannot work stop the real bin at start with one line naming the setting and what to
// write, a non-zero exit and no stack trace; createRelay runs the same checker on options from code.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createRelay } from '../dist/index.js';
import { BIN, post, spawnRelay, tempDir, valid } from './helpers.mjs';

/** Runs the bin with `env` until it exits (it must, within 20 s); resolves with its exit code and stderr. */
function runBin(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN], { env: { PATH: process.env.PATH, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (data) => (stderr += data));
    const timer = setTimeout(() => (child.kill('SIGKILL'), reject(new Error(`still running: ${stderr}`))), 20_000);
    child.once('exit', (code) => (clearTimeout(timer), resolve({ code, stderr })));
  });
}

describe('settings checked at start', () => {
  let dir;
  before(async () => (dir = await tempDir()));
  after(() => rm(dir, { recursive: true, force: true }));

  const cases = () => [
    [{}, 'ALLOWED_PAGES', /ALLOWED_PAGES is not set: .*ALLOWED_PAGES=https:\/\/www\.trollhattan\.se/],
    [
      { ALLOWED_PAGES: 'https://a.se;https://b.se' },
      'ALLOWED_PAGES',
      /"https:\/\/a\.se;https:\/\/b\.se" holds a ";" .* separate the entries with commas/,
    ],
    [{ ALLOWED_PAGES: 'https://a.se https://b.se' }, 'ALLOWED_PAGES', /separate the entries with commas/],
    [
      { ALLOWED_PAGES: 'https://*.trollhattan.se' },
      'ALLOWED_PAGES',
      /"https:\/\/\*\.trollhattan\.se" has a wildcard.*list each site on its own/,
    ],
    [{ ALLOWED_PAGES: 'www.trollhattan.se' }, 'ALLOWED_PAGES', /is not a web address: write it as https:\/\//],
    [{ ALLOWED_PAGES: 'http://www.trollhattan.se' }, 'ALLOWED_PAGES', /must start with https:\/\//],
    [{ ALLOWED_PAGES: 'https://www.trollhattan.se/?page=1' }, 'ALLOWED_PAGES', /must not contain \? or #/],
    [
      { ALLOWED_PAGES: 'https://www.trollhattan.se', SMTP_URL: 'smtp://127.0.0.1:2525' },
      'MAIL_FROM',
      /MAIL_FROM is not set \(it is required with SMTP_URL\)/,
    ],
    [
      { ALLOWED_PAGES: 'https://www.trollhattan.se', SMTP_URL: 'smtp://127.0.0.1:2525', MAIL_FROM: 'not an address' },
      'MAIL_FROM',
      /MAIL_FROM must be one e-mail address.*"not an address"/,
    ],
    [
      { ALLOWED_PAGES: 'https://www.trollhattan.se', MAIL_FROM: 'a@trollhattan.se, b@trollhattan.se' },
      'MAIL_FROM',
      /MAIL_FROM must be one e-mail address/,
    ],
    [{ ALLOWED_PAGES: 'https://www.trollhattan.se', MAIL_FROM: 'noreply@localhost' }, 'MAIL_FROM', /MAIL_FROM must be one e-mail address/],
    [
      { ALLOWED_PAGES: 'https://www.trollhattan.se', SMTP_URL: 'http://mail.example.se' },
      'SMTP_URL',
      /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/,
    ],
    [
      { ALLOWED_PAGES: 'https://www.trollhattan.se', DATA_DIR: join(dir, 'a-file') },
      'DATA_DIR',
      /DATA_DIR .*a-file is not a directory: write a directory/,
    ],
    [
      { ALLOWED_PAGES: 'https://www.trollhattan.se', DATA_DIR: join(dir, 'a-file', 'below') },
      'DATA_DIR',
      /DATA_DIR .*below cannot be created \(ENOTDIR\)/,
    ],
    [
      { ALLOWED_PAGES: 'https://www.trollhattan.se', DATA_DIR: '/proc/relay-data' },
      'DATA_DIR',
      /DATA_DIR \/proc\/relay-data cannot be created/,
    ],
    [{ ALLOWED_PAGES: 'https://www.trollhattan.se', PORT: 'eighty' }, 'PORT', /PORT must be a whole number/],
    [{ ALLOWED_PAGES: 'https://www.trollhattan.se', REDIS_URL: 'localhost:6379' }, 'REDIS_URL', /REDIS_URL must be a redis:\/\//],
  ];

  test('each bad setting: one line on stderr naming it, exit code 1, no stack trace', async () => {
    await writeFile(join(dir, 'a-file'), 'not a directory');
    for (const [env, setting, line] of cases()) {
      const { code, stderr } = await runBin({ DATA_DIR: join(dir, 'data'), ...env });
      const what = `${JSON.stringify(env)} → ${JSON.stringify(stderr)}`;
      assert.equal(code, 1, what);
      assert.equal(stderr.split('\n').filter(Boolean).length, 1, `one line: ${what}`);
      assert.ok(stderr.startsWith(`industrikommun-share-relay: ${setting}`), `names ${setting}: ${what}`);
      assert.match(stderr, line, what);
      assert.doesNotMatch(stderr, /\n\s+at |Error:/, `no stack trace: ${what}`);
    }
  });

  test('createRelay runs the same checker: a ConfigError with the setting and a code', async () => {
    await assert.rejects(createRelay({ allowedPages: 'https://*.trollhattan.se', logger: 'silent', dataDir: dir }), {
      name: 'ConfigError',
      setting: 'ALLOWED_PAGES',
      code: 'wildcard',
    });
    await assert.rejects(
      createRelay({ allowedPages: 'https://www.trollhattan.se', mailFrom: 'not an address', logger: 'silent', dataDir: dir }),
      {
        name: 'ConfigError',
        setting: 'MAIL_FROM',
        code: 'format',
      },
    );
    await assert.rejects(createRelay({ allowedPages: 'https://a.se;https://b.se', logger: 'silent', dataDir: dir }), {
      setting: 'ALLOWED_PAGES',
      code: 'separator',
    });
  });

  test('a missing DATA_DIR is created; good settings start, and a share is accepted', async () => {
    const dataDir = join(dir, 'new', 'nested');
    const relay = await spawnRelay({
      ALLOWED_PAGES: 'https://www.trollhattan.se, https://www.vanersborg.se/nyheter/',
      MAIL_FROM: '"Trollhättans stad" <noreply@trollhattan.se>',
      DATA_DIR: dataDir,
      PORT: '0',
    });
    try {
      assert.ok(existsSync(dataDir));
      assert.equal((await post(relay.base, valid())).status, 202);
    } finally {
      await relay.kill('SIGTERM');
    }
  });
});
