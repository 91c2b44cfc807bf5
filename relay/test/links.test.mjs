// No stranger's link in a mail: phishing strings in message, name and title are refused at their field,
// naming the text to remove; honest messages pass and are mailed. Through the real HTTP relay, to a real
// SMTP server. The rules live in src/links.ts.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { post, startRelay, startSmtp, valid } from './helpers.mjs';

const FSI = '\u2068';
const PDI = '\u2069';

// [field, text, the text the answer names (when it is not the whole text)]
const PHISHING = [
  ['message', 'Klicka här: https://evil.example/login', 'https://evil.example/login'],
  ['message', 'Logga in på www.evil.example', 'www.evil.example'],
  ['message', 'Se evil.example/login', 'evil.example/login'],
  ['message', 'Verifiera dig på bankid-verify.se idag', 'bankid-verify.se'],
  ['message', 'Gå till 185.12.3.4/login', '185.12.3.4/login'],
  ['message', 'Mejla support@evil-kommun.se så hjälper vi dig', 'support@evil-kommun.se'],
  ['message', 'Logga in: evil．example／login', 'evil．example／login'],
  ['message', 'ｗｗｗ．evil．com', 'ｗｗｗ．evil．com'],
  ['message', 'https：／／evil.example', 'https：／／evil.example'],
  ['message', 'Öppna http://[2001:db8::1]/x', 'http://[2001:db8::1]/x'],
  ['message', 'Servern 2001:db8::1 väntar', '2001:db8::1'],
  ['message', 'Gå till [::1]:8080', '[::1]:8080'],
  ['message', 'bankid[.]se', 'bankid[.]se'],
  ['message', 'bankid (dot) se', 'bankid (dot) se'],
  ['message', 'Besök bankid . se nu', 'bankid . se'],
  ['message', 'evil\u200b.com', 'evil\u200b.com'],
  ['message', 'evil\u2060.com', 'evil\u2060.com'],
  ['message', 'evil\u00ad.com', 'evil\u00ad.com'],
  ['message', 'Ansök på Skatteverket.Nu/aterbaring', 'Skatteverket.Nu/aterbaring'],
  ['message', 'hxxps://evil.example', 'hxxps://evil.example'],
  ['message', 'javascript:alert(1)', 'javascript:alert(1)'],
  ['message', 'Skriv till mailto:anna@evil.example', 'mailto:anna@evil.example'],
  ['message', 'Kort länk: bit.ly/3xYz', 'bit.ly/3xYz'],
  ['message', 'Logga in: SKATTEVERKET-ATERBARING.SE', 'SKATTEVERKET-ATERBARING.SE'],
  ['message', 'Punycode xn--bnkid-wua.se', 'xn--bnkid-wua.se'],
  ['message', 'Gå till bänkid.se', 'bänkid.se'],
  ['message', 'Сайт kommun.рф', 'kommun.рф'],
  ['message', 'Matte 𝐞𝐯𝐢𝐥.𝐜𝐨𝐦', '𝐞𝐯𝐢𝐥.𝐜𝐨𝐦'],
  ['message', 'Punkt evil。com', 'evil。com'],
  ['message', 'Routern 192.168.0.1', '192.168.0.1'],
  ['message', 'Mejla support＠evil-kommun.se', 'support＠evil-kommun.se'],
  ['message', 'Mejla support [at] evil-kommun.se', 'support [at] evil-kommun.se'],
  ['message', 'login.microsoftonline.com.evil.example', 'login.microsoftonline.com.evil.example'],
  ['message', 'data:text/html,<script>', 'data:text/html,<script>'],
  ['message', 'Se //evil.example/x', '//evil.example/x'],
  ['message', 'Intranätet intranet.lan:8080', 'intranet.lan:8080'],
  ['message', 'Ring tel:+46701234567', 'tel:+46701234567'],
  ['message', 'Din kod: ”https://evil.example”.', 'https://evil.example'],
  ['name', 'noreply@skatteverket.se', 'noreply@skatteverket.se'],
  ['name', 'Skatteverket.se', 'Skatteverket.se'],
  ['name', 'www.skatteverket.se', 'www.skatteverket.se'],
  ['name', 'Bo via bankid-verify.se', 'bankid-verify.se'],
  ['name', 'Bo Ek (bo@evil.example)', 'bo@evil.example'],
  ['name', 'Kundtjänst @ Skatteverket', '@'],
  [
    'title',
    'Du har 4 812 kr att få tillbaka – logga in: https://skatteverket-aterbaring.example/',
    'https://skatteverket-aterbaring.example/',
  ],
  ['title', 'Logga in på bankid-verify.se', 'bankid-verify.se'],
  ['title', 'www.trollhattan.se.evil.example', 'www.trollhattan.se.evil.example'],
  ['title', 'Mejla oss: info@trollhattan.se', 'info@trollhattan.se'],
  ['title', 'Nyheter – www.trollhattan.se/../login', 'www.trollhattan.se/../login'],
  ['title', 'Se 185.12.3.4', '185.12.3.4'],
];

