import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface StaffUserPoolProps {
  /** Portal URLs Cognito may redirect to after sign-in (authorization code flow). Requires `cognitoDomainPrefix`. */
  readonly oauthCallbackUrls?: string[];
  /** Prefix of the Cognito hosted domain (<prefix>.auth.<region>.amazoncognito.com), for the code flow. */
  readonly cognitoDomainPrefix?: string;
}

/**
 * The staff's Cognito user pool (第24条: strong passwords, a required second factor) with the portal's app client,
 * and the hosted sign-in domain when configured.
 */
export class StaffUserPool extends cognito.UserPool {
  public readonly portalClient: cognito.UserPoolClient;
  /** The hosted sign-in domain, only with `cognitoDomainPrefix`. */
  public readonly hostedDomain?: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: StaffUserPoolProps = {}) {
    super(scope, id, {
      userPoolName: 'shiroishi-regulation-staff',
      // Accounts are created by the administrators only; the username is the person id stored in the API.
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: true, mutable: true } },
      autoVerify: { email: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // 第24条: passwords are the staff's own and never disclosed; a second factor (authenticator app) makes a leaked
      // password useless on its own. Required, since these accounts approve consultations and data provision.
      mfa: cognito.Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        // 第24条 asks for a change at least once a year; a change must not return to a recent password.
        passwordHistorySize: 5,
      },
      // Threat protection (compromised-credential and adaptive-authentication checks) needs the Plus plan.
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      userVerification: {
        emailSubject: '白石市 行政情報ネットワーク管理システム: 確認コード',
        emailBody: '確認コード: {####}',
        emailStyle: cognito.VerificationEmailStyle.CODE,
      },
      userInvitation: {
        emailSubject: '白石市 行政情報ネットワーク管理システム: アカウントのお知らせ',
        emailBody:
          '白石市 行政情報ネットワーク管理システムのアカウントを作成しました。<br>' +
          'ユーザー名: {username}<br>仮パスワード: {####}<br>' +
          '初回サインイン時にパスワードの変更と認証アプリの登録をお願いします。パスワードは他人に教えないでください(第24条)。',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const callbackUrls = props.oauthCallbackUrls ?? [];
    if (callbackUrls.length > 0 && !props.cognitoDomainPrefix) {
      throw new Error('oauthCallbackUrls needs cognitoDomainPrefix (the hosted sign-in domain)');
    }
    this.portalClient = this.addClient('PortalClient', {
      userPoolClientName: 'portal',
      // A browser or desktop portal cannot keep a secret.
      generateSecret: false,
      authFlows: { userSrp: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      ...(callbackUrls.length > 0
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true },
              scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
              callbackUrls,
              logoutUrls: callbackUrls,
            },
          }
        : { disableOAuth: true }),
    });
    this.hostedDomain = props.cognitoDomainPrefix
      ? this.addDomain('HostedDomain', { cognitoDomain: { domainPrefix: props.cognitoDomainPrefix } })
      : undefined;
  }
}
