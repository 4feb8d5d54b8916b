import { Stack, Validations } from 'aws-cdk-lib';
import { Queue } from 'aws-cdk-lib/aws-sqs';

/**
 * The AWS Solutions (cdk-nag) findings we accept, each with its reason, in one place. Applied by createApp, so `cdk synth`
 * with the checks and the nag test (infra/test/nag.test.ts) see the same. A finding here is a decision; anything not
 * listed fails the test.
 */
interface Acknowledgement {
  /** The rule, or one finding of it (`AwsSolutions-IAM5[Resource::…]`). */
  readonly id: string;
  readonly reason: string;
}

/** Findings accepted wherever they occur in the app's stacks. */
const EVERYWHERE: readonly Acknowledgement[] = [
  {
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason:
      "Each function's basic execution role only lets it write its own log streams (logs:CreateLogStream, logs:PutLogEvents); a hand-written copy would say the same.",
  },
  {
    id: 'AwsSolutions-L1',
    reason:
      'nodejs22.x is the Node line the repository pins, builds and tests with (issue 14: every function on nodejs22.x arm64); a runtime upgrade is its own change with its own tests.',
  },
  {
    id: 'AwsSolutions-SMG4',
    reason:
      'Not rotatable by Secrets Manager alone: the cursor key would invalidate every open list cursor and unsubscribe link, the proxy and origin secrets are shared with the web function and CloudFront (rotating needs both updated together), and the Stripe keys are rolled in Stripe’s dashboard by the operator (README, deployment).',
  },
];

/** Findings accepted in one stack only (by the stack's id suffix: `Mekendesh-<stage>-<suffix>`). */
const BY_STACK: Readonly<Record<string, readonly Acknowledgement[]>> = {
  Api: [
    {
      id: 'AwsSolutions-APIG4',
      reason:
        'The HTTP API has one proxy route to the Hono app, which authenticates every operation itself (Cognito access tokens verified in the function, security declared per route and tested by functions/api/src/security.test.ts); public routes (catalogue, health, Stripe webhook with its signature) are public by design.',
    },
  ],
  Alerts: [
    {
      id: 'AwsSolutions-S1',
      reason: "This is the stage's access-log bucket (CloudFront and S3 server access logs land here); logging its own access would loop.",
    },
  ],
  Identity: [
    {
      id: 'AwsSolutions-COG8',
      reason:
        "The Plus feature plan's threat protection is billed per monthly active user; sign-in abuse is already limited by the app (packages/domain rate-limits.ts) and the WAF rate rules, and staff sign in with TOTP MFA.",
    },
  ],
  Web: [
    {
      id: 'AwsSolutions-CFR4',
      reason:
        "Without a custom domain the distribution serves CloudFront's default *.cloudfront.net certificate, whose security policy CloudFront fixes (TLSv1); with -c domain= the site's certificate is used with a TLS 1.2 minimum policy.",
    },
  ],
};

/** Queues given to a DynamoDB event source as its on-failure destination: they are dead-letter queues. */
function acknowledgeStreamDeadLetterQueues(stack: Stack): void {
  for (const queue of stack.node.findAll().filter((c): c is Queue => c instanceof Queue)) {
    Validations.of(queue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        "This queue is a dead-letter queue (a stream event source's on-failure destination, or a function's): cdk-nag recognises only the SQS redrive kind.",
    });
  }
}

/**
 * IAM5 findings are reported one per wildcard, named after the resolved ARN (`AwsSolutions-IAM5[Resource::<Bucket.Arn>/*]`,
 * a cross-stack import's export name, the account's CDK assets bucket), which CDK's acknowledgements can only match
 * exactly. The wildcards we accept are these shapes, each with its reason; infra/test/nag.test.ts fails on any other
 * finding. None allows every action of a service, and none spans more than one bucket, table or prefix.
 */
export const ACCEPTED_WILDCARDS: readonly { readonly finding: RegExp; readonly reason: string }[] = [
  {
    finding: /^AwsSolutions-IAM5\[Action::s3:(GetObject|GetBucket|List|DeleteObject|Abort)\*\]$/,
    reason: "CDK's bucket grants (grantRead, grantPut, grantDelete) name their action groups by prefix; each is on one bucket's ARN.",
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::[^\]]*(Table|table)[^\]]*\/index\/\*\]$/,
    reason: "<table>/index/*: the one table's own secondary indexes, read by Query (CDK's table grants).",
  },
  {
    finding:
      /^AwsSolutions-IAM5\[Resource::(<[A-Za-z0-9]+\.Arn>|Mekendesh-[a-z0-9-]+-Media:ExportsOutputFnGetAtt[A-Za-z0-9]+)\/([a-z]+\/)?\*\]$/,
    reason:
      '<bucket>/* or <bucket>/<prefix>/*: the objects of one bucket (media, web assets) or of one prefix (incoming/, media/, projects/, checked/).',
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::arn:aws:s3:::cdk-[a-z0-9]+-assets-<AWS::AccountId>-[a-z0-9-]+\/\*\]$/,
    reason: "The web assets deployment (CDK's BucketDeployment) reads its zipped files from the account's CDK bootstrap assets bucket.",
  },
  {
    finding: /^AwsSolutions-IAM5\[Resource::\*\]$/,
    reason:
      "Actions AWS defines only on '*': dynamodb:ListStreams (the stream functions' event source), secretsmanager:BatchGetSecretValue (the cold-start loader; GetSecretValue stays on the secrets' ARNs), and the bucket deployment's CloudFront invalidation.",
  },
];

/** Applies every acknowledgement above to `stacks`. */
export function acknowledgeNagFindings(stacks: readonly Stack[]): void {
  for (const stack of stacks) {
    for (const a of EVERYWHERE) Validations.of(stack).acknowledge(a);
    const suffix = stack.stackName.split('-').at(-1) ?? '';
    for (const a of BY_STACK[suffix] ?? []) Validations.of(stack).acknowledge(a);
    acknowledgeStreamDeadLetterQueues(stack);
  }
}
