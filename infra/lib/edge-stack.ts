import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate, CertificateValidation } from 'aws-cdk-lib/aws-certificatemanager';
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
  /** With `-c domain=`: the site's certificate (DNS-validated: add the CNAME ACM shows, or the deploy waits for it). */
  readonly certificate?: Certificate;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    if (props.domain) {
      this.certificate = new Certificate(this, 'SiteCertificate', {
        domainName: props.domain,
        validation: CertificateValidation.fromDns(),
      });
      new CfnOutput(this, 'CertificateArn', {
        value: this.certificate.certificateArn,
        description: `Validated by a DNS CNAME for ${props.domain}: see the certificate in the ACM console (us-east-1)`,
      });
    }
  }
}