// [field, text]: what people write, which must pass and be mailed as written.
const HONEST = [
  ['message', 'Vi ses på Storgatan 12, 461 30 Trollhättan.'],
  ['message', 'Vi ses kl. 10.30 vid entrén.'],
  ['message', 'Räntan är 3.5 % i år.'],
  ['message', 'Det kostar 10.000 kr, inte mer.'],
  ['name', 'Anna-Karin Öberg'],
  ['name', 'Dr. Svensson'],
  ['name', "O'Brien"],
  ['message', 'Ta med t.ex. matsäck.'],
  ['message', 'Det finns bl.a. fika, musik osv. Välkommen!'],
  ['message', 'Mötet är 2026-12-04 kl. 18.'],
  ['message', 'Ring mig på 0520-49 50 00.'],
  ['message', 'Klockan 10:30:45 startar det.'],
  ['message', 'Vi ses imorgon.Hej då!'],
  ['message', 'Läs kapitel 3.Sedan kan vi prata.'],
  ['message', 'Se avsnitt 12.3 i rapporten.'],
  ['message', 'Tel.nr 0520-123 45, org.nr 212000-1561.'],
  ['message', 'Version 1.2.3 är ute.'],
  ['message', 'Rabatt 1.–3. december. Hälsningar, Bo'],
  ['message', 'Hej @Anna! Kolla in det här :) mvh Bo'],
  ['message', 'Familjen 👨‍👩‍👧 hälsar.'],
  ['message', 'Tavataan klo 10.30, esim. kahvilassa.'],
  ['message', 'أراك غدًا الساعة 10:30 في المكتبة.'],
  ['message', 'Dr. Svensson och fil.dr. Ek talar. Ca. 50 st. platser.'],
  ['title', 'Nyheter – www.trollhattan.se'],
  ['title', 'Trollhattan.se – Industriell förnyelse'],
  ['title', 'Nyheter från Vanersborg.se (www.vanersborg.se)'],
];

describe('no stranger’s link in a mail', () => {
  let smtp, relay;
  before(async () => {
    smtp = await startSmtp();
    const high = { max: 10_000, windowMs: 60_000 };
    relay = await startRelay({
      smtpUrl: smtp.url,
      mailFrom: 'tipsa@trollhattan.se',
      allowedPages: 'https://www.trollhattan.se, https://www.vanersborg.se/nyheter',
      limits: { perClient: high, perSubnet: high, perRecipient: high, perHour: high, perDay: high },
    });
  });
  after(async () => {
    await relay.cleanup();
    await smtp.stop();
  });

  test(`${PHISHING.length} phishing strings: 422 at their field, naming the text to remove; nothing mailed`, async () => {
    assert.ok(PHISHING.length >= 40);
    const sent = smtp.mails.length;
    const wrong = [];
    for (const [field, text, found] of PHISHING) {
      const res = await post(relay.base, valid({ [field]: text }));
      const fields = Object.keys(res.json?.errors ?? {});
      if (res.status !== 422 || fields.join() !== field || !res.json.errors[field].includes(`${FSI}${found}${PDI}`))
        wrong.push(`${field} ${JSON.stringify(text)}: ${res.status} ${JSON.stringify(res.json)}`);
    }
    assert.deepEqual(wrong, []);
    await relay.idle();
    assert.equal(smtp.mails.length, sent, 'nothing was sent');
  });

  test(`${HONEST.length} honest texts pass, and the mail holds them as written`, async () => {
    assert.ok(HONEST.length >= 20);
    const wrong = [];
    for (const [field, text] of HONEST) {
      const page = field === 'title' && /vanersborg/i.test(text) ? { url: 'https://www.vanersborg.se/nyheter/x' } : {};
      const res = await post(relay.base, valid({ [field]: text, ...page }));
      if (res.status !== 202) wrong.push(`${field} ${JSON.stringify(text)}: ${res.status} ${JSON.stringify(res.json)}`);
      else {
        await relay.idle();
        const { parsed } = smtp.mails.at(-1);
        const where = field === 'name' ? parsed.replyTo.value[0].name : parsed.text;
        if (!where.includes(text)) wrong.push(`${field} ${JSON.stringify(text)} not in the mail`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  test('the hard case: a word, a dot and a top-level domain without a space is a domain name; with the space it is a sentence', async () => {
    const glued = await post(relay.base, valid({ message: 'Vi ses imorgon.Se till att komma i tid.' }));
    assert.equal(glued.status, 422);
    assert.equal(
      glued.json.errors.message,
      `Ta bort ”${FSI}imorgon.Se${PDI}” ur meddelandet: webbadresser skickas inte, men länken till sidan kommer med ändå`,
    );
    assert.equal((await post(relay.base, valid({ message: 'Vi ses imorgon. Se till att komma i tid.' }))).status, 202);
  });

  test("the answer is in the visitor's language, and a title's problem is the page owner's", async () => {
    const fi = await post(relay.base, valid({ lang: 'fi', message: 'Kirjaudu: bankid-verify.se' }));
    assert.deepEqual(fi.json.errors, {
      message: `Poista viestistä ”${FSI}bankid-verify.se${PDI}”: verkko-osoitteita ei lähetetä, mutta linkki sivulle tulee mukaan joka tapauksessa`,
    });
    const ar = await post(relay.base, valid({ lang: 'ar', message: 'راسلنا على support@evil-kommun.se' }));
    assert.deepEqual(ar.json.errors, {
      message: `احذف «${FSI}support@evil-kommun.se${PDI}» من الرسالة: يستطيع المستلم أن يرد على البريد ليصل إليك`,
    });
    const name = await post(relay.base, valid({ lang: 'en', name: 'Skatteverket.se' }));
    assert.deepEqual(name.json.errors, {
      name: `Remove “${FSI}Skatteverket.se${PDI}”: enter just your name, without a web or email address`,
    });
    const title = await post(
      relay.base,
      valid({
        lang: 'sv',
        name: 'Skatteverket',
        title: 'Du har 4 812 kr att få tillbaka – logga in: https://skatteverket-aterbaring.example/',
      }),
    );
    assert.deepEqual(Object.keys(title.json.errors), ['title']);
    assert.match(
      title.json.errors.title,
      /^Sidans titel innehåller .*https:\/\/skatteverket-aterbaring\.example\/.*kontakta webbplatsens ägare\.$/,
    );
  });
});
