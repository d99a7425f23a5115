// SMS leave through the SMS provider the service is given, never through SMTP; without one they are refused (and
// the dispatcher keeps them), so a code is never silently lost.
import { describe, expect, it } from 'vitest';
import { createRecordingSmsProvider, noSmsProvider, SmsNotConfiguredError } from '../src/messaging/sms.ts';
import { createSmtpTransport } from '../src/messaging/transport.ts';

// Nothing listens there: a message that reached SMTP would fail, so these tests also prove SMS never do.
const SMTP = 'smtp://127.0.0.1:9';
const code = { channel: 'SMS' as const, to: '+33612345678', subject: null, text: 'Abri : votre code est 123456.' };

describe('the SMS provider behind the production transport', () => {
  it('hands each SMS to the provider, number and text as given', async () => {
    const sms = createRecordingSmsProvider();
    await createSmtpTransport(SMTP, 'Abri <ne-pas-repondre@abri.example>', sms).send(code);
    expect(sms.sent).toEqual([{ to: '+33612345678', text: 'Abri : votre code est 123456.' }]);
  });

  it('passes a provider refusal on, so the message stays queued', async () => {
    const sms = createRecordingSmsProvider();
    sms.refuseNext();
    const transport = createSmtpTransport(SMTP, 'Abri <ne-pas-repondre@abri.example>', sms);
    await expect(transport.send(code)).rejects.toThrow('SMS provider unavailable');
    await transport.send(code);
    expect(sms.sent).toHaveLength(1);
  });

  it('refuses every SMS when no provider is configured', async () => {
    await expect(createSmtpTransport(SMTP, 'Abri <x@abri.example>').send(code)).rejects.toBeInstanceOf(
      SmsNotConfiguredError,
    );
    await expect(noSmsProvider.sendSms({ to: code.to, text: code.text })).rejects.toThrow('no SMS provider configured');
  });
});
