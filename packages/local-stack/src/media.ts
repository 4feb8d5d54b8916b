import { startLocalS3, type LocalS3 } from '@mekendesh/storage/local';

export type { LocalS3 };

/** The S3-compatible server of the local stack: photos and documents land in `directory`. */
export function startMediaStore(options: { port: number; directory: string }): Promise<LocalS3> {
  return startLocalS3(options);
}

/** The API's environment for object storage on the local server. */
export function mediaEnv(s3: LocalS3): { MEDIA_BUCKET: string; S3_ENDPOINT: string } {
  return { MEDIA_BUCKET: s3.bucket, S3_ENDPOINT: s3.endpoint };
}
