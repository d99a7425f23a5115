// Claim attachments in S3-compatible object storage (AWS S3, or MinIO, Ceph, Scaleway, OVH… by `endpoint`), for
// production where replicas share no disk. Objects are written with server-side encryption requested and, wrapped
// in `sealedStore`, already sealed by the application, so neither the provider nor a leaked bucket shows a file.
import {
  DeleteObjectCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { type AttachmentStore, MAX_ATTACHMENT_BYTES } from './attachments.ts';

export interface ObjectStoreOptions {
  bucket: string;
  /** An S3-compatible service's URL; unset: AWS S3 in `region`. */
  endpoint?: string;
  /** @default 'eu-west-3' */
  region?: string;
  /** Static credentials; unset: the SDK's chain (environment, instance or pod role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Server-side encryption asked of the service with every object. @default 'AES256' */
  serverSideEncryption?: 'AES256' | 'aws:kms' | null;
  /** Prefix of every object key. @default 'attachments/' */
  prefix?: string;
  /**
   * Largest object accepted, refused before any request (the application refuses files over 5 MiB before this;
   * the margin is the envelope's). @default MAX_ATTACHMENT_BYTES + 1 KiB
   */
  maxBytes?: number;
}

export class ObjectTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`object of ${bytes} bytes refused: larger than the attachment limit`);
  }
}

export function objectStore(options: ObjectStoreOptions): AttachmentStore {
  const client = new S3Client({
    region: options.region ?? 'eu-west-3',
    ...(options.endpoint ? { endpoint: options.endpoint, forcePathStyle: true } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
    // Checksums only where the API requires them: S3-compatible services differ in the newer checksum headers.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const prefix = options.prefix ?? 'attachments/';
  const maxBytes = options.maxBytes ?? MAX_ATTACHMENT_BYTES + 1024;
  const sse = options.serverSideEncryption === undefined ? 'AES256' : options.serverSideEncryption;
  const Key = (key: string) => `${prefix}${key.replace(/[^\w.-]/g, '_')}`;
  return {
    async put(key, bytes) {
      if (bytes.length > maxBytes) throw new ObjectTooLarge(bytes.length);
      await client.send(
        new PutObjectCommand({
          Bucket: options.bucket,
          Key: Key(key),
          Body: bytes,
          ContentLength: bytes.length,
          ContentType: 'application/octet-stream',
          ...(sse ? { ServerSideEncryption: sse } : {}),
        }),
      );
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key: Key(key) }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : null;
      } catch (error) {
        if (
          error instanceof NoSuchKey ||
          (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
        )
          return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key: Key(key) }));
    },
  };
}
