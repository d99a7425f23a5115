// The users subgraph's production configuration: one schema, parsed once at boot by main.ts; `npm run keys` and the
// README's table read it too.
import { ecKeySetting, publicUrlSetting, setting, signingKeySetting, subgraphEnv } from '@abri/platform';
import { z } from 'zod';
import { SMS_PROVIDERS } from './messaging/sms.ts';

export const usersEnv = subgraphEnv('users').extend({
  ACCESS_TOKEN_PRIVATE_KEY: signingKeySetting('private JWK (or `file:<path>`) signing access tokens (EdDSA)'),
  ACCESS_TOKEN_PREVIOUS_PUBLIC_KEYS: setting(
    z.string().default('[]'),
    'retired access-token public JWKs (JSON array), still published until their tokens expire',
  ),
  BLIND_INDEX_KEY: setting(
    z.string().refine((value) => Buffer.from(value, 'base64').length === 32, '32 bytes in base64'),
    'HMAC key (32 bytes, base64) of the blind indexes that find sealed e-mails again; never rotated (every index would change)',
    { kind: 'secret' },
  ),
  SMTP_URL: setting(z.string().url(), 'outgoing mail, `smtp://user:password@host:587` (`smtps://` for implicit TLS)'),
  MAIL_FROM: setting(z.string().default('Abri <ne-pas-repondre@abri.example>'), 'sender of e-mails'),
  SMS_PROVIDER: setting(
    z.enum(SMS_PROVIDERS).default('none'),
    'SMS provider: `none` refuses every SMS (codes by SMS unavailable), `console` writes them to the log (staging only: codes included)',
  ),
  PUBLIC_URL: publicUrlSetting("the web portal's address: base of e-mailed links"),
  VAPID_PRIVATE_KEY: ecKeySetting(
    'Web Push: private EC P-256 JWK (or `file:<path>`) identifying Abri to push services (VAPID), its public half served as `webPushPublicKey`; unset, Web Push is off',
  ),
  VAPID_SUBJECT: setting(
    z
      .string()
      .regex(/^(mailto:|https:)/)
      .default('mailto:push@abri.example'),
    "Web Push: who push services contact about Abri's notifications (`mailto:` or `https:`)",
  ),
});
