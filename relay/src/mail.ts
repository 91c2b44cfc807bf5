/**
 * The mail itself, and the two ways it leaves: SMTP, or `.eml` files in development.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { Share } from './validate.js';

/** A stored message: the visitor's share plus what the relay decided when it accepted it. */
export interface QueuedMail {
  id: string;
  /** when it was accepted, ms since the epoch */
  at: number;
  share: Share;
}

/**
 * Plain text in the form's language. From is the municipality's own address (sending as the
 * visitor would fail SPF/DMARC); replies go to the visitor. The visitor's name appears only as
 * Reply-To's display name and in the body, never as the sender.
 */
export function composeMail(mail: QueuedMail, mailFrom: string): Mail.Options {
  const { share } = mail;
  const host = new URL(share.url).host;
  const title = share.title || host;
  const sv = share.lang === 'sv';
  const text = (
    sv
      ? [
          'Hej!',
          '',
          `${share.name} tipsar dig om en sida på ${host}:`,
          '',
          ...(share.title ? [share.title] : []),
          `<${share.url}>`,
          '',
          `Meddelande från ${share.name}:`,
          '',
          share.message,
          '',
          '-- ',
          `Skickat med formuläret "Tipsa en vän" på ${host}.`,
          `Svara på det här mejlet för att svara ${share.name}.`,
        ]
      : [
          'Hello,',
          '',
          `${share.name} wants to tell you about a page on ${host}:`,
          '',
          ...(share.title ? [share.title] : []),
          `<${share.url}>`,
          '',
          `Message from ${share.name}:`,
          '',
          share.message,
          '',
          '-- ',
          `Sent with the "Tell a friend" form on ${host}.`,
          `Reply to this email to answer ${share.name}.`,
        ]
  ).join('\n');
  const domain = /@([^>\s]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'localhost';
  return {
    from: mailFrom,
    to: { name: '', address: share.to },
    replyTo: { name: share.name, address: share.from },
    subject: sv ? `Tips från ${share.name}: ${title}` : `A tip from ${share.name}: ${title}`,
    text,
    date: new Date(mail.at),
    // The same id on every attempt: a mail server or mail program that sees a resend after a crash can tell it is one message.
    messageId: `<${mail.id}@${domain}>`,
    headers: { 'Content-Language': share.lang },
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
