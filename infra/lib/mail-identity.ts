import { CfnOutput, Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import {
  CloudWatchDimensionSource,
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

/** SES's account reputation thresholds we alarm on (AWS reviews an account at 5% bounces and 0.1% complaints). */
const SES_REPUTATION_ALARMS = {
  /** Reputation.BounceRate, a fraction: 0.05 = 5%. */
  bounceRate: 0.05,
  /** Reputation.ComplaintRate, a fraction: 0.001 = 0.1%. */
  complaintRate: 0.001,
} as const;

/** The CloudWatch dimension the configuration set's events are counted by (its value: the set's name). */
export const SES_EVENT_DIMENSION = 'ses:configuration-set';

export interface MailIdentityProps {
  readonly stageName: string;
  /** The sender, e.g. no-reply@mekendesh.kg: its domain becomes the SES identity. */
  readonly mailFrom: string;
}

/**
 * The sender domain as an SES identity with Easy DKIM (three CNAME records printed as outputs for the domain's DNS), and
 * the configuration set every email is sent with: sends, deliveries, bounces and complaints are counted in CloudWatch,
 * and bounced or complaining addresses go to the account's suppression list. Alarms on the account's bounce and
 * complaint rates. New accounts are in the SES sandbox (200 emails a day, only to verified addresses) until AWS grants
 * production access (console: SES, Account dashboard, "Request production access").
 */
export class MailIdentity extends Construct {
  /** The configuration set's name (fixed, so functions in other stacks can name it without a cross-stack reference). */
  readonly configurationSetName: string;
  readonly identity: EmailIdentity;

  constructor(scope: Construct, id: string, props: MailIdentityProps) {
    super(scope, id);
    const domain = props.mailFrom.split('@')[1];
    if (!domain) throw new Error(`not an email address: ${props.mailFrom}`);
    this.configurationSetName = `mekendesh-${props.stageName}`;
    const configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: this.configurationSetName,
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    configurationSet.addEventDestination('CloudWatch', {
      destination: EventDestination.cloudWatchDimensions([
        { name: SES_EVENT_DIMENSION, source: CloudWatchDimensionSource.MESSAGE_TAG, defaultValue: this.configurationSetName },
      ]),
      events: [
        EmailSendingEvent.SEND,
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.REJECT,
      ],
    });
    // The identity's default configuration set: even a send that names none is counted.
    this.identity = new EmailIdentity(this, 'Identity', { identity: Identity.domain(domain), configurationSet });
    const tokens = [
      [this.identity.dkimDnsTokenName1, this.identity.dkimDnsTokenValue1],
      [this.identity.dkimDnsTokenName2, this.identity.dkimDnsTokenValue2],
      [this.identity.dkimDnsTokenName3, this.identity.dkimDnsTokenValue3],
    ] as const;
    tokens.forEach(([name, value], i) => {
      // Two outputs a record (name, value), so a deploy script can print or apply them as they are.
      new CfnOutput(this, `DkimRecord${i + 1}Name`, {
        description: `DKIM CNAME ${i + 1} of 3 for ${domain}: the record's name`,
        value: name,
      });
      new CfnOutput(this, `DkimRecord${i + 1}Value`, { description: `DKIM CNAME ${i + 1} of 3 for ${domain}: its value`, value });
    });
    new CfnOutput(this, 'SesSandboxNote', {
      value: `New AWS accounts send from SES's sandbox (verified recipients only, 200 a day): request production access for ${domain}.`,
    });
    this.alarmOnReputation(props.stageName);
  }

  /** Account-level reputation (AWS/SES, no dimensions): the rates AWS itself acts on. */
  private alarmOnReputation(stageName: string): void {
    const rates = [
      { id: 'BounceRate', metricName: 'Reputation.BounceRate', threshold: SES_REPUTATION_ALARMS.bounceRate },
      { id: 'ComplaintRate', metricName: 'Reputation.ComplaintRate', threshold: SES_REPUTATION_ALARMS.complaintRate },
    ];
    for (const { id, metricName, threshold } of rates) {
      new Alarm(this, id, {
        alarmName: `mekendesh-${stageName}-ses-${id.toLowerCase()}`,
        alarmDescription: `SES ${metricName} is ${threshold * 100}% or more: AWS may pause sending; look at the bounced or complaining addresses.`,
        metric: new Metric({ namespace: 'AWS/SES', metricName, statistic: 'Maximum', period: Duration.hours(1) }),
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
    }
  }
}
