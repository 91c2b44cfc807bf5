/**
 * The real share relay (package `industrikommun-share-relay`) as the browser tests and the e2e suite
 * use it: its development default writes each mail as an `.eml` file, which `readOutbox` parses back
 * into the form's fields, so a test can check what was actually mailed. Limits are high: the tests
 * post many times from one address, to one inbox.
 */
import { mkdtempSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { createRelay } from 'industrikommun-share-relay';
import { shareFault } from './share-faults.mjs';

const HIGH = { max: 100_000, windowMs: 60_000 };

/**
 * @param {string[]} allowedPages the test pages' origins
 * @returns {Promise<{relay: import('industrikommun-share-relay').Relay, dataDir: string}>}
 */
export async function startTestRelay(allowedPages) {
  const dataDir = mkdtempSync(join(tmpdir(), 'ik-test-relay-'));
  const relay = await createRelay({
    allowedPages,
    dataDir,
    logger: 'silent',
    limits: { perClient: HIGH, perRecipient: HIGH, perHour: HIGH, perDay: HIGH },
  });
  return { relay, dataDir };
}

/**
 * What the relay has mailed so far, in the order accepted, as the share form's fields.
 * @param {{relay: import('industrikommun-share-relay').Relay, dataDir: string}} test
 */
export async function readOutbox({ relay, dataDir }) {
  await relay.idle();
  const dir = join(dataDir, 'outbox');
  const files = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.eml')).sort();
  const mails = await Promise.all(files.map(async (name) => simpleParser(await readFile(join(dir, name)))));
  return mails.map((mail) => {
    const lang = String(mail.headers.get('content-language'));
    const text = mail.text ?? '';
    const lines = text.split('\n');
    const urlLine = lines.findIndex((line) => /^<https?:\/\/.*>$/.test(line));
    const start = lang === 'en' ? 'Message from ' : 'Meddelande från ';
    const messageStart = lines.findIndex((line, index) => index > urlLine && line.startsWith(start)) + 2;
    const messageEnd = lines.lastIndexOf('-- ') - 1;
    const title = lines[urlLine - 1] === '' ? '' : lines[urlLine - 1];
    return {
      to: /** @type {any} */ (mail.to).value[0].address,
      name: /** @type {any} */ (mail.replyTo).value[0].name,
      from: /** @type {any} */ (mail.replyTo).value[0].address,
      message: lines.slice(messageStart, messageEnd).join('\n'),
      url: lines[urlLine].slice(1, -1),
      title,
      lang,
      at: mail.date?.toISOString() ?? '',
    };
  });
}

/** For @web/test-runner's `middleware` (Koa): faults first, then the relay, then `/test-http/outbox`. */
export function koaRelay(test) {
  return async (/** @type {any} */ ctx, /** @type {() => Promise<unknown>} */ next) => {
    if (ctx.path === '/test-http/outbox') {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(await readOutbox(test));
      return;
    }
    if (!shareFault(ctx.req, ctx.res) && !test.relay.handle(ctx.req, ctx.res)) return next();
    ctx.respond = false; // the raw response is written already; Koa must leave it alone
    await new Promise((resolve) => (ctx.res.writableEnded || ctx.res.destroyed ? resolve(undefined) : ctx.res.once('close', resolve)));
  };
}
