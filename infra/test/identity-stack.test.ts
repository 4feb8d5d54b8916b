import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { ROLE_GROUPS } from '../lib/identity-stack.js';
import { synthesize, SYNTH_TIMEOUT_MS, type Synthesized } from './support.js';

let dev: Synthesized;
let prod: Synthesized;

beforeAll(() => {
  dev = synthesize('dev', { bundle: false });
  prod = synthesize('prod', { bundle: false });
}, SYNTH_TIMEOUT_MS);
afterAll(() => {
  dev?.dispose();
  prod?.dispose();
});

describe('identity stack', () => {
  it('has a user pool with email sign-in and the password policy the API enforces', () => {
    dev.identity.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      Policies: {
        PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true },
      },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
    });
    prod.identity.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
  });

  it('offers two-step sign-in with an authenticator app (TOTP) only, which the API requires of staff (issue 14)', () => {
    for (const stage of [dev, prod])
      stage.identity.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'OPTIONAL', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
  });

  it('sends its codes in Kyrgyz, Russian and English', () => {
    dev.identity.hasResourceProperties('AWS::Cognito::UserPool', {
      VerificationMessageTemplate: Match.objectLike({
        DefaultEmailOption: 'CONFIRM_WITH_CODE',
        EmailMessage: Match.stringLikeRegexp(
          'Ырастоо кодуңуз: \\{####\\}[\\s\\S]*Ваш код подтверждения: \\{####\\}[\\s\\S]*Your confirmation code: \\{####\\}',
        ),
      }),
    });
  });

  it('has one group per role', () => {
    const groups = Object.values(dev.identity.findResources('AWS::Cognito::UserPoolGroup')).map(
      (g) => (g as { Properties: { GroupName: string } }).Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...ROLE_GROUPS].sort());
  });

  it('has a public web client that hides whether an account exists and can revoke tokens', () => {
    dev.identity.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
    });
  });

  it('gives the API function the pool ids and only the admin actions it uses', () => {
    dev.api.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ COGNITO_USER_POOL_ID: Match.anyValue(), COGNITO_CLIENT_ID: Match.anyValue() }) },
    });
    const statements = Object.values(dev.api.findResources('AWS::IAM::Policy')).flatMap(
      (p) => (p as { Properties: { PolicyDocument: { Statement: { Action: string | string[] }[] } } }).Properties.PolicyDocument.Statement,
    );
    const cognito = statements.flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith('cognito-idp:'));
    expect(cognito.sort()).toEqual(['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminDeleteUser']);
  });

  it('lets the API send email through SES from its own domain only', () => {
    dev.api.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 'ses:SendEmail',
            Resource: Match.arrayWith([Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([':identity/mekendesh.kg'])]) })]),
          }),
        ]),
      },
    });
  });
});
