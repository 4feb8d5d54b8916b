import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { Construct } from 'constructs';
import { ImagesFunction } from './images-function.js';
import type { StageConfig } from './stage.js';

export interface MediaStackProps extends StackProps {
  readonly stage: StageConfig;
  /** Origins of the web app that PUT files straight to the bucket with presigned URLs. */
  readonly webOrigins: readonly string[];
  /** The one topic every alarm notifies (AlertsStack): the image function's alarms go there. */
  readonly alarmTopic?: ITopic | undefined;
  /** The stage's access-log bucket (AlertsStack): the media bucket's server access logs go to `s3/media/`. */
  readonly accessLogs?: IBucket | undefined;
}

/** Where a presigned upload may live before it is completed or abandoned. */
const INCOMPLETE_UPLOAD_DAYS = 1;
/** Where presigned PUTs land, unchecked and never served (packages/domain `uploadedKey`). */
const UNCHECKED_UPLOAD_PREFIX = 'incoming/';
/** Where the image function leaves its verdict on each upload (packages/domain image-marker.ts checkedKey). */
const CHECK_MARKER_PREFIX = 'checked/';

/**
 * Project photos and documents. Private: browsers upload with presigned PUT URLs the API hands out after
 * checking type and size (to incoming/, never served), and read through short-lived presigned GET URLs the
 * API redirects to, only ever for the checked copies it wrote (photos re-encoded without metadata).
 */
export class MediaStack extends Stack {
  readonly bucket: IBucket;
  /** Checks every upload as it lands (sharp for linux-arm64); here, beside the bucket whose events trigger it (no cross-stack cycle). */
  readonly images: ImagesFunction;

  constructor(scope: Construct, id: string, props: MediaStackProps) {
    super(scope, id, props);
    const bucket = new Bucket(this, 'MediaBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      ...(props.accessLogs ? { serverAccessLogsBucket: props.accessLogs, serverAccessLogsPrefix: 's3/media/' } : {}),
      removalPolicy: props.stage.removalPolicy,
      cors: [
        {
          allowedMethods: [HttpMethods.PUT],
          allowedOrigins: [...props.webOrigins],
          allowedHeaders: ['content-type', 'content-length'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(INCOMPLETE_UPLOAD_DAYS) },
        // Uploads land under incoming/ (never served) and are deleted when completed; one never completed
        // (or PUT again with a URL still valid) goes after a day.
        { id: 'expire-unchecked-uploads', prefix: UNCHECKED_UPLOAD_PREFIX, expiration: Duration.days(INCOMPLETE_UPLOAD_DAYS) },
        // The image function's verdict on an upload (image-marker.ts) is read only while the upload is completed, minutes
        // after it lands; a day later the upload itself is gone, so its marker goes too.
        { id: 'expire-check-markers', prefix: CHECK_MARKER_PREFIX, expiration: Duration.days(INCOMPLETE_UPLOAD_DAYS) },
      ],
    });
    this.bucket = bucket;
    this.images = new ImagesFunction(this, 'Images', { bucket, alarmTopic: props.alarmTopic, removalPolicy: props.stage.removalPolicy });
    new CfnOutput(this, 'MediaBucketName', { value: bucket.bucketName });
  }
}
