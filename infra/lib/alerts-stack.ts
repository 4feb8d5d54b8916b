import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { Construct } from 'constructs';
import { MailIdentity } from './mail-identity.js';
import type { StageConfig } from './stage.js';

export interface AlertsStackProps extends StackProps {
  readonly stage: StageConfig;
  /** Subscribed to the topic when set (`-c alarmEmail=ops@example.org`). */
  readonly alarmEmail?: string | undefined;
  /** The platform's sender; its domain becomes the SES identity (mail-identity.ts). */
  readonly mailFrom: string;
}

/**
 * The one SNS topic every alarm of a stage notifies (API, web, jobs, mail, DynamoDB, SES, dead letters), deployed
 * first so that every other stack can name it; adding a pager or a chat integration later is one subscription.
 * Also the sender's SES identity and configuration set (deployed before any function that sends with them).
 */
export class AlertsStack extends Stack {
  readonly topic: Topic;
  readonly mail: MailIdentity;
  /**
   * Access logs of the stage: CloudFront's (prefix `cloudfront/`) and the S3 buckets' server access logs (`s3/<bucket>/`),
   * kept 90 days. Here because every stack that logs into it deploys after this one.
   */
  readonly accessLogs: Bucket;

  constructor(scope: Construct, id: string, props: AlertsStackProps) {
    super(scope, id, props);
    this.topic = new Topic(this, 'AlarmTopic', { displayName: `Mekendesh ${props.stage.name} alarms`, enforceSSL: true });
    if (props.alarmEmail) this.topic.addSubscription(new EmailSubscription(props.alarmEmail));
    new CfnOutput(this, 'AlarmTopicArn', { value: this.topic.topicArn });
    this.mail = new MailIdentity(this, 'Mail', { stageName: props.stage.name, mailFrom: props.mailFrom });
    this.accessLogs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are written with an ACL (the awslogsdelivery account); S3 server access logs by policy.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(90) }],
      removalPolicy: props.stage.removalPolicy,
      autoDeleteObjects: !props.stage.isProd,
    });
  }
}
