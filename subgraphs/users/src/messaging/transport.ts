// Where messages leave: SMTP in production, the local mailbox (files a developer reads with `npm run mailbox`) in
// embedded mode, memory in tests. SMS go through an SMS provider (sms.ts) beside SMTP.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { noSmsProvider, type SmsProvider } from './sms.ts';

export interface OutgoingMessage {
  channel: 'EMAIL' | 'SMS';
  to: string;
  subject: string | null;
  text: string;
}

export interface MessageTransport {
  send(message: OutgoingMessage): Promise<void>;
}

/** The local mailbox: one JSON file per message under `dir` (and in `sent`, for tests). */
export function createLocalMailbox(dir: string | null) {
  const sent: (OutgoingMessage & { at: string })[] = [];
  if (dir) mkdirSync(dir, { recursive: true, mode: 0o700 });
  return {
    sent,
    async send(message: OutgoingMessage) {
      const entry = { ...message, at: new Date().toISOString() };
      sent.push(entry);
      if (dir)
        writeFileSync(
          join(dir, `${entry.at.replace(/[:.]/g, '-')}-${message.channel.toLowerCase()}.json`),
          JSON.stringify(entry, null, 2),
          { mode: 0o600 },
        );
    },
  } satisfies MessageTransport & { sent: unknown[] };
}

/**
 * E-mail over SMTP (`smtp://user:pass@host:587`), SMS through `sms`.
 * @param sms the SMS provider; @default noSmsProvider (every SMS refused until one is configured)
 */
export function createSmtpTransport(smtpUrl: string, from: string, sms: SmsProvider = noSmsProvider): MessageTransport {
  const mailer = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      if (message.channel === 'SMS') return sms.sendSms({ to: message.to, text: message.text });
      await mailer.sendMail({ from, to: message.to, subject: message.subject ?? '', text: message.text });
    },
  };
}
