// The general conditions a home policy needs, with their legal references, in correct French, naming the configured
// mediator, promising nothing Abri does not do; sealed like every document and readable by anyone at a public link.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_INSURER, demoSealSettings, type Insurer, sealFromEnv } from '@abri/platform';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdfSignature } from '../../../platform/test/pdf-signature.ts';
import { publicGeneralConditions } from '../src/app/documents.ts';
import { generalConditionsPdf } from '../src/documents/general-conditions-pdf.ts';
import { generalConditions, typeset } from '../src/documents/general-conditions-text.ts';

const run = promisify(execFile);

const insurer: Insurer = {
  ...DEMO_INSURER,
  demo: false,
  name: 'Toit Mutuel Assurances',
  mediator: 'La Médiation de l’Assurance, TSA 50110, 75441 Paris cedex 09',
  complaints: 'Service Réclamations, 3 quai de la Fosse, 44000 Nantes',
  seal: sealFromEnv(demoSealSettings('Toit Mutuel Assurances')),
};

let dir: string;
let raw: string;
let text: string;
let pdf: Buffer;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'abri-cg-'));
  pdf = await generalConditionsPdf({ insurer, documentNumber: 'CGE-2026-TEST0001', issuedAt: new Date() });
  await writeFile(join(dir, 'cg.pdf'), pdf);
  raw = (await run('pdftotext', [join(dir, 'cg.pdf'), '-'])).stdout;
  text = raw.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ');
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('general conditions', () => {
  it('cover what a home policy must say, each rule with its article of the Code des assurances', () => {
    for (const [topic, phrase] of [
      ['definitions', '1. Définitions'],
      ['territorial scope', 'Objet du contrat et territorialité'],
      ['overseas homes', 'France métropolitaine, en Corse ou dans un département d’outre-mer'],
      ['withdrawal for distance selling', '14 jours calendaires révolus'],
      ['its article', 'article L112-2-1'],
      ['intentional false declaration', 'entraîne la nullité du contrat'],
      ['L113-8', 'L113-8'],
      ['non-intentional misstatement', 'réduite en proportion de la cotisation payée'],
      ['L113-9', 'article L113-9'],
      ['subrogation', 'article L121-12'],
      ['expertise', 'chacun désigne son expert'],
      ['indemnity basis', 'valeur de remplacement au jour du sinistre, vétusté déduite'],
      ['indexation', 'Cotisation, indexation et défaut de paiement'],
      ['prescription', 'se prescrit par deux ans'],
      ['L114-1', 'article L114-1'],
      ['interruption', 'désignation d’un expert à la suite d’un sinistre'],
      ['L114-2', 'article L114-2'],
      ['L114-3', 'article L114-3'],
      ['non-payment', 'L113-3'],
      ['cat-nat deductible', '380,00 €'],
      ['named mediator', 'le médiateur : La Médiation de l’Assurance, TSA 50110, 75441 Paris cedex 09'],
      ['complaints', 'Service Réclamations, 3 quai de la Fosse, 44000 Nantes'],
      ['supervisor', 'ACPR'],
    ] as const) {
      expect(text, topic).toContain(phrase);
    }
  });

  it('promises no feature Abri lacks: termination by letter or e-mail, no online termination button', () => {
    expect(text).toContain('par lettre ou tout autre support durable, un courriel suffit');
    expect(text).not.toMatch(/résili\w+ en ligne|en ligne depuis l’espace client/);
    // Every option it lists is one the catalogue sells.
    expect(text).toContain('objets de valeur, piscine, jardin, assistance, assurance scolaire, rééquipement à neuf');
  });

  it('is typeset in French: no-break spaces before « : ; », inside « », before units and after « article »', () => {
    expect(typeset('Plafond : 10 jours ; « oui » article L114-1')).toBe(
      'Plafond\u00a0: 10\u00a0jours\u00a0; «\u00a0oui\u00a0» article\u00a0L114-1',
    );
    // What the PDF is given (pdftotext reads a no-break space of the standard fonts back as a plain one).
    const printed = generalConditions(insurer)
      .flatMap((section) => section.blocks.flat())
      .map(typeset)
      .join('\n');
    expect(printed).toContain('Sinistre\u00a0: l’ensemble');
    expect(printed).not.toMatch(/ [:;?!»]|« |\d (jours?|mois|ans?|€)\b/);
    // No line of the PDF starts with the punctuation a no-break space keeps on the previous one.
    expect(raw).not.toMatch(/^[:;?!»]/m);
    // No ASCII placeholder left in the source text, and no glyph the standard fonts cannot draw.
    expect(printed).not.toMatch(/\.\.\.|'|"/);
    expect(text).not.toContain('?');
  });

  it('is sealed by the insurer', () => {
    expect(checkPdfSignature(pdf)).toMatchObject({ coversWholeFile: true, digestMatches: true, signatureValid: true });
  });

  it('is served to anyone at /conditions-generales.pdf, rendered once', async () => {
    const route = publicGeneralConditions(() => ({ insurer, clock: { now: () => new Date() } }) as never);
    const answer = async () => {
      const sent: { status?: number; headers?: Record<string, string>; body?: Buffer } = {};
      const res = {
        writeHead: (status: number, headers: Record<string, string>) => Object.assign(sent, { status, headers }),
        end: (body: Buffer) => Object.assign(sent, { body }),
      } as unknown as ServerResponse;
      await route({} as never, res);
      return sent;
    };
    const first = await answer();
    expect(first.status).toBe(200);
    expect(first.headers?.['content-type']).toBe('application/pdf');
    expect(checkPdfSignature(first.body ?? Buffer.alloc(0)).signatureValid).toBe(true);
    expect((await answer()).body).toBe(first.body);
  });
});
