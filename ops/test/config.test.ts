import { readFileSync } from 'node:fs';
import {
  DEMO_INSURER_SETTINGS,
  describeEnv,
  EnvError,
  HopRejected,
  importSigningKey,
  parseEnv,
  parseHopKeys,
  parseHopSecrets,
  parseKeyring,
  SUBGRAPH_NAMES,
  signHop,
  verifyHop,
} from '@abri/platform';
import type { JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { vapidKeyFromJwk } from '../../subgraphs/users/src/push/web-push.ts';
import { renderEnvTable, withEnvTable } from '../env-table.ts';
import { generateKeys, renderKeys } from '../keys.ts';
import { PRODUCTION_SERVICES, type ProductionService, SERVICE_ENVS } from '../services.ts';

/** The sections of `npm run keys`' output: service → NAME → value (undefined for a setting left to fill in). */
function parseKeysOutput(text: string): Record<string, Record<string, string | undefined>> {
  const sections: Record<string, Record<string, string | undefined>> = {};
  let current: Record<string, string | undefined> | undefined;
  for (const line of text.split('\n')) {
    const section = /^# --- (\w+)$/.exec(line);
    if (section) sections[section[1]!] = current = {};
    const value = /^([A-Z_]+)='(.*)'$/.exec(line);
    if (value && current) current[value[1]!] = value[2];
    const toFill = /^# ([A-Z_]+)=/.exec(line);
    if (toFill && current) current[toFill[1]!] = undefined;
  }
  return sections;
}

const placeholder = (name: string) =>
  name.endsWith('_URL')
    ? 'postgresql://operator@db.example:5432/abri'
    : (DEMO_INSURER_SETTINGS[name as keyof typeof DEMO_INSURER_SETTINGS] ?? 'x');

describe('npm run keys', () => {
  it('gives every service every key its env schema marks, and lists every other required setting', async () => {
    const printed = parseKeysOutput(renderKeys(await generateKeys()));
    expect(Object.keys(printed)).toEqual(PRODUCTION_SERVICES);
    for (const service of PRODUCTION_SERVICES) {
      for (const row of describeEnv(SERVICE_ENVS[service])) {
        if (row.key) expect(printed[service]?.[row.name], `${service} ${row.name}`).toBeTruthy();
        else if (row.required) expect(printed[service], `${service} ${row.name}`).toHaveProperty(row.name, undefined);
      }
    }
    expect(printed.policies?.ATTESTATION_PRIVATE_KEY).toBeTruthy();
  });

  it('names the optional settings of each service after the ones to provide', async () => {
    const text = renderKeys(await generateKeys());
    const optional = (service: string) =>
      new RegExp(`# --- ${service}\\n(?:.*\\n)*?# optional: (.*)`).exec(text)?.[1]?.split(', ');
    expect(optional('gateway')).toEqual(expect.arrayContaining(['OTEL_EXPORTER_OTLP_ENDPOINT', 'TRUST_PROXY']));
    expect(optional('claims')).toEqual(
      expect.arrayContaining(['OTEL_EXPORTER_OTLP_ENDPOINT', 'ATTACHMENTS_STORE', 'ATTACHMENTS_S3_BUCKET']),
    );
    // Keys are printed with their value, never only named.
    expect(optional('claims')).not.toContain('ENCRYPTION_KEYS');
    expect(optional('claims')).not.toContain('LOG_HASH_KEY');
  });

  it('makes a configuration every service starts with once the settings to provide are filled in', async () => {
    const printed = parseKeysOutput(renderKeys(await generateKeys()));
    for (const service of PRODUCTION_SERVICES) {
      const env = Object.fromEntries(
        Object.entries(printed[service]!).map(([name, value]) => [name, value ?? placeholder(name)]),
      );
      expect(() => parseEnv(SERVICE_ENVS[service], env), service).not.toThrow();
    }
    const users = printed.users!;
    await importSigningKey(JSON.parse(users.ACCESS_TOKEN_PRIVATE_KEY!) as JWK);
    expect(parseKeyring(users.ENCRYPTION_KEYS!).current).toBeDefined();
    expect(users.ENCRYPTION_KEYS).not.toBe(printed.payments?.ENCRYPTION_KEYS);
    // Claim attachments are sealed under claims' own keyring.
    expect(parseKeyring(printed.claims!.ENCRYPTION_KEYS!).current).toBeDefined();
    expect(printed.claims!.ENCRYPTION_KEYS).not.toBe(users.ENCRYPTION_KEYS);
    // One log-hash key for all, so a customer's lines in the gateway and the subgraphs carry the same hash.
    const logKeys = PRODUCTION_SERVICES.map((service) => printed[service]!.LOG_HASH_KEY);
    expect(new Set(logKeys).size).toBe(1);
    expect(Buffer.from(logKeys[0]!, 'base64url')).toHaveLength(32);
    // Web Push on: a VAPID key pair whose public half (served as webPushPublicKey) is an uncompressed P-256 point.
    const vapid = vapidKeyFromJwk(JSON.parse(users.VAPID_PRIVATE_KEY!) as JsonWebKey);
    expect(Buffer.from(vapid.publicKey, 'base64url')).toHaveLength(65);
  });

  it("gives each subgraph its own hop key only, derived from the gateway's hop secrets", async () => {
    const printed = parseKeysOutput(renderKeys(await generateKeys()));
    const secrets = printed.gateway!.HOP_SECRETS!;
    const gateway = parseHopSecrets(secrets);
    expect(printed.gateway).not.toHaveProperty('HOP_KEYS');
    for (const service of SUBGRAPH_NAMES) {
      const own = printed[service]!.HOP_KEYS!;
      expect(own).toBe(gateway.keysSetting(service));
      expect(printed[service]).not.toHaveProperty('HOP_SECRETS');
      expect(Object.values(printed[service]!)).not.toContain(secrets);
      // What the gateway signs for this subgraph passes there, and nowhere else.
      const keys = parseHopKeys(own);
      for (const target of SUBGRAPH_NAMES) {
        const hop = signHop(gateway, target, { use: 'http' });
        if (target === service) expect(verifyHop(keys, service, hop, { use: 'http' })).toMatchObject({ who: null });
        else expect(() => verifyHop(keys, target, hop, { use: 'http' })).toThrow(HopRejected);
      }
    }
    const subgraphKeys = SUBGRAPH_NAMES.map((service) => printed[service]!.HOP_KEYS);
    expect(new Set(subgraphKeys).size).toBe(SUBGRAPH_NAMES.length);
    expect(subgraphKeys).not.toContain(gateway.keysSetting('download'));
  });
});

describe('start-up configuration', () => {
  it.each(PRODUCTION_SERVICES)('%s names every missing required setting at once, with what it is for', (service) => {
    const required = describeEnv(SERVICE_ENVS[service as ProductionService]).filter((row) => row.required);
    expect(required.length).toBeGreaterThan(0);
    let problems: string[] = [];
    try {
      parseEnv(SERVICE_ENVS[service as ProductionService], {});
    } catch (error) {
      if (error instanceof EnvError) problems = error.problems;
    }
    expect(problems.map((p) => p.split(':')[0])).toEqual(required.map((row) => row.name));
    for (const [i, row] of required.entries()) expect(problems[i]).toBe(`${row.name}: missing: ${row.meaning}`);
  });

  it('says what is wrong with a setting that is present but invalid', () => {
    expect(() => parseEnv(SERVICE_ENVS.claims, { DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL: invalid \(/);
  });
});

describe("the README's env table", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

  it('is the one the env schemas give (npm run env:readme writes it)', () => {
    expect(withEnvTable(readme)).toBe(readme);
  });

  it('lists every required setting of every service', () => {
    for (const service of PRODUCTION_SERVICES) {
      for (const row of describeEnv(SERVICE_ENVS[service]).filter((r) => r.required)) {
        expect(readme, `${service} ${row.name}`).toMatch(new RegExp(`\\| \`${row.name}\` +\\|[^\\n]*\\| yes`));
      }
    }
  });

  it('fails when a required setting is missing from it', () => {
    const stale = readme.replace(/^\| `ATTESTATION_PRIVATE_KEY` .*\n/m, '');
    expect(stale).not.toBe(readme);
    expect(withEnvTable(stale)).not.toBe(stale);
    expect(renderEnvTable()).toContain('`ATTESTATION_PRIVATE_KEY`');
  });
});
