// The insurer's electronic seal on its documents: a private key and its X.509 certificate, and the CMS signature
// (RFC 5652, CAdES baseline attributes) a PAdES signature carries (pdf-sign.ts). Production reads the key and the
// certificate issued to the insurer from INSURER_SIGNING_KEY / INSURER_SIGNING_CERTIFICATE; `npm run keys` and the
// embedded demo make a self-signed demonstration certificate, which readers show as signed and unaltered but not as
// trusted.
import { Buffer } from 'node:buffer';
import {
  createHash,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  sign,
  X509Certificate,
} from 'node:crypto';
import {
  bitString,
  boolean,
  children,
  type Der,
  explicit,
  nullValue,
  octets,
  oid,
  printable,
  read,
  sequence,
  set,
  smallInteger,
  time,
  tlv,
  unsignedInteger,
  utf8,
} from './der.ts';

/** What signs documents: the key, its certificate first, then the issuing chain (DER). */
export interface DocumentSeal {
  key: KeyObject;
  certificates: Buffer[];
}

const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  sha256Rsa: '1.2.840.113549.1.1.11',
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
} as const;

function signatureAlgorithm(key: KeyObject): Der {
  if (key.asymmetricKeyType === 'ec') return sequence(oid(OID.ecdsaSha256));
  if (key.asymmetricKeyType === 'rsa') return sequence(oid(OID.sha256Rsa), nullValue());
  throw new TypeError(`a document seal needs an EC or RSA key, not ${key.asymmetricKeyType}`);
}

const sha256 = (data: Buffer | Buffer[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of Array.isArray(data) ? data : [data]) hash.update(part);
  return hash.digest();
};

/**
 * A self-signed demonstration certificate for `organization` (valid ten years from `at`), usable for digital
 * signatures and non-repudiation. PEM key (PKCS#8) and certificate, as the settings take them.
 * @param type EC P-256 (fast to make, read by every current PDF reader) or RSA 2048. @default 'ec'
 */
export function createDemoSeal(
  organization: string,
  at: Date,
  type: 'ec' | 'rsa' = 'ec',
): { keyPem: string; certificatePem: string } {
  const { privateKey, publicKey } =
    type === 'ec'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : generateKeyPairSync('rsa', { modulusLength: 2048 });
  const name = sequence(
    set(sequence(oid(OID.country), printable('FR'))),
    set(sequence(oid(OID.organization), utf8(organization))),
    set(sequence(oid(OID.commonName), utf8(`${organization} – cachet de démonstration`))),
  );
  const until = new Date(at);
  until.setUTCFullYear(until.getUTCFullYear() + 10);
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(serial),
    signatureAlgorithm(privateKey),
    name,
    sequence(time(new Date(at.getTime() - 60_000)), time(until)),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    explicit(
      3,
      sequence(
        sequence(oid(OID.basicConstraints), boolean(true), octets(sequence())),
        // digitalSignature and nonRepudiation (contentCommitment): bits 0 and 1.
        sequence(oid(OID.keyUsage), boolean(true), octets(bitString(Buffer.from([0xc0]), 6))),
      ),
    ),
  );
  const certificate = sequence(tbs, signatureAlgorithm(privateKey), bitString(sign('sha256', tbs, privateKey)));
  return {
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certificatePem: new X509Certificate(certificate).toString(),
  };
}

/** Reads a PEM key and a PEM certificate chain (the signing certificate first); refuses a key that is not its pair. */
export function sealFromPem(keyPem: string, certificatesPem: string): DocumentSeal {
  const key = createPrivateKey(keyPem);
  const blocks = certificatesPem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const certificates = blocks.map((block) => new X509Certificate(block).raw);
  const first = certificates[0];
  if (!first) throw new TypeError('no PEM certificate');
  if (!new X509Certificate(first).checkPrivateKey(key)) throw new TypeError('the key does not match the certificate');
  signatureAlgorithm(key);
  return { key, certificates };
}

/** Who signs with the seal, as a PDF reader shows it: the certificate's common name and SHA-256 fingerprint. */
export function sealSigner(seal: DocumentSeal): { name: string; fingerprint: string } {
  const certificate = new X509Certificate(seal.certificates[0] ?? Buffer.alloc(0));
  return {
    name: certificate.subject.match(/^CN=(.*)$/m)?.[1] ?? certificate.subject,
    fingerprint: certificate.fingerprint256,
  };
}

/**
 * A detached CMS SignedData over `content` (the parts of the PDF its ByteRange names), with the attributes PAdES
 * baseline B-B asks for: content type, message digest and the signing certificate's hash (ESS signing-certificate-v2);
 * no signing-time attribute (the signature dictionary's /M carries the time).
 */
export function cmsSignature(content: Buffer[], seal: DocumentSeal): Buffer {
  const [certificate = Buffer.alloc(0)] = seal.certificates;
  const tbs = children(read(certificate))[0];
  const fields = tbs ? children(tbs) : [];
  // tbsCertificate: [0] version, serialNumber, signature, issuer, …
  const serial = fields[1]?.encoded;
  const issuer = fields[3]?.encoded;
  if (!serial || !issuer) throw new TypeError('unreadable certificate');
  const sha256Id = sequence(oid(OID.sha256));
  const attributes = [
    sequence(oid(OID.contentType), set(oid(OID.data))),
    sequence(oid(OID.messageDigest), set(octets(sha256(content)))),
    sequence(oid(OID.signingCertificateV2), set(sequence(sequence(sequence(octets(sha256(certificate))))))),
  ];
  const signedAttributes = set(...attributes);
  const signerInfo = sequence(
    smallInteger(1),
    sequence(issuer, serial),
    sha256Id,
    // [0] IMPLICIT: the same SET, re-tagged; the signature is computed over its SET form.
    tlv(0xa0, read(signedAttributes).value),
    signatureAlgorithm(seal.key),
    octets(sign('sha256', signedAttributes, seal.key)),
  );
  const signedData = sequence(
    smallInteger(1),
    set(sha256Id),
    sequence(oid(OID.data)),
    tlv(0xa0, Buffer.concat(seal.certificates)),
    set(signerInfo),
  );
  return sequence(oid(OID.signedData), explicit(0, signedData));
}
