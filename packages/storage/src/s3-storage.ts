import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NoSuchKey,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { isTransientError } from '@smithy/core/retry';
import { UnavailableError } from '@mekendesh/domain/errors';
import type { ObjectStorage } from '@mekendesh/domain/project-ports';

export interface S3StorageConfig {
  bucket: string;
  region?: string | undefined;
  /** Set locally (s3rver); unset in the cloud. */
  endpoint?: string | undefined;
}

/**
 * One S3 client per process. Locally (an endpoint is set) it talks path-style to s3rver with its fixed
 * credentials; checksums only WHEN_REQUIRED, or the SDK would store aws-chunked framing as the body.
 */
export function createS3Client(config: S3StorageConfig): S3Client {
  const client = new S3Client({
    region: config.region ?? process.env.AWS_REGION ?? 'eu-central-1',
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...(config.endpoint
      ? { endpoint: config.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }
      : {}),
    // Request paths read and write objects of at most a few MB: a stopped S3 fails within seconds (issue 9 faults).
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 2_000, requestTimeout: 15_000, throwOnRequestTimeout: true },
  });
  // S3 unreachable, timed out or 5xx after the retries: UnavailableError('storage'), the API's 503 with Retry-After.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        throw isTransientError(e as Parameters<typeof isTransientError>[0])
          ? new UnavailableError('storage', `S3 did not answer: ${(e as Error).name}`, { cause: e })
          : e;
      }
    },
    { step: 'initialize', name: 'mekendeshUnavailable', priority: 'high' },
  );
  return client;
}

const isMissing = (e: unknown) =>
  e instanceof NotFound || e instanceof NoSuchKey || (e instanceof S3ServiceException && e.$metadata.httpStatusCode === 404);

/** The domain's ObjectStorage on S3 (or anything that speaks its API). */
export class S3Storage implements ObjectStorage {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async presignPut(input: { key: string; contentType: string; contentLength: number; expiresInSeconds: number }) {
    const command = new PutObjectCommand({
      Bucket: this.bucket,
      Key: input.key,
      ContentType: input.contentType,
      ContentLength: input.contentLength,
    });
    // Signed headers: S3 refuses a PUT whose type or length differ from what was asked for.
    const url = await getSignedUrl(this.client, command, {
      expiresIn: input.expiresInSeconds,
      signableHeaders: new Set(['content-type', 'content-length']),
    });
    return { url, headers: { 'content-type': input.contentType } };
  }

  /**
   * S3's POST policy for a browser form: key exact, Content-Type exact or by prefix, 1..maxSize bytes, the redirect exact.
   * The Content-Type and redirect go in as conditions of their own (not as `Fields`, which would pin them all exactly).
   */
  async presignPost(input: Parameters<ObjectStorage['presignPost']>[0]) {
    const type = 'exact' in input.contentType ? input.contentType.exact : input.contentType.value;
    const typeCondition: ['eq' | 'starts-with', string, string] =
      'exact' in input.contentType ? ['eq', '$Content-Type', type] : ['starts-with', '$Content-Type', input.contentType.startsWith];
    const post = await createPresignedPost(this.client, {
      Bucket: this.bucket,
      Key: input.key,
      Conditions: [['content-length-range', 1, input.maxSize], typeCondition, ['eq', '$success_action_redirect', input.redirect]],
      Expires: input.expiresInSeconds,
    });
    return { url: post.url, fields: { ...post.fields, 'Content-Type': type, success_action_redirect: input.redirect } };
  }

  presignGet(input: { key: string; expiresInSeconds: number; download?: string }): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: input.key,
      // A document is downloaded, never rendered on the store's origin; the name is [0-9a-z.] (an attachment key).
      ...(input.download ? { ResponseContentDisposition: `attachment; filename="${input.download}"` } : {}),
    });
    return getSignedUrl(this.client, command, { expiresIn: input.expiresInSeconds });
  }

  async head(key: string) {
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, contentType: out.ContentType };
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  }

  async readStart(key: string, length: number): Promise<Uint8Array> {
    const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${length - 1}` }));
    const bytes = await out.Body!.transformToByteArray();
    return bytes.subarray(0, length);
  }

  async read(key: string): Promise<Uint8Array | undefined> {
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return await out.Body!.transformToByteArray();
    } catch (e) {
      if (isMissing(e)) return undefined;
      throw e;
    }
  }

  async put(input: { key: string; body: Uint8Array; contentType: string }): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: input.key, Body: input.body, ContentType: input.contentType }));
  }

  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }
}
