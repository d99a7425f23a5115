import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inspectFile } from '../src/domain/files.ts';
import { JPEG, jpegWithComment, PNG, pdf, pngWithText, polyglots, withUpdate } from './files.fixtures.ts';

describe('attachment files read from their structure', () => {
  it('accepts real PNG, JPEG and PDF files, with ordinary metadata', async () => {
    expect(inspectFile(PNG)).toEqual({ kind: 'accepted', contentType: 'image/png' });
    expect(inspectFile(JPEG)).toEqual({ kind: 'accepted', contentType: 'image/jpeg' });
    expect(inspectFile(await pdf())).toEqual({ kind: 'accepted', contentType: 'application/pdf' });
    expect(inspectFile(withUpdate(await pdf(), '<< /Title (Facture corrigée) >>'))).toMatchObject({ kind: 'accepted' });
    expect(inspectFile(pngWithText(Buffer.from('Pris avec un téléphone')))).toMatchObject({ kind: 'accepted' });
    expect(inspectFile(jpegWithComment(Buffer.from('Salle de bains, 3 mars')))).toMatchObject({ kind: 'accepted' });
    // Phones append a second picture (a depth or gain map) after the first: a whole JPEG is allowed there.
    expect(inspectFile(Buffer.concat([JPEG, JPEG]))).toMatchObject({ kind: 'accepted' });
  });

  it('refuses every polyglot or malformed file that only starts like one', async () => {
    for (const [name, bytes] of await polyglots())
      expect({ name, verdict: inspectFile(bytes).kind }).toEqual({ name, verdict: 'invalid' });
  });

  it('refuses a PDF of countless tiny compressed streams, each inflated on its own', () => {
    const empty = deflateSync(Buffer.alloc(0));
    const stream = (i: number) =>
      Buffer.concat([
        Buffer.from(`${i} 0 obj << /Filter /FlateDecode /Length ${empty.length} >> stream\n`),
        empty,
        Buffer.from('endstream endobj\n'),
      ]);
    const body = Buffer.concat([Buffer.from('%PDF-1.7\n'), ...Array.from({ length: 20_000 }, (_, i) => stream(i + 1))]);
    const file = Buffer.concat([
      body,
      Buffer.from(`xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\nstartxref\n${body.length}\n%%EOF\n`),
    ]);
    expect(inspectFile(file)).toMatchObject({ kind: 'invalid' });
    // The same file with a few such streams is a PDF like any other.
    const few = Buffer.concat([Buffer.from('%PDF-1.7\n'), ...Array.from({ length: 3 }, (_, i) => stream(i + 1))]);
    const small = Buffer.concat([
      few,
      Buffer.from(`xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 1 >>\nstartxref\n${few.length}\n%%EOF\n`),
    ]);
    expect(inspectFile(small)).toEqual({ kind: 'accepted', contentType: 'application/pdf' });
  });

  it('answers unsupported for anything else', () => {
    expect(inspectFile(Buffer.from('#!/bin/sh\necho gotcha'))).toEqual({ kind: 'unsupported' });
    expect(inspectFile(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toEqual({ kind: 'unsupported' });
  });

  it('refuses every truncation of a real file', async () => {
    for (const file of [PNG, JPEG, await pdf()])
      for (let cut = 1; cut < file.length; cut += Math.max(1, Math.floor(file.length / 97)))
        expect(inspectFile(file.subarray(0, cut)).kind).not.toBe('accepted');
  });
});
