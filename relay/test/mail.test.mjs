// A mail arrives at a real SMTP server with the right headers and body, in Swedish and in English.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { post, startRelay, startSmtp, valid } from './helpers.mjs';

describe('the mail', () => {
  let smtp, relay;
  before(async () => {
    smtp = await startSmtp();
    relay = await startRelay({ smtpUrl: smtp.url, mailFrom: '"Trollhättans stad" <tipsa@trollhattan.se>' });
  });
  after(async () => {
    await relay.cleanup();
    await smtp.stop();
  });

  for (const [lang, expected] of [
    [
      'sv',
      {
        subject: 'Tips från Åsa Öberg: Industriell förnyelse',
        lines: [
          'Åsa Öberg tipsar dig om en sida på www.trollhattan.se:',
          'Meddelande från Åsa Öberg:',
          'Svara på det här mejlet för att svara Åsa Öberg.',
        ],
      },
    ],
    [
      'en',
      {
        subject: 'A tip from Åsa Öberg: Industriell förnyelse',
        lines: [
          'Åsa Öberg wants to tell you about a page on www.trollhattan.se:',
          'Message from Åsa Öberg:',
          'Reply to this email to answer Åsa Öberg.',
        ],
      },
    ],
  ]) {
    test(`From MAIL_FROM, Reply-To the visitor, To the recipient, plain text in ${lang}`, async () => {
      const before = smtp.mails.length;
      const body = valid({
        lang,
        to: `anna.${lang}@exempel.se`,
        name: 'Åsa Öberg',
        from: 'asa@exempel.se',
        message: '  Hej!\r\nLäs det här – ”förnyelse”.  ',
      });
      const res = await post(relay.base, body);
      assert.equal(res.status, 202);
      assert.equal(res.json.ok, true);
      await relay.idle();
      assert.equal(smtp.mails.length, before + 1);
      const { parsed, envelope } = smtp.mails.at(-1);
      assert.deepEqual(envelope, { from: 'tipsa@trollhattan.se', to: [`anna.${lang}@exempel.se`] });
      assert.deepEqual(parsed.from.value, [{ name: 'Trollhättans stad', address: 'tipsa@trollhattan.se' }]);
      assert.deepEqual(parsed.replyTo.value, [{ name: 'Åsa Öberg', address: 'asa@exempel.se' }]);
      assert.deepEqual(parsed.to.value, [{ name: '', address: `anna.${lang}@exempel.se` }]);
      assert.equal(parsed.cc, undefined);
      assert.equal(parsed.bcc, undefined);
      assert.equal(parsed.subject, expected.subject);
      assert.equal(parsed.headers.get('content-language'), lang);
      assert.equal(parsed.html, false, 'plain text only');
      assert.match(parsed.headers.get('content-type').value, /^text\/plain$/);
      assert.equal(parsed.messageId, `<${res.json.id}@trollhattan.se>`);
      const text = parsed.text;
      for (const line of expected.lines) assert.ok(text.includes(line), `"${line}" in:\n${text}`);
      assert.ok(text.includes('\nIndustriell förnyelse\n<https://www.trollhattan.se/nyheter/industri>\n'), text);
      assert.ok(text.includes('\nHej!\nLäs det här – ”förnyelse”.\n'), 'the message, trimmed, with its line break');
    });
  }

  test('no header takes a line break or a control character, whatever the fields hold', async () => {
    const before = smtp.mails.length;
    // Everything a visitor could put in a header field that survives validation: quotes, commas, a semicolon, non-Latin letters.
    const res = await post(relay.base, valid({ name: 'O\'Brien, "Bo"; Ek 李', title: 'Titel: "citat", komma; =?utf-8?q?x?=' }));
    assert.equal(res.status, 202);
    await relay.idle();
    const { parsed, raw } = smtp.mails.at(-1);
    assert.equal(smtp.mails.length, before + 1);
    assert.equal(parsed.replyTo.value[0].name, 'O\'Brien, "Bo"; Ek 李');
    assert.equal(parsed.replyTo.value[0].address, 'bo@exempel.se');
    assert.equal(parsed.replyTo.value.length, 1);
    assert.equal(parsed.subject, 'Tips från O\'Brien, "Bo"; Ek 李: Titel: "citat", komma; =?utf-8?q?x?=');
    const head = raw.slice(0, raw.indexOf('\r\n\r\n'));
    assert.doesNotMatch(head, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    assert.doesNotMatch(head, /^(bcc|cc):/im);
  });
});
