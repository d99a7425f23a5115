// An independent check of a signed PDF, as a reader does it: the last signature's ByteRange must cover the whole file
// but its /Contents, the CMS message digest must be the SHA-256 of those bytes, the signed attributes must verify
// with the public key of the certificate the CMS carries, and the ESS attribute must name that certificate.
import { createHash, verify, X509Certificate } from 'node:crypto';
import { children, oidText, read } from '../src/der.ts';

export interface SignatureReport {
  /** The ByteRange covers every byte but the signature's hexadecimal string. */
  coversWholeFile: boolean;
  /** The CMS message digest equals the SHA-256 of the signed bytes. */
  digestMatches: boolean;
  /** The signature over the signed attributes verifies with the embedded certificate's key. */
  signatureValid: boolean;
  /** signing-certificate-v2 holds the SHA-256 of that certificate (PAdES baseline B-B). */
  namesItsCertificate: boolean;
  subFilter: string;
  certificate: X509Certificate;
}

const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';

export function checkPdfSignature(pdf: Buffer): SignatureReport {
  const text = pdf.toString('latin1');
  const at = text.lastIndexOf('/ByteRange [');
  const [a = -1, b = -1, c = -1, d = -1] = (/\/ByteRange \[([\d ]+)\]/.exec(text.slice(at))?.[1] ?? '')
    .trim()
    .split(/\s+/)
    .map(Number);
  const hex = text.slice(a + b + 1, c - 1);
  const coversWholeFile =
    a === 0 && text[b] === '<' && text[c - 1] === '>' && c + d === pdf.length && /^[0-9a-f]+$/i.test(hex);
  const cms = read(Buffer.from(hex, 'hex'));
  const signedData = children(children(cms)[1] ?? cms)[0] ?? cms;
  const [, , , certificates, signerInfos] = children(signedData);
  const certificateDer = children(certificates ?? cms)[0]?.encoded ?? Buffer.alloc(0);
  const certificate = new X509Certificate(certificateDer);
  const signerInfo = children(signerInfos ?? cms)[0] ?? cms;
  const [, , , signedAttributes, , signature] = children(signerInfo);
  const attributes = new Map(
    children(signedAttributes ?? cms).map((attribute) => {
      const [type, values] = children(attribute);
      return [oidText(type?.value ?? Buffer.alloc(0)), children(values ?? cms)[0]];
    }),
  );
  const digest = createHash('sha256')
    .update(pdf.subarray(a, a + b))
    .update(pdf.subarray(c, c + d))
    .digest();
  const essHash = children(children(children(attributes.get(SIGNING_CERTIFICATE_V2) ?? cms)[0] ?? cms)[0] ?? cms)[0];
  // The signature covers the attributes' DER with the universal SET tag, not the [0] they are stored under.
  const asSet = Buffer.concat([Buffer.from([0x31]), (signedAttributes?.encoded ?? Buffer.alloc(1)).subarray(1)]);
  return {
    coversWholeFile,
    digestMatches: attributes.get(MESSAGE_DIGEST)?.value.equals(digest) ?? false,
    signatureValid: verify('sha256', asSet, certificate.publicKey, signature?.value ?? Buffer.alloc(0)),
    namesItsCertificate: essHash?.value.equals(createHash('sha256').update(certificateDer).digest()) ?? false,
    subFilter: /\/SubFilter \/([\w.]+)/.exec(text.slice(text.lastIndexOf('/Type /Sig')))?.[1] ?? '',
    certificate,
  };
}
