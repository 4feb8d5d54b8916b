import { Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onlyResource, SYNTH_TIMEOUT_MS, synthesize, type CfnResource, type Synthesized } from './support.js';

describe('MediaStack', () => {
  let dev: Synthesized;
  let prod: Synthesized;
  let media: Template;

  beforeAll(() => {
    dev = synthesize('dev', { bundle: false });
    prod = synthesize('prod', { bundle: false });
    media = Template.fromStack(dev.stacks.media);
  }, SYNTH_TIMEOUT_MS);
  afterAll(() => {
    dev.dispose();
    prod.dispose();
  });

  it('keeps the bucket private, encrypted and reachable over TLS only', () => {
    media.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    media.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]),
      },
    });
  });

  it('lets the web origin PUT (and nothing else) across origins', () => {
    media.hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: {
        CorsRules: [
          {
            AllowedMethods: ['PUT'],
            AllowedOrigins: ['https://mekendesh.kg', 'http://localhost:5173'],
            AllowedHeaders: ['content-type', 'content-length'],
            MaxAge: 3000,
          },
        ],
      },
    });
    Template.fromStack(prod.stacks.media).hasResourceProperties('AWS::S3::Bucket', {
      CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedOrigins: ['https://mekendesh.kg'] })] },
    });
  });

  it('aborts incomplete uploads after a day', () => {
    media.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' })]),
      },
    });
  });

  it('expires unchecked uploads under incoming/ and their check markers under checked/ after a day, and nothing else', () => {
    media.hasResourceProperties('AWS::S3::Bucket', {
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ Prefix: 'incoming/', ExpirationInDays: 1, Status: 'Enabled' }),
          Match.objectLike({ Prefix: 'checked/', ExpirationInDays: 1, Status: 'Enabled' }),
        ]),
      },
    });
    const rules = (
      onlyResource(media, 'AWS::S3::Bucket')[1].Properties?.['LifecycleConfiguration'] as {
        Rules: { ExpirationInDays?: number; Prefix?: string }[];
      }
    ).Rules;
    expect(rules.filter((r) => r.ExpirationInDays !== undefined).map((r) => r.Prefix)).toEqual(['incoming/', 'checked/']);
  });

  it('keeps prod media when the stack goes, and drops dev media', () => {
    expect(onlyResource(Template.fromStack(prod.stacks.media), 'AWS::S3::Bucket')[1].DeletionPolicy).toBe('Retain');
    expect(onlyResource(media, 'AWS::S3::Bucket')[1].DeletionPolicy).toBe('Delete');
  });

  it('gives the API function the bucket name and put, read and delete on its objects only', () => {
    dev.api.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ MEDIA_BUCKET: { 'Fn::ImportValue': Match.stringLikeRegexp('Mekendesh-dev-Media') } }) },
    });
    const policies = Object.values(dev.api.findResources('AWS::IAM::Policy') as Record<string, CfnResource>);
    const statements = policies.flatMap(
      (p) => (p.Properties?.['PolicyDocument'] as { Statement: { Action: string | string[]; Resource: unknown }[] }).Statement,
    );
    const s3Actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])).filter((a) => a.startsWith('s3:'));
    expect(s3Actions).toEqual(expect.arrayContaining(['s3:PutObject', 's3:GetObject*', 's3:DeleteObject*']));
    expect(s3Actions).not.toContain('s3:*');
    expect(s3Actions).not.toContain('s3:PutBucketPolicy');
  });
});
