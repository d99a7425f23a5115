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
