import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
// The app's own limits (a relative import: these two constants, no I/O), so that the WAF's numbers follow them.
import { DEFAULT_RATE_LIMITS, RATE_WINDOWS } from '../../packages/domain/src/rate-limits.js';

/**
 * WAF's rate-based rules count requests per client address over a 5-minute window (EvaluationWindowSec 300, the
 * default); the app's own limits (packages/domain/src/rate-limits.ts) stay the precise ones, the WAF only stops floods
 * that would reach the function at all.
 */
const WAF_WINDOW_SECONDS = 300;

/**
 * Paths whose abuse costs money or accounts, one regular expression each (WAF regex match on the URI path, lower-cased):
 * the web app's forms (web/src/routes/[lang=lang]/…: sign-in, sign-up, forgot/reset password, a project's pledge form)
 * and the API's own routes (functions/api/src/routes/auth.ts at /v1/auth/*, pledges.ts at /v1/projects/{id}/pledges).
 */
export const RATE_LIMITED_PATHS = {
  /** Sign-in, sign-up, confirmation, refresh and password reset: web forms and the API. */
  auth: '^/(ky|ru|en)/(sign-in|sign-up|forgot-password|reset-password|confirm)(/|$)|^/v1/auth/',
  /** A project's pledge form (web) and the API's pledge creation. */
  pledges: '^/(ky|ru|en)/projects/[^/]+/pledge(/|$)|^/v1/projects/[^/]+/pledges$',
} as const;

/**
 * Requests per address per 5 minutes before WAF blocks, set above what the app itself allows so that the app answers
 * first with its own 429 in the reader's language:
 * - auth: the app allows 50 sign-ins per address per 5 min (signInPerIp) and 10 sign-ups per hour; each web form post
 *   is a page GET, a POST and the redirect's GET (3 requests), so 50 × 3 = 150; doubled for people behind one NAT
 *   (a campus, a mobile carrier) and rounded: 300.
 * - pledges: 10 per minute per investor (pledgesPerMinute) = 50 per 5 min; three requests each = 150; ×2 for a shared
 *   address: 300.
 */
export const WAF_RATE_LIMITS = {
  auth: ceilTo100(DEFAULT_RATE_LIMITS.signInPerIp * (WAF_WINDOW_SECONDS / RATE_WINDOWS.signInPerIp) * 3 * 2),
  pledges: ceilTo100(DEFAULT_RATE_LIMITS.pledgesPerMinute * (WAF_WINDOW_SECONDS / RATE_WINDOWS.pledgesPerMinute) * 3 * 2),
} as const;

function ceilTo100(n: number): number {
  return Math.ceil(n / 100) * 100;
}

/** AWS managed rule groups applied in this order (priority 0, 1, 2), each blocking what it matches. */
export const MANAGED_RULE_GROUPS = [
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
] as const;

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

function managedRule(name: (typeof MANAGED_RULE_GROUPS)[number], priority: number): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        // SizeRestrictions_BODY blocks bodies over 8 KB. A proposal's form (title, summary, description and milestones in
        // three languages) and a progress report post more than that through the web function; uploads go straight to
        // S3 (presigned POST) and never pass here. The API itself caps bodies per route (functions/api middleware/body.ts),
        // so the rule is counted (visible in metrics), not enforced.
        ...(name === 'AWSManagedRulesCommonRuleSet'
          ? { ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }] }
          : {}),
      },
    },
    visibilityConfig: visibility(name),
  };
}

function rateRule(name: string, priority: number, limit: number, pathRegex: string): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    action: { block: {} },
    statement: {
      rateBasedStatement: {
        limit,
        aggregateKeyType: 'IP',
        evaluationWindowSec: WAF_WINDOW_SECONDS,
        scopeDownStatement: {
          regexMatchStatement: {
            regexString: pathRegex,
            fieldToMatch: { uriPath: {} },
            textTransformations: [{ priority: 0, type: 'LOWERCASE' }],
          },
        },
      },
    },
    visibilityConfig: visibility(name),
  };
}

/**
 * The web ACL in front of CloudFront (scope CLOUDFRONT, so it must live in us-east-1): AWS's IP reputation list, the
 * common rule set and known bad inputs, then per-address rate rules on sign-in/sign-up and pledges. Everything else
 * is allowed; every rule has CloudWatch metrics and sampled requests.
 */
export function cloudFrontWebAcl(scope: Construct, id: string, stageName: string): CfnWebACL {
  return new CfnWebACL(scope, id, {
    name: `mekendesh-${stageName}-web`,
    description: `Mekendesh ${stageName}: CloudFront - web app, /v1 API, /media`,
    scope: 'CLOUDFRONT',
    defaultAction: { allow: {} },
    visibilityConfig: visibility(`mekendesh-${stageName}-web`),
    rules: [
      ...MANAGED_RULE_GROUPS.map((name, i) => managedRule(name, i)),
      rateRule('RateAuth', MANAGED_RULE_GROUPS.length, WAF_RATE_LIMITS.auth, RATE_LIMITED_PATHS.auth),
      rateRule('RatePledges', MANAGED_RULE_GROUPS.length + 1, WAF_RATE_LIMITS.pledges, RATE_LIMITED_PATHS.pledges),
    ],
  });
}
