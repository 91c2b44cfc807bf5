/**
 * The mail itself, and the two ways it leaves: SMTP, or `.eml` files in development.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { LANGUAGES, toLanguage, type Language } from '#contract';
import type { Share } from './validate.js';

/** A stored message: the visitor's share plus what the relay decided when it accepted it. */
export interface QueuedMail {
  id: string;
  /** when it was accepted, ms since the epoch */
  at: number;
  share: Share;
}

/** The mail's words in one language. `name` is the visitor's name and `host` the page's host. */
interface MailTexts {
  subject(name: string, title: string): string;
  greeting: string;
  intro(name: string, host: string): string;
  messageFrom(name: string): string;
  sentWith(host: string): string;
  replyTo(name: string): string;
}

/**
 * One entry per language of the contract's list: a language added there without its mail fails type
 * checking. The mail holds no count, so no plural. Finnish and Arabic are not reviewed by a native
 * speaker yet; the Arabic is gender-neutral (the visitor's gender is unknown).
 */
export const MAIL_TEXTS: Record<Language, MailTexts> = {
  sv: {
    subject: (name, title) => `Tips från ${name}: ${title}`,
    greeting: 'Hej!',
    intro: (name, host) => `${name} tipsar dig om en sida på ${host}:`,
    messageFrom: (name) => `Meddelande från ${name}:`,
    sentWith: (host) => `Skickat med formuläret "Tipsa en vän" på ${host}.`,
    replyTo: (name) => `Svara på det här mejlet för att svara ${name}.`,
  },
  en: {
    subject: (name, title) => `A tip from ${name}: ${title}`,
    greeting: 'Hello,',
    intro: (name, host) => `${name} wants to tell you about a page on ${host}:`,
    messageFrom: (name) => `Message from ${name}:`,
    sentWith: (host) => `Sent with the "Tell a friend" form on ${host}.`,
    replyTo: (name) => `Reply to this email to answer ${name}.`,
  },
  fi: {
    subject: (name, title) => `Vinkki lähettäjältä ${name}: ${title}`,
    greeting: 'Hei!',
    intro: (name, host) => `${name} haluaa vinkata sinulle sivun sivustolta ${host}:`,
    messageFrom: (name) => `Viesti lähettäjältä ${name}:`,
    sentWith: (host) => `Lähetetty sivuston ${host} Vinkkaa ystävälle -lomakkeella.`,
    replyTo: (name) => `Voit vastata lähettäjälle ${name} vastaamalla tähän sähköpostiin.`,
  },
  ar: {
    subject: (name, title) => `توصية من ${name}: ${title}`,
    greeting: 'مرحبًا،',
    intro: (name, host) => `وصلتك توصية بصفحة على ${host} من ${name}:`,
    messageFrom: (name) => `رسالة من ${name}:`,
    sentWith: (host) => `أُرسلت هذه الرسالة عبر نموذج «أرسل إلى صديق» على ${host}.`,
    replyTo: (name) => `للرد على ${name}، أجب على هذه الرسالة.`,
  },
};

// U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE around what the visitor and the page wrote,
// in a right-to-left mail: a Latin name or host keeps its order and cannot pull the colon after it
// to the wrong side. Left-to-right mails need none.
const isolateIn = (lang: Language) => (LANGUAGES[lang].dir === 'rtl' ? (text: string) => `\u2068${text}\u2069` : (text: string) => text);

/**
 * Plain text in the form's language (`share.lang`, already mapped to one the relay speaks). From is the
 * municipality's own address (sending as the visitor would fail SPF/DMARC); replies go to the visitor.
 * The visitor's name appears only as Reply-To's display name and in the body, never as the sender.
 * The page's address stays on a line of its own, left to right as written, in every language.
 */
export function composeMail(mail: QueuedMail, mailFrom: string): Mail.Options {
  const { share } = mail;
  const lang = toLanguage(share.lang); // a mail queued by an older version, too
  const words = MAIL_TEXTS[lang];
  const isolate = isolateIn(lang);
  const host = isolate(new URL(share.url).host);
  const name = isolate(share.name);
  const title = share.title ? isolate(share.title) : host;
  const text = [
    words.greeting,
    '',
    words.intro(name, host),
    '',
    ...(share.title ? [share.title] : []),
    `<${share.url}>`,
    '',
    words.messageFrom(name),
    '',
    share.message,
    '',
    '-- ',
    words.sentWith(host),
    words.replyTo(name),
  ].join('\n');
  const domain = /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'localhost';
  return {
    from: mailFrom,
    to: { name: '', address: share.to },
    replyTo: { name: share.name, address: share.from },
    subject: words.subject(name, title),
    text,
    date: new Date(mail.at),
    // The same id on every attempt: a mail server or mail program that sees a resend after a crash can tell it is one message.
    messageId: `<${mail.id}@${domain}>`,
    headers: { 'Content-Language': lang },
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}

export interface Transport {
  readonly description: string;
  send(message: Mail.Options, mail: QueuedMail): Promise<void>;
  /** checks that the mail server answers (and takes the login); throws when it does not */
  verify?(): Promise<void>;
  close(): void;
}

/** An SMTP error that will not go away by trying again (the server refused the recipient or the content). */
export function isPermanent(error: unknown): boolean {
  const { code, responseCode } = (error ?? {}) as { code?: string; responseCode?: number };
  return (code === 'EENVELOPE' || code === 'EMESSAGE') && typeof responseCode === 'number' && responseCode >= 500;
}

export function smtpTransport(smtpUrl: string): Transport {
  const url = new URL(smtpUrl);
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 4,
    // A hung server must not hold a message forever: the attempt fails and is retried.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    description: `SMTP ${url.protocol}//${url.host}`,
    async send(message) {
      await transporter.sendMail(message);
    },
    async verify() {
      await transporter.verify();
    },
    close: () => transporter.close(),
  };
}

/**
 * Development default: each mail becomes `<outboxDir>/<accepted time>-<id>.eml` (so a listing is in order), written to a temporary name, synced
 * and renamed, so a file is either whole or absent and a second attempt replaces rather than duplicates.
 */
export function emlTransport(outboxDir: string): Transport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    description: `.eml files in ${outboxDir}`,
    async send(message, { id, at }) {
      await mkdir(outboxDir, { recursive: true });
      const info = await transporter.sendMail(message);
      const temporary = join(outboxDir, `.${id}.${randomUUID()}.tmp`);
      const file = await open(temporary, 'w', 0o600);
      try {
        await file.writeFile(info.message as unknown as Buffer);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, join(outboxDir, `${new Date(at).toISOString().replace(/[:.]/g, '-')}-${id}.eml`));
    },
    close: () => transporter.close(),
  };
}
