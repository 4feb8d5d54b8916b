import { Match, type Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticPathPatterns } from '../lib/web-stack.js';
import { onlyResource, SYNTH_TIMEOUT_MS, synthesize, type CfnResource, type Synthesized } from './support.js';

// Managed CloudFront policies (AWS docs, "Use managed cache policies" / "managed origin request policies").
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

interface CacheBehavior {
  PathPattern?: string;
  TargetOriginId: string;
  CachePolicyId: string;
  OriginRequestPolicyId?: string;
  ResponseHeadersPolicyId?: unknown;
  ViewerProtocolPolicy: string;
  AllowedMethods?: string[];
  Compress?: boolean;
  FunctionAssociations?: { EventType: string }[];
}
interface DistributionConfig {
  DefaultCacheBehavior: CacheBehavior;
  CacheBehaviors: CacheBehavior[];
  Origins: { Id: string; DomainName: unknown; S3OriginConfig?: unknown; OriginAccessControlId?: unknown; OriginCustomHeaders?: unknown }[];
  HttpVersion: string;
  PriceClass: string;
  IPV6Enabled: boolean;
  WebACLId?: unknown;
  Aliases?: string[];
  ViewerCertificate?: Record<string, unknown>;
}

const config = (web: Template) =>
  (onlyResource(web, 'AWS::CloudFront::Distribution')[1].Properties as { DistributionConfig: DistributionConfig }).DistributionConfig;
const behavior = (web: Template, pattern: string) => {
  const found = config(web).CacheBehaviors.find((b) => b.PathPattern === pattern);
  if (!found) throw new Error(`no behaviour for ${pattern}`);
  return found;
};
/** The SSR function among the stack's functions (the others are CDK's custom-resource handlers). */
const ssrFunction = (web: Template): CfnResource => {
  const found = Object.entries(web.findResources('AWS::Lambda::Function') as Record<string, CfnResource>).filter(([id]) =>
    id.startsWith('SsrFunction'),
  );
  expect(found).toHaveLength(1);
  return found[0]![1];
};
/** The code of the CloudFront Function whose logical id starts with `id`. */
const cloudFrontFunctionCode = (web: Template, id: string): string => {
  const found = Object.entries(web.findResources('AWS::CloudFront::Function') as Record<string, CfnResource>).filter(([key]) =>
    key.startsWith(id),
  );
  if (found.length !== 1) throw new Error(`expected one CloudFront function ${id}, found ${found.length}`);
  return String((found[0]![1].Properties as { FunctionCode: string }).FunctionCode);
};
const originOf = (web: Template, b: CacheBehavior) => config(web).Origins.find((o) => o.Id === b.TargetOriginId)!;

