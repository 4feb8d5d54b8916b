import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Annotations, CfnOutput, Duration, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  Function as CloudFrontFunction,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  OriginRequestPolicy,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
} from 'aws-cdk-lib/aws-cloudfront';
import { FunctionUrlOrigin, HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, FunctionUrlAuthType, InvokeMode, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Secret, type ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import type { Construct } from 'constructs';
import { REPO_ROOT, webOriginParameterName } from './api-stack.js';
import type { EdgeStack } from './edge-stack.js';
import type { StageConfig } from './stage.js';

const WEB = resolve(REPO_ROOT, 'web');
/** What `pnpm build` writes (adapter-node): the server is re-bundled beside the handler, the client goes to S3. */
const KIT_SERVER = resolve(WEB, 'build/server/server.js');
const KIT_CLIENT = resolve(WEB, 'build/client');

// The header names web/lambda/handler.ts reads (VIEWER_ADDRESS_HEADER, ORIGIN_VERIFY_HEADER); infra cannot import it.
const VIEWER_ADDRESS_HEADER = 'x-mekendesh-viewer-address';
const ORIGIN_VERIFY_HEADER = 'x-mekendesh-origin-verify';

/**
 * CloudFront Function (viewer request) in front of the SSR function: the Function URL origin needs its own Host, so
 * the site's Host travels in `x-forwarded-host`, and the visitor's address in VIEWER_ADDRESS_HEADER (the origin
 * request policy forwards all viewer headers but Host, and cannot add CloudFront's own `cloudfront-viewer-address`).
 * Both overwrite whatever the client sent.
 */
const FORWARD_VIEWER = `function handler(event) {
  var request = event.request;
  request.headers['x-forwarded-host'] = { value: request.headers.host.value };
  request.headers['${VIEWER_ADDRESS_HEADER}'] = { value: event.viewer.ip };
  return request;
}`;

/** The headers the API trusts for a visitor's address when the proxy secret comes with it (functions/api middleware/auth.ts). */
const API_CLIENT_IP_HEADER = 'x-mekendesh-client-ip';
const API_PROXY_SECRET_HEADER = 'x-mekendesh-proxy-secret';

/**
 * CloudFront Function (viewer request) in front of `/v1/*`: the API sees CloudFront's addresses, not the visitor's, so
 * its per-address rate limits would put every browser in one bucket. The visitor's address goes in API_CLIENT_IP_HEADER
 * (overwriting whatever the client sent), and the origin adds the proxy secret, without which the API ignores it.
 */
const FORWARD_API_CLIENT = `function handler(event) {
  var request = event.request;
  request.headers['${API_CLIENT_IP_HEADER}'] = { value: event.viewer.ip };
  return request;
}`;

export interface WebStackProps extends StackProps {
  readonly stage: StageConfig;
  readonly edge: EdgeStack;
  readonly httpApi: HttpApi;
  /** Public photos are served from its `media/` prefix at `/media/*` through CloudFront (origin access control); the S3 key is the path without its leading slash. */
  readonly mediaBucket: IBucket;
  readonly alarmTopic: ITopic;
  /** The API's proxy secret (ApiStack): the web function sends it with each visitor's address to the API. */
  readonly proxySecret?: ISecret | undefined;
  readonly domain?: string | undefined;
  /** The stage's access-log bucket (AlertsStack): CloudFront's logs (`cloudfront/`) and the assets bucket's (`s3/web-assets/`). */
  readonly accessLogs?: IBucket | undefined;
}

/**
 * The web app people use: SvelteKit's server (adapter-node output behind a small Lambda handler) on a function URL,
 * its immutable assets in S3, and one CloudFront distribution in front of both that also routes `/v1/*` to the
 * HTTP API and `/media/*` to the public photos.
 */
export class WebStack extends Stack {
  readonly ssrFunction: NodejsFunction;
  readonly assetsBucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<custom domain or distribution domain>`; also in the SSM parameter `/mekendesh/<stage>/web-origin`. */
  readonly siteUrl: string;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { stage } = props;
    // Only `cdk synth`/`deploy` bundle; tests that skip bundling need no build.
    if (this.bundlingRequired && !existsSync(KIT_SERVER)) {
      throw new Error(`${KIT_SERVER} is missing: run \`pnpm build\` (the web app) before synthesizing or deploying the web stack`);
    }
    const originVerify = new Secret(this, 'OriginVerifySecret', {
      description: `Mekendesh ${stage.name}: CloudFront sends it to the web function, which refuses requests without it`,
      generateSecretString: { excludePunctuation: true, passwordLength: 48 },
    });
    this.ssrFunction = this.ssr(stage, props, originVerify);
    this.assetsBucket = new Bucket(this, 'Assets', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      ...(props.accessLogs ? { serverAccessLogsBucket: props.accessLogs, serverAccessLogsPrefix: 's3/web-assets/' } : {}),
      // Every file can be rebuilt from the repository.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    this.distribution = this.cdn(stage, props, originVerify);
    this.siteUrl = `https://${props.domain ?? this.distribution.distributionDomainName}`;
    this.deployAssets();
    allowCloudFrontToReadMedia(props.mediaBucket);
    Annotations.of(this).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
      'The media bucket policy is granted in its own stack by allowCloudFrontToReadMedia (media/* only)',
    );

    new StringParameter(this, 'WebOriginParameter', {
      parameterName: webOriginParameterName(stage.name),
      stringValue: this.siteUrl,
      description: `Mekendesh ${stage.name}: the site's origin (functions read it at cold start as WEB_ORIGIN)`,
    });
    new CfnOutput(this, 'SiteUrl', { value: this.siteUrl });
    new CfnOutput(this, 'DistributionId', { value: this.distribution.distributionId });
    new CfnOutput(this, 'DistributionDomainName', { value: this.distribution.distributionDomainName });
    new CfnOutput(this, 'AssetsBucketName', { value: this.assetsBucket.bucketName });
  }

  /** The SSR function: web/lambda/handler.ts bundled, Kit's server re-bundled beside it (web/lambda/bundle-server.mjs). */
  private ssr(stage: StageConfig, props: WebStackProps, originVerify: ISecret): NodejsFunction {
    const logGroup = new LogGroup(this, 'SsrLogs', { retention: RetentionDays.ONE_MONTH, removalPolicy: stage.removalPolicy });
    const fn = new NodejsFunction(this, 'SsrFunction', {
      entry: resolve(WEB, 'lambda/handler.ts'),
      handler: 'handler',
      projectRoot: REPO_ROOT,
      depsLockFilePath: resolve(REPO_ROOT, 'pnpm-lock.yaml'),
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 1024,
      // Under CloudFront's 30 s origin read timeout; a page waits on the API (10 s) at most a few times.
      timeout: Duration.seconds(20),
      logGroup,
      environment: {
        NODE_ENV: 'production',
        API_URL: props.httpApi.apiEndpoint,
        // The no-JavaScript upload forms post straight to the media bucket: its origin joins the pages' CSP form-action.
        MEDIA_UPLOAD_ORIGIN: `https://${props.mediaBucket.bucketRegionalDomainName}`,
        ORIGIN_VERIFY_ARN: originVerify.secretArn,
        ...(props.proxySecret ? { PROXY_SECRET_ARN: props.proxySecret.secretArn } : {}),
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        target: 'node22',
        // The handler reads two secrets with the runtime's own SDK, once per cold start: no need to carry one.
        externalModules: ['@aws-sdk/*'],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [
            `node "${resolve(WEB, 'lambda/bundle-server.mjs')}" "${outputDir}/server"`,
          ],
        },
      },
    });
    originVerify.grantRead(fn);
    props.proxySecret?.grantRead(fn);
    // The cold-start loader (packages/lambda-runtime) reads both in one BatchGetSecretValue: an action AWS defines only
    // on "*"; Secrets Manager still checks GetSecretValue on each secret above.
    fn.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:BatchGetSecretValue'], resources: ['*'] }));
    return fn;
  }

  /** The distribution: SSR by default, static files and `/_app/*` from S3, `/v1/*` the HTTP API, `/media/*` public photos. */
  private cdn(stage: StageConfig, props: WebStackProps, originVerify: ISecret): Distribution {
    const url = this.ssrFunction.addFunctionUrl({ authType: FunctionUrlAuthType.NONE, invokeMode: InvokeMode.BUFFERED });
    const headers = securityHeadersPolicy(this);
    const ssrOrigin = new FunctionUrlOrigin(url, {
      // Resolved by CloudFormation at deploy (a dynamic reference), never written into the template.
      customHeaders: { [ORIGIN_VERIFY_HEADER]: originVerify.secretValue.unsafeUnwrap() },
      readTimeout: Duration.seconds(30),
    });
    const forwardViewer = new CloudFrontFunction(this, 'ForwardViewer', {
      code: FunctionCode.fromInline(FORWARD_VIEWER),
      runtime: FunctionRuntime.JS_2_0,
      comment: 'Copies Host into x-forwarded-host and the viewer address into a header for the SSR origin',
    });
    const forwardApiClient = new CloudFrontFunction(this, 'ForwardApiClient', {
      code: FunctionCode.fromInline(FORWARD_API_CLIENT),
      runtime: FunctionRuntime.JS_2_0,
      comment: "Puts the viewer's address in a header the API trusts with the proxy secret",
    });
    const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint)), {
      readTimeout: Duration.seconds(30),
      // A dynamic reference resolved by CloudFormation at deploy: the value is never in the template.
      ...(props.proxySecret ? { customHeaders: { [API_PROXY_SECRET_HEADER]: props.proxySecret.secretValue.unsafeUnwrap() } } : {}),
    });
    const assets: BehaviorOptions = {
      origin: S3BucketOrigin.withOriginAccessControl(this.assetsBucket),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_OPTIMIZED,
      allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
      compress: true,
      responseHeadersPolicy: headers,
    };
    // The bucket is another stack's: imported by name here, so CDK adds no policy to it from this stack (that would
    // make the media stack depend on this one); allowCloudFrontToReadMedia grants the read on `media/*` there.
    const media = Bucket.fromBucketName(this, 'MediaBucketRef', props.mediaBucket.bucketName);
    const dynamic = {
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      compress: true,
      responseHeadersPolicy: headers,
    };
    const certificate = props.domain ? props.edge.certificate : undefined;
    return new Distribution(this, 'Distribution', {
      comment: `Mekendesh ${stage.name}`,
      ...(props.accessLogs ? { enableLogging: true, logBucket: props.accessLogs, logFilePrefix: 'cloudfront/' } : {}),
      defaultBehavior: {
        ...dynamic,
        origin: ssrOrigin,
        functionAssociations: [{ function: forwardViewer, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/_app/*': assets,
        ...Object.fromEntries(staticPathPatterns().map((pattern) => [pattern, assets])),
        '/v1/*': {
          ...dynamic,
          origin: apiOrigin,
          functionAssociations: [{ function: forwardApiClient, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
        '/media/*': { ...assets, origin: S3BucketOrigin.withOriginAccessControl(media) },
      },
      httpVersion: HttpVersion.HTTP2_AND_3,
      enableIpv6: true,
      priceClass: stage.isProd ? PriceClass.PRICE_CLASS_ALL : PriceClass.PRICE_CLASS_100,
      ...(webAclArn(props.edge) ? { webAclId: webAclArn(props.edge) } : {}),
      ...(props.domain && certificate ? { domainNames: [props.domain], certificate } : {}),
    });
  }

  /**
   * Uploads web/build/client: `_app/immutable/*` (content-hashed names) cached for a year and never pruned (pages
   * still open may ask for last release's files); everything else briefly, with an invalidation. The pre-compressed
   * .gz/.br copies stay out: CloudFront compresses. Without a build (tests that skip bundling) an empty source keeps
   * the template's shape.
   */
  private deployAssets(): void {
    const source = () => (existsSync(KIT_CLIENT) ? Source.asset(KIT_CLIENT) : Source.data('.build-missing', ''));
    new BucketDeployment(this, 'ImmutableAssets', {
      sources: [source()],
      destinationBucket: this.assetsBucket,
      exclude: ['*'],
      include: ['_app/immutable/*'],
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
      memoryLimit: 512,
    });
    new BucketDeployment(this, 'StaticFiles', {
      sources: [source()],
      destinationBucket: this.assetsBucket,
      exclude: ['_app/immutable/*', '*.gz', '*.br'],
      cacheControl: [CacheControl.fromString('public, max-age=300')],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
    });
  }
}

/**
 * The security headers of web/security-headers.js at the edge, on every behaviour (pages, API, files): HSTS for two
 * years with preload, nosniff, DENY, the referrer policy. No CSP: pages carry Kit's own, with nonces.
 */
function securityHeadersPolicy(scope: Construct): ResponseHeadersPolicy {
  return new ResponseHeadersPolicy(scope, 'SecurityHeaders', {
    comment: 'Mekendesh security headers (CSP stays the page own)',
    securityHeadersBehavior: {
      strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, preload: true, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
    },
  });
}

/** The edge stack's AWS WAF web ACL (waf.ts) when it has one; read structurally so this stack builds with or without it. */
function webAclArn(edge: EdgeStack): string | undefined {
  return (edge as { readonly webAcl?: { readonly attrArn: string } }).webAcl?.attrArn;
}

/** One path pattern per entry of web/static (files `/robots.txt`, folders `/js/*`): served from the assets bucket. */
export function staticPathPatterns(): string[] {
  return readdirSync(resolve(WEB, 'static'), { withFileTypes: true })
    .map((entry) => (entry.isDirectory() ? `/${entry.name}/*` : `/${entry.name}`))
    .sort();
}

/**
 * Lets CloudFront (origin access control) read the public photos, `media/*` only: documents and uploads stay private.
 * The statement names distributions of this account rather than this one, whose id the media stack (deployed first)
 * cannot know without depending on the web stack that depends on it.
 */
function allowCloudFrontToReadMedia(bucket: IBucket): void {
  const account = Stack.of(bucket).account;
  bucket.addToResourcePolicy(
    new PolicyStatement({
      sid: 'CloudFrontReadsPublicPhotos',
      principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
      actions: ['s3:GetObject'],
      resources: [bucket.arnForObjects('media/*')],
      conditions: {
        StringEquals: { 'AWS:SourceAccount': account },
        ArnLike: { 'AWS:SourceArn': `arn:${Stack.of(bucket).partition}:cloudfront::${account}:distribution/*` },
      },
    }),
  );
}
