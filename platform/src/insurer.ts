// Who issues Abri's documents, as an insurer must name itself on them: legal name and form, share capital, registered
// office and register number (Code de commerce, art. R123-237), « entreprise régie par le Code des assurances », the
// supervisor's name and address, the mediator and how to complain. It is configuration, not code:
// production reads it from the environment (settings below, one schema like every other setting), the embedded demo
// uses DEMO_INSURER, whose every value is fictitious and says so.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { setting } from './env.ts';
import { createDemoSeal, type DocumentSeal, sealFromPem } from './seal.ts';

export interface Insurer {
  /** Legal name, « Abri Assurances ». */
  name: string;
  /** Legal form, « Société anonyme à conseil d’administration ». */
  legalForm: string;
  /** Share capital in whole euros. */
  shareCapitalEuros: number;
  /** Trade and companies register entry, city then SIREN: « Lyon 000 000 000 ». */
  rcs: string;
  /** Registered office on one line. */
  registeredOffice: string;
  /** Where customers reach the insurer (web space, telephone), printed under the address. */
  contact: string;
  /** Where a written complaint goes (service réclamations), with its postal or e-mail address. */
  complaints: string;
  /** The consumer mediator the customer may refer to after the complaint, with how to reach them. */
  mediator: string;
  /** ORIAS registration of the intermediary, when the contract is distributed by one. */
  orias?: string;
  /** Set for the demonstration insurer: every document then says it is fictitious. */
  demo?: boolean;
  /**
   * The key and certificate that sign every PDF issued (PAdES). Production sets it from INSURER_SIGNING_*; a demo
   * insurer without one signs with a demonstration certificate made for the process (`issuerSeal`).
   */
  seal?: DocumentSeal;
}

/** The supervisory authority of French insurers, printed on every document (its real address). */
export const ACPR =
  'Autorité de contrôle prudentiel et de résolution (ACPR), 4 place de Budapest, CS 92459, 75436 Paris cedex 09';

/** Abri as the demo prints it. Every detail is invented: this is a demonstration, not an insurer. */
export const DEMO_INSURER: Insurer = {
  name: 'Abri Assurances',
  legalForm: 'Société anonyme fictive de démonstration',
  shareCapitalEuros: 10_000_000,
  rcs: 'Lyon 000 000 000 (numéro fictif)',
  registeredOffice: '12 rue de l’Exemple, 69000 Lyon (adresse fictive)',
  contact: 'Espace client : abri.example · 01 00 00 00 00 (numéro fictif)',
  complaints: 'Service Réclamations Abri, 12 rue de l’Exemple, 69000 Lyon, reclamations@abri.example (fictif)',
  mediator: 'Médiateur de démonstration, 1 place de l’Exemple, 75000 Paris, mediation.abri.example (fictif)',
  demo: true,
};

const text = (meaning: string) => setting(z.string().trim().min(1, 'required'), meaning);

