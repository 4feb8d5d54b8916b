import { Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import type { StageConfig } from './stage.js';

export interface EdgeStackProps extends StackProps {
  readonly stage: StageConfig;
  /** The site's own domain (`-c domain=mekendesh.kg`); without it the distribution's cloudfront.net name is used. */
  readonly domain?: string | undefined;
}

/**
 * What CloudFront requires in us-east-1 whatever the stage's region: the AWS WAF web ACL of the distribution
 * (CLOUDFRONT scope) and, with a custom domain, its ACM certificate. The web stack reads both through CDK's
 * cross-region references.
 */
export class EdgeStack extends Stack {
  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    void props;
  }
}
