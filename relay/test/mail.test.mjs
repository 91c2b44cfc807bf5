// A mail arrives at a real SMTP server with the right headers and body, in each language the relay speaks, and in Swedish for any other.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { post, startRelay, startSmtp, valid } from './helpers.mjs';

describe('the mail', () => {
  let smtp, relay;
  before(async () => {
    smtp = await startSmtp();
    // More mails than the default 5 per client: raise that limit, it is not what these tests are about.
    const high = { max: 1_000, windowMs: 60_000 };
    relay = await startRelay({
      smtpUrl: smtp.url,
      mailFrom: '"Trollhättans stad" <tipsa@trollhattan.se>',
      limits: { perClient: high, perSubnet: high },
    });
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
          'Hej!',
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
          'Hello,',
          'Åsa Öberg wants to tell you about a page on www.trollhattan.se:',
          'Message from Åsa Öberg:',
          'Reply to this email to answer Åsa Öberg.',
        ],
      },
    ],
    [
      'fi-FI',
      {
        language: 'fi',
        subject: 'Vinkki lähettäjältä Åsa Öberg: Industriell förnyelse',
        lines: [
          'Hei!',
          'Åsa Öberg haluaa vinkata sinulle sivun sivustolta www.trollhattan.se:',
          'Viesti lähettäjältä Åsa Öberg:',
          'Voit vastata lähettäjälle Åsa Öberg vastaamalla tähän sähköpostiin.',
        ],
      },
    ],
    [
      'ar',
      {
        // Right to left: what the visitor and the page wrote is isolated (U+2068 … U+2069), so that it keeps its order.
        subject: 'توصية من \u2068Åsa Öberg\u2069: \u2068Industriell förnyelse\u2069',
        lines: [
          'مرحبًا،',
          'وصلتك توصية بصفحة على \u2068www.trollhattan.se\u2069 من \u2068Åsa Öberg\u2069:',
          'رسالة من \u2068Åsa Öberg\u2069:',
          'للرد على \u2068Åsa Öberg\u2069، أجب على هذه الرسالة.',
        ],
      },
    ],
    [
      // A language the relay does not speak: the mail is written in Swedish, and nothing is refused.
      'de-AT',
      {
        language: 'sv',
        subject: 'Tips från Åsa Öberg: Industriell förnyelse',
        lines: ['Hej!', 'Åsa Öberg tipsar dig om en sida på www.trollhattan.se:'],
      },
    ],
  ]) {
    test(`From MAIL_FROM, Reply-To the visitor, To the recipient, plain text in ${lang}`, async () => {
      const before = smtp.mails.length;
      const body = valid({
        lang,
        to: `anna.${lang.toLowerCase()}@exempel.se`,
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
      assert.deepEqual(envelope, { from: 'tipsa@trollhattan.se', to: [`anna.${lang.toLowerCase()}@exempel.se`] });
      assert.deepEqual(parsed.from.value, [{ name: 'Trollhättans stad', address: 'tipsa@trollhattan.se' }]);
      assert.deepEqual(parsed.replyTo.value, [{ name: 'Åsa Öberg', address: 'asa@exempel.se' }]);
      assert.deepEqual(parsed.to.value, [{ name: '', address: `anna.${lang.toLowerCase()}@exempel.se` }]);
      assert.equal(parsed.cc, undefined);
      assert.equal(parsed.bcc, undefined);
      assert.equal(parsed.subject, expected.subject);
      assert.equal(parsed.headers.get('content-language'), expected.language ?? lang);
      assert.equal(parsed.html, false, 'plain text only');
      assert.match(parsed.headers.get('content-type').value, /^text\/plain$/);
      assert.equal(parsed.messageId, `<${res.json.id}@trollhattan.se>`);
      const text = parsed.text;
      for (const line of expected.lines) assert.ok(text.split('\n').includes(line), `the line "${line}" in:\n${text}`);
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