describe('WebStack', () => {
  let dev: Synthesized;
  let prod: Synthesized;

  beforeAll(() => {
    dev = synthesize('dev', { bundle: false });
    prod = synthesize('prod', { bundle: false, domain: 'example.org' });
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => {
    dev.dispose();
    prod.dispose();
  });

  it('runs the SSR function on nodejs22.x arm64 with the API endpoint, the proxy secret ARN and production mode', () => {
    const fn = ssrFunction(dev.web);
    const props = fn.Properties as {
      Runtime: string;
      Architectures: string[];
      Handler: string;
      Environment: { Variables: Record<string, unknown> };
    };
    expect([props.Runtime, props.Architectures, props.Handler]).toEqual(['nodejs22.x', ['arm64'], 'index.handler']);
    const vars = props.Environment.Variables;
    expect(vars.NODE_ENV).toBe('production');
    expect(Object.keys(vars).sort()).toEqual([
      'API_URL',
      'MEDIA_UPLOAD_ORIGIN',
      'NODE_ENV',
      'NODE_OPTIONS',
      'ORIGIN_VERIFY_ARN',
      'PROXY_SECRET_ARN',
    ]);
    expect(JSON.stringify(vars.MEDIA_UPLOAD_ORIGIN)).toMatch(/https:\/\/.*MediaBucket.*RegionalDomainName/);
    expect(JSON.stringify(vars.API_URL)).toContain('HttpApi');
    expect(JSON.stringify(vars)).not.toMatch(/SecretString|resolve:secretsmanager/);
  });

  it('lets the function read its two secrets and nothing else of Secrets Manager', () => {
    const statements = Object.values(dev.web.findResources('AWS::IAM::Policy') as Record<string, CfnResource>).flatMap(
      (p) =>
        (p.Properties as { PolicyDocument: { Statement: { Action: string | string[]; Resource: unknown }[] } }).PolicyDocument.Statement,
    );
    const secretReads = statements.filter((s) => [s.Action].flat().includes('secretsmanager:GetSecretValue'));
    expect(secretReads).toHaveLength(1);
    const resources = [secretReads[0]!.Resource].flat();
    expect(resources).toEqual([
      { 'Fn::ImportValue': expect.stringMatching(/ProxySecret/) },
      { Ref: expect.stringMatching(/^OriginVerifySecret/) },
    ]);
  });

  it('gives the function a public URL (auth NONE: OAC would refuse browser form posts) that answers only CloudFront', () => {
    dev.web.hasResourceProperties('AWS::Lambda::Url', { AuthType: 'NONE', InvokeMode: 'BUFFERED' });
    const ssr = originOf(dev.web, config(dev.web).DefaultCacheBehavior);
    expect(ssr.OriginCustomHeaders).toEqual([
      {
        HeaderName: 'x-mekendesh-origin-verify',
        HeaderValue: {
          'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: expect.stringMatching(/^OriginVerifySecret/) }, ':SecretString:::}}']],
        },
      },
    ]);
  });

  it('serves pages from the SSR function: no caching, every viewer header but Host, HTTPS, the viewer-request function', () => {
    const b = config(dev.web).DefaultCacheBehavior;
    expect([b.CachePolicyId, b.OriginRequestPolicyId, b.ViewerProtocolPolicy, b.Compress]).toEqual([
      CACHING_DISABLED,
      ALL_VIEWER_EXCEPT_HOST_HEADER,
      'redirect-to-https',
      true,
    ]);
    expect(b.AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT', 'DELETE', 'PATCH']));
    expect(b.FunctionAssociations?.map((f) => f.EventType)).toEqual(['viewer-request']);
    const code = cloudFrontFunctionCode(dev.web, 'ForwardViewer');
    expect(code).toContain("request.headers['x-forwarded-host'] = { value: request.headers.host.value }");
    expect(code).toContain("request.headers['x-mekendesh-viewer-address'] = { value: event.viewer.ip }");
  });

  it('serves /_app/* and every file of web/static from the private assets bucket, cached (CachingOptimized)', () => {
    const patterns = ['/_app/*', ...staticPathPatterns()];
    expect(patterns).toEqual(expect.arrayContaining(['/favicon.svg', '/robots.txt', '/js/*']));
    for (const pattern of patterns) {
      const b = behavior(dev.web, pattern);
      expect([pattern, b.CachePolicyId, b.ViewerProtocolPolicy, b.AllowedMethods]).toEqual([
        pattern,
        CACHING_OPTIMIZED,
        'redirect-to-https',
        ['GET', 'HEAD'],
      ]);
      const origin = originOf(dev.web, b);
      expect(origin.OriginAccessControlId).toBeDefined();
      expect(JSON.stringify(origin.DomainName)).toContain('Assets');
    }
    dev.web.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
    });
  });

  it('routes /v1/* to the HTTP API uncached with all viewer headers but Host, and /media/* to the media bucket by OAC', () => {
    const api = behavior(dev.web, '/v1/*');
    expect([api.CachePolicyId, api.OriginRequestPolicyId, api.ViewerProtocolPolicy]).toEqual([
      CACHING_DISABLED,
      ALL_VIEWER_EXCEPT_HOST_HEADER,
      'redirect-to-https',
    ]);
    expect(JSON.stringify(originOf(dev.web, api).DomainName)).toContain('Fn::Split');
    // The API's per-address rate limits see the visitor, not CloudFront: the viewer's address in the header the API
    // trusts only with the proxy secret, which the origin adds (a dynamic reference, never the value in the template).
    expect(api.FunctionAssociations?.map((f) => f.EventType)).toEqual(['viewer-request']);
    expect(cloudFrontFunctionCode(dev.web, 'ForwardApiClient')).toContain(
      "request.headers['x-mekendesh-client-ip'] = { value: event.viewer.ip }",
    );
    const secretHeader = (
      originOf(dev.web, api) as { OriginCustomHeaders?: { HeaderName: string; HeaderValue: unknown }[] }
    ).OriginCustomHeaders?.find((h) => h.HeaderName === 'x-mekendesh-proxy-secret');
    expect(JSON.stringify(secretHeader?.HeaderValue)).toContain('{{resolve:secretsmanager:');
    const media = behavior(dev.web, '/media/*');
    expect([media.CachePolicyId, media.AllowedMethods]).toEqual([CACHING_OPTIMIZED, ['GET', 'HEAD']]);
    const origin = originOf(dev.web, media);
    expect(origin.OriginAccessControlId).toBeDefined();
    expect(JSON.stringify(origin.DomainName)).toContain('MediaBucket');
  });

  it('lets only CloudFront read the assets bucket, and only media/* of the media bucket', () => {
    dev.web.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } },
          }),
        ]),
      },
    });
    const mediaPolicy = onlyResource(dev.media, 'AWS::S3::BucketPolicy')[1];
    const statements = (
      mediaPolicy.Properties as { PolicyDocument: { Statement: { Sid?: string; Resource: unknown; Principal?: unknown }[] } }
    ).PolicyDocument.Statement;
    const cloudFront = statements.filter((s) => JSON.stringify(s.Principal ?? '').includes('cloudfront'));
    expect(cloudFront).toHaveLength(1);
    expect(JSON.stringify(cloudFront[0]!.Resource)).toMatch(/\/media\/\*"\]\]\}$/);
  });

  it('sets the security headers at the edge (HSTS two years with preload, nosniff, DENY, referrer policy) and no CSP', () => {
    const [, policy] = onlyResource(dev.web, 'AWS::CloudFront::ResponseHeadersPolicy');
    const headers = (policy.Properties as { ResponseHeadersPolicyConfig: { SecurityHeadersConfig: Record<string, unknown> } })
      .ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers).toEqual({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Preload: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
    const all = [config(dev.web).DefaultCacheBehavior, ...config(dev.web).CacheBehaviors];
    expect(all.every((b) => b.ResponseHeadersPolicyId !== undefined)).toBe(true);
  });

  it('uses HTTP/2 and 3, IPv6, price class 100 outside prod, and the web ACL of the edge stack', () => {
    const c = config(dev.web);
    expect([c.HttpVersion, c.IPV6Enabled, c.PriceClass]).toEqual(['http2and3', true, 'PriceClass_100']);
    expect(config(prod.web).PriceClass).toBe('PriceClass_All');
    expect(JSON.stringify(c.WebACLId)).toMatch(/WebAcl/);
  });

  it('writes the site origin to /mekendesh/<stage>/web-origin and outputs the URL, distribution and bucket', () => {
    dev.web.hasResourceProperties('AWS::SSM::Parameter', {
      Name: '/mekendesh/dev/web-origin',
      Type: 'String',
      Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [Match.stringLikeRegexp('^Distribution'), 'DomainName'] }]] },
    });
    prod.web.hasResourceProperties('AWS::SSM::Parameter', { Name: '/mekendesh/prod/web-origin', Value: 'https://example.org' });
    expect(Object.keys(dev.web.findOutputs('*')).sort()).toEqual(expect.arrayContaining(['AssetsBucketName', 'DistributionId', 'SiteUrl']));
  });

  it('with -c domain=: a DNS-validated certificate in us-east-1, the alias and SNI on the distribution', () => {
    prod.edge.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'example.org', ValidationMethod: 'DNS' });
    expect(prod.stacks.edge.region).toBe('us-east-1');
    dev.edge.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    const c = config(prod.web);
    expect(c.Aliases).toEqual(['example.org']);
    expect(c.ViewerCertificate).toMatchObject({ SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' });
  });

  it('uploads the client build: immutable files for a year and never pruned, the rest for five minutes with an invalidation', () => {
    const deployments = Object.values(dev.web.findResources('Custom::CDKBucketDeployment') as Record<string, CfnResource>).map(
      (d) => d.Properties as { Prune?: boolean; SystemMetadata?: Record<string, string>; DistributionPaths?: string[]; Include?: string[] },
    );
    expect(deployments).toHaveLength(2);
    const immutable = deployments.find((d) => d.Include?.includes('_app/immutable/*'))!;
    expect([immutable.Prune, immutable.SystemMetadata?.['cache-control']]).toEqual([false, 'public, max-age=31536000, immutable']);
    const rest = deployments.find((d) => d !== immutable)!;
    expect([rest.SystemMetadata?.['cache-control'], rest.DistributionPaths]).toEqual(['public, max-age=300', ['/*']]);
  });
});
