import type { S3Event } from 'aws-lambda';
import { checkUploadedObject } from '@mekendesh/domain/uploads';
import type { ImageProcessor, ObjectStorage } from '@mekendesh/domain/project-ports';
import { createS3Client, S3Storage, sharpImages } from '@mekendesh/storage';

/** What one invocation did with each object key S3 named (logged, and returned for tests). */
export type ImageEventResult = { key: string; outcome: Awaited<ReturnType<typeof checkUploadedObject>> }[];

/**
 * S3 event keys are URL-encoded, with spaces as '+' (AWS, "Event message structure"); ours never hold either,
 * but a key is decoded as S3 means it.
 */
const objectKeyOf = (record: S3Event['Records'][number]) => decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));

/**
 * Checks every upload an S3 ObjectCreated event names (under `incoming/`) through the domain's checkUploadedObject:
 * the same rules as the API's in-process completion (packages/domain image-intake takeUpload), then the result
 * marker under `checked/`. Records are taken one after another: a photo decodes up to 40 megapixels.
 * @throws on storage errors or a missing image library, so that Lambda retries the event and then dead-letters it.
 */
export async function checkUploads(deps: { storage: ObjectStorage; images: ImageProcessor }, event: S3Event): Promise<ImageEventResult> {
  const results: ImageEventResult = [];
  for (const record of event.Records) {
    const key = objectKeyOf(record);
    const outcome = await checkUploadedObject(deps, key);
    results.push({ key, outcome });
    console.log(JSON.stringify({ level: 'info', message: 'upload checked', key, outcome }));
  }
  return results;
}

let deps: { storage: ObjectStorage; images: ImageProcessor } | undefined;

/** Built once per instance: MEDIA_BUCKET (the bucket the events come from) and S3_ENDPOINT only where s3rver stands in. */
function depsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  const bucket = env.MEDIA_BUCKET;
  if (!bucket) throw new Error('MEDIA_BUCKET is not set (infra images-function.ts sets it)');
  const client = createS3Client({ bucket, endpoint: env.S3_ENDPOINT, region: env.AWS_REGION });
  return { storage: new S3Storage(client, bucket), images: sharpImages() };
}

/** The Lambda entry (infra/lib/images-function.ts): S3 ObjectCreated notifications of the media bucket, prefix `incoming/`. */
export const handler = async (event: S3Event): Promise<ImageEventResult> => checkUploads((deps ??= depsFromEnv()), event);
