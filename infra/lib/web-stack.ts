import { Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { EdgeStack } from './edge-stack.js';
import type { StageConfig } from './stage.js';

export interface WebStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly edge: EdgeStack;
  readonly httpApi: HttpApi;
  /** Public photos are served from its `media/` prefix at `/media/*` through CloudFront (origin access control); the S3 key is the path without its leading slash. */
  readonly mediaBucket: IBucket;
  readonly alarmTopic: ITopic;
  readonly domain?: string | undefined;
}

/**
 * The web app people use: SvelteKit's server (adapter-node output behind a small Lambda handler) on a function URL,
 * its immutable assets in S3, and one CloudFront distribution in front of both that also routes `/v1/*` to the
 * HTTP API and `/media/*` to the public photos.
 */
export class WebStack extends Stack {
  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    void props;
  }
}
