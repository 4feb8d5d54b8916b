import { ArnFormat, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate, CertificateValidation } from 'aws-cdk-lib/aws-certificatemanager';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, type CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { StageConfig } from './stage.js';
import { cloudFrontWebAcl } from './waf.js';

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
  /** The distribution's web ACL (waf.ts): managed rule groups and rate rules on sign-in, sign-up and pledges. */
  readonly webAcl: CfnWebACL;
  /** With `-c domain=`: the site's certificate (DNS-validated: add the CNAME ACM shows, or the deploy waits for it). */
  readonly certificate?: Certificate;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    this.webAcl = cloudFrontWebAcl(this, 'WebAcl', props.stage.name);
    this.logWafDecisions(props.stage);
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

  /**
   * Blocked and counted requests go to a log group (WAF requires the `aws-waf-logs-` prefix); allowed ones only to the
   * sampled requests, which keeps the log small. Authorization and cookies never reach the log.
   */
  private logWafDecisions(stage: StageConfig): void {
    const logGroupName = `aws-waf-logs-mekendesh-${stage.name}`;
    new LogGroup(this, 'WafLogs', { logGroupName, retention: RetentionDays.ONE_MONTH, removalPolicy: stage.removalPolicy });
    const logging = new CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: this.webAcl.attrArn,
      // WAF wants the log group's ARN without the ':*' that LogGroup.logGroupArn ends with.
      logDestinationConfigs: [
        this.formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME }),
      ],
      redactedFields: [{ singleHeader: { Name: 'authorization' } }, { singleHeader: { Name: 'cookie' } }],
      loggingFilter: {
        DefaultBehavior: 'DROP',
        Filters: [
          {
            Behavior: 'KEEP',
            Requirement: 'MEETS_ANY',
            Conditions: [{ ActionCondition: { Action: 'BLOCK' } }, { ActionCondition: { Action: 'COUNT' } }],
          },
        ],
      },
    });
    logging.node.addDependency(this.node.findChild('WafLogs'));
  }
}
