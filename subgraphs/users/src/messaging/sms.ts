// Where SMS leave: an SMS provider behind one small interface, so a vendor's adapter (its HTTP API, its SDK) plugs in
// without the rest of the service knowing which. None ships with Abri: production refuses to send an SMS until one
// is configured; the console provider writes them to the log for a staging machine; the recording one is the tests'
// double. (The embedded default needs none of these: its local mailbox keeps SMS beside e-mails.)
import type { Logger } from '@abri/platform';

export interface Sms {
  /** E.164 number, `+33612345678`. */
  to: string;
  text: string;
}

export interface SmsProvider {
  /** Resolves once the provider accepted the message; rejects when it refused it. */
  sendSms(sms: Sms): Promise<void>;
}

export class SmsNotConfiguredError extends Error {
  constructor() {
    super('no SMS provider configured');
  }
}

/** No provider: every SMS is refused (the dispatcher keeps it queued and logs the failure). */
export const noSmsProvider: SmsProvider = {
  async sendSms() {
    throw new SmsNotConfiguredError();
  },
};

/** Staging only: each SMS, code included, is written to the log instead of being sent. */
export function createConsoleSmsProvider(log: Logger): SmsProvider {
  return {
    async sendSms(sms) {
      log.info('SMS (console provider, not sent)', { to: sms.to, text: sms.text });
    },
  };
}

/** The tests' double: keeps what it was given; `refuseNext` makes the next send fail as a provider outage would. */
export function createRecordingSmsProvider() {
  const sent: Sms[] = [];
  let refusals = 0;
  return {
    sent,
    refuseNext(count = 1) {
      refusals += count;
    },
    async sendSms(sms: Sms) {
      if (refusals > 0) {
        refusals--;
        throw new Error('SMS provider unavailable');
      }
      sent.push({ ...sms });
    },
  } satisfies SmsProvider & Record<string, unknown>;
}

export const SMS_PROVIDERS = ['none', 'console'] as const;
export type SmsProviderName = (typeof SMS_PROVIDERS)[number];

export function smsProviderNamed(name: SmsProviderName, log: Logger): SmsProvider {
  return name === 'console' ? createConsoleSmsProvider(log) : noSmsProvider;
}
