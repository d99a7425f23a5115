// The key material of a production deployment, derived from the services' env schemas: every setting marked as a
// key gets a fresh value (a public key is the public half of the private key it names, wherever that one lives),
// and every other required setting is listed for the operator to fill in.
import { randomBytes } from 'node:crypto';
import { describeEnv, type EnvRow, generateSigningJwk } from '@abri/platform';
import type { JWK } from 'jose';
import { PRODUCTION_SERVICES, type ProductionService, SERVICE_ENVS } from './services.ts';

export interface SettingLine {
  row: EnvRow;
  /** The generated value; absent for a setting the operator provides. */
  value?: string;
}

export type KeySet = Record<ProductionService, SettingLine[]>;

/** Fresh keys for every service; keyrings are per service (a leaked payments key opens no users field). */
export async function generateKeys(services: readonly ProductionService[] = PRODUCTION_SERVICES): Promise<KeySet> {
  const signing = new Map<string, JWK>();
  const signingKey = async (name: string) => {
    const known = signing.get(name);
    if (known) return known;
    const jwk = await generateSigningJwk();
    signing.set(name, jwk);
    return jwk;
  };
  const year = new Date().getFullYear();
  const set = {} as KeySet;
  for (const service of services) {
    const lines: SettingLine[] = [];
    for (const row of describeEnv(SERVICE_ENVS[service])) {
      if (row.key?.kind === 'signing-jwk') lines.push({ row, value: JSON.stringify(await signingKey(row.name)) });
      else if (row.key?.kind === 'public-jwk') {
        const { d: _private, ...publicJwk } = await signingKey(row.key.of);
        lines.push({ row, value: JSON.stringify(publicJwk) });
      } else if (row.key?.kind === 'keyring') {
        lines.push({ row, value: `k${year}:${randomBytes(32).toString('base64')}` });
      } else if (row.key?.kind === 'secret') {
        lines.push({ row, value: randomBytes(32).toString('base64') });
      } else if (row.required) lines.push({ row });
    }
    set[service] = lines;
  }
  return set;
}

/** Environment lines by service: keys as `NAME='value'`, settings to provide as `# NAME=` with their meaning. */
export function renderKeys(set: Partial<KeySet>): string {
  const out = [
    '# Abri production settings by service. The keys are fresh: keep them in your secret store.',
    '# Lines "# NAME=" are settings to provide; optional settings are in the README ("Production").',
  ];
  for (const [service, lines] of Object.entries(set)) {
    out.push('', `# --- ${service}`);
    for (const { row, value } of lines ?? []) {
      out.push(value === undefined ? `# ${row.name}=    (${row.meaning})` : `${row.name}='${value}'`);
    }
  }
  return `${out.join('\n')}\n`;
}
