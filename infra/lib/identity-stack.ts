import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  Mfa,
  UserPool,
  UserPoolEmail,
  VerificationEmailStyle,
  type IUserPool,
  type IUserPoolClient,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import type { StageConfig } from './stage.js';

/** The platform's roles; the API reads them from the access token's `cognito:groups`. */
export const ROLE_GROUPS = ['investor', 'officer', 'staff', 'admin'] as const;

export interface IdentityStackProps extends StackProps {
  readonly stage: StageConfig;
}

/**
 * Cognito: the user pool (email sign-in, the same password policy the API enforces), its role groups and
 * the web app's client. Locally, cognito-local answers the same SDK calls (packages/local-stack).
 */
export class IdentityStack extends Stack {
  readonly userPool: IUserPool;
  readonly client: IUserPoolClient;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const pool = new UserPool(this, 'UserPool', {
      userPoolName: `mekendesh-${stage.name}`,
      selfSignUpEnabled: true,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Optional for investors, required of programme staff and admins by the API (issue 14): TOTP apps only, no SMS.
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      email: UserPoolEmail.withCognito(),
      // Cognito's own emails in the platform's three languages at once (it sends before we know the reader's).
      userVerification: {
        emailStyle: VerificationEmailStyle.CODE,
        emailSubject: 'Мекендеш: ырастоо коду / код подтверждения / confirmation code',
        emailBody: 'Ырастоо кодуңуз: {####}\n\nВаш код подтверждения: {####}\n\nYour confirmation code: {####}\n\n— Мекендеш / Mekendesh',
      },
      userInvitation: {
        emailSubject: 'Мекендеш: сизди чакырышты / вас пригласили / you are invited',
        emailBody:
          'Колдонуучу аты: {username}, убактылуу сырсөз: {####}\n\nИмя пользователя: {username}, временный пароль: {####}\n\nUsername: {username}, temporary password: {####}',
      },
      deletionProtection: stage.isProd,
      removalPolicy: stage.removalPolicy,
    });
    for (const group of ROLE_GROUPS) {
      new CfnUserPoolGroup(this, `Group-${group}`, { userPoolId: pool.userPoolId, groupName: group, description: `Mekendesh ${group}` });
    }
    this.client = pool.addClient('WebClient', {
      userPoolClientName: 'mekendesh-web',
      authFlows: { userPassword: true },
      generateSecret: false,
      // The same answer whether or not an account exists (the API relies on it too).
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
    });
    this.userPool = pool;
    new CfnOutput(this, 'UserPoolId', { value: pool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.client.userPoolClientId });
  }
}