/** The insurer's identity in production: every service that issues documents (policies, payments) reads it. */
export const insurerEnv = {
  INSURER_NAME: text('insurer printed on every document: legal name'),
  INSURER_LEGAL_FORM: text('insurer: legal form, `Société anonyme à conseil d’administration`'),
  INSURER_SHARE_CAPITAL_EUROS: setting(
    z.coerce.number().int().positive(),
    'insurer: share capital in whole euros, `10000000`',
  ),
  INSURER_RCS: setting(
    z
      .string()
      .trim()
      .regex(/^\p{L}[\p{L} '’-]* \d{3} ?\d{3} ?\d{3}$/u, 'the register city then the 9-digit SIREN'),
    'insurer: RCS entry, city then SIREN, `Lyon 123 456 789`',
  ),
  INSURER_REGISTERED_OFFICE: text('insurer: registered office, one line'),
  INSURER_CONTACT: text('insurer: customer contact line (web space, telephone)'),
  INSURER_COMPLAINTS: text('insurer: where written complaints go (service réclamations, postal and e-mail address)'),
  INSURER_MEDIATOR: text('insurer: the consumer mediator, name and how to reach them'),
  INSURER_ORIAS: setting(
    z
      .string()
      .trim()
      .regex(/^\d{8}$/, 'the 8-digit ORIAS number')
      .optional(),
    'ORIAS number of the intermediary distributing the contracts, when there is one',
  ),
};

type InsurerSettings = z.infer<z.ZodObject<typeof insurerEnv>>;

/** The insurer described by the parsed settings. */
export function insurerFromEnv(env: InsurerSettings): Insurer {
  return {
    name: env.INSURER_NAME,
    legalForm: env.INSURER_LEGAL_FORM,
    shareCapitalEuros: env.INSURER_SHARE_CAPITAL_EUROS,
    rcs: env.INSURER_RCS,
    registeredOffice: env.INSURER_REGISTERED_OFFICE,
    contact: env.INSURER_CONTACT,
    complaints: env.INSURER_COMPLAINTS,
    mediator: env.INSURER_MEDIATOR,
    ...(env.INSURER_ORIAS ? { orias: env.INSURER_ORIAS } : {}),
  };
}

/**
 * The demo insurer as production settings, for tests and benchmarks that start the production entry points. The
 * values are DEMO_INSURER's, fictitious and saying so in the legal form and the addresses.
 */
export const DEMO_INSURER_SETTINGS: Record<Exclude<keyof typeof insurerEnv, 'INSURER_ORIAS'>, string> = {
  INSURER_NAME: DEMO_INSURER.name,
  INSURER_LEGAL_FORM: DEMO_INSURER.legalForm,
  INSURER_SHARE_CAPITAL_EUROS: String(DEMO_INSURER.shareCapitalEuros),
  INSURER_RCS: 'Lyon 000 000 000',
  INSURER_REGISTERED_OFFICE: DEMO_INSURER.registeredOffice,
  INSURER_CONTACT: DEMO_INSURER.contact,
  INSURER_COMPLAINTS: DEMO_INSURER.complaints,
  INSURER_MEDIATOR: DEMO_INSURER.mediator,
};

/** PEM text inline (newlines real or written as the two characters `\n`) or `file:<path>`. */
function pemText(value: string): string {
  return (value.startsWith('file:') ? readFileSync(value.slice(5), 'utf8') : value).replace(/\\n/g, '\n');
}

const pem = (label: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => value.startsWith('file:') || value.includes(`-----BEGIN ${label}`),
      `a PEM ${label}, or file:<path>`,
    );

/**
 * The insurer's signing key and certificate, in every service that issues PDFs. `npm run keys` prints a self-signed
 * demonstration pair; a real deployment uses the certificate a qualified trust service issued to the insurer.
 */
export const insurerSealEnv = {
  INSURER_SIGNING_KEY: setting(
    pem('PRIVATE KEY'),
    "insurer's PDF signing key, PEM PKCS#8 (EC or RSA), inline (newlines as `\\n`) or `file:<path>`",
    { kind: 'seal-key' },
  ),
  INSURER_SIGNING_CERTIFICATE: setting(
    pem('CERTIFICATE'),
    'certificate of that key then its issuing chain, PEM, inline or `file:<path>`: named by every signed PDF',
    { kind: 'seal-certificate', of: 'INSURER_SIGNING_KEY' },
  ),
};

type SealSettings = z.infer<z.ZodObject<typeof insurerSealEnv>>;

/** The seal the settings describe; throws when the key is not the certificate's. */
export function sealFromEnv(env: SealSettings): DocumentSeal {
  return sealFromPem(pemText(env.INSURER_SIGNING_KEY), pemText(env.INSURER_SIGNING_CERTIFICATE));
}

/** A fresh demonstration pair as the settings take it (one line each), for `npm run keys` and tests. */
export function demoSealSettings(organization = DEMO_INSURER.name, at = new Date()): SealSettings {
  const { keyPem, certificatePem } = createDemoSeal(organization, at);
  return {
    INSURER_SIGNING_KEY: keyPem.trim().replace(/\n/g, '\\n'),
    INSURER_SIGNING_CERTIFICATE: certificatePem.trim().replace(/\n/g, '\\n'),
  };
}

const processSeals = new Map<string, DocumentSeal>();

/**
 * The seal documents of `insurer` are signed with: its own, or for the demo insurer a demonstration certificate
 * made once per process. A non-demo insurer without one is a configuration error, not an unsigned document.
 */
export function issuerSeal(insurer: Insurer, at: Date): DocumentSeal {
  if (insurer.seal) return insurer.seal;
  if (!insurer.demo) throw new Error(`no signing certificate configured for ${insurer.name}`);
  let seal = processSeals.get(insurer.name);
  if (!seal) {
    const { keyPem, certificatePem } = createDemoSeal(insurer.name, at);
    seal = sealFromPem(keyPem, certificatePem);
    processSeals.set(insurer.name, seal);
  }
  return seal;
}
