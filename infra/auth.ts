import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

export interface StaffUserPoolProps {
  /** Portal URLs Cognito may redirect to after sign-in (authorization code flow). Requires `cognitoDomainPrefix`. */
  readonly oauthCallbackUrls?: string[];
  /**
   * Prefix of the Cognito hosted domain (<prefix>.auth.<region>.amazoncognito.com), where staff sign in to GraphiQL
   * and, with `oauthCallbackUrls`, to portals. Unique in the region across all AWS accounts.
   * @default 'shiroishi-regulation-<account id>'
   */
  readonly cognitoDomainPrefix?: string;
}

/** The OAuth scopes of the code flow: an access token naming the person (`username`) is all the API needs. */
const SCOPES = [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE];

/** Both app clients: public (a browser keeps no secret), tokens for an hour, a sign-in for a working day. */
const PUBLIC_CLIENT = {
  generateSecret: false,
  preventUserExistenceErrors: true,
  enableTokenRevocation: true,
  accessTokenValidity: Duration.hours(1),
  idTokenValidity: Duration.hours(1),
  refreshTokenValidity: Duration.hours(12),
  supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
} satisfies cognito.UserPoolClientOptions;

/**
 * The staff's Cognito user pool (第24条: strong passwords, a required second factor) with the portal's app client,
 * the hosted sign-in domain, and (addGraphiqlClient) GraphiQL's app client.
 */
export class StaffUserPool extends cognito.UserPool {
  public readonly portalClient: cognito.UserPoolClient;
  /** The hosted sign-in domain: GraphiQL's and the portals' sign-in page. */
  public readonly hostedDomain: cognito.UserPoolDomain;

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
    this.portalClient = this.addClient('PortalClient', {
      userPoolClientName: 'portal',
      authFlows: { userSrp: true },
      ...PUBLIC_CLIENT,
      ...(callbackUrls.length > 0
        ? {
            oAuth: {
              flows: { authorizationCodeGrant: true },
              scopes: SCOPES,
              callbackUrls,
              logoutUrls: callbackUrls,
            },
          }
        : { disableOAuth: true }),
    });
    // The account id makes the default prefix unique in the region (a prefix may not contain "aws" or "cognito").
    // Managed login (not the classic hosted UI): its pages speak Japanese (`lang=ja`), and it registers the
    // authenticator app at first sign-in. Each app client that signs in there needs a style (managedLoginStyle).
    this.hostedDomain = this.addDomain('HostedDomain', {
      cognitoDomain: { domainPrefix: props.cognitoDomainPrefix ?? `shiroishi-regulation-${Aws.ACCOUNT_ID}` },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    if (callbackUrls.length > 0) this.managedLoginStyle('PortalClientBranding', this.portalClient);
  }

  /** Cognito's own style of the managed login pages, for `client` (the branding editor can change it later). */
  private managedLoginStyle(id: string, client: cognito.UserPoolClient): void {
    new cognito.CfnManagedLoginBranding(this, id, { userPoolId: this.userPoolId, clientId: client.userPoolClientId, useCognitoProvidedValues: true });
  }

  /**
   * GraphiQL's app client: the authorization code grant on the hosted page, back to the page at `pageUrl`. A page in
   * a browser keeps no secret, so the client has none and the page proves itself with PKCE (RFC 7636, S256): Cognito
   * redeems a code only with the verifier whose challenge came with the authorization request. No other flow (no
   * implicit grant, no password or SRP sign-in through this client).
   */
  addGraphiqlClient(pageUrl: string): cognito.UserPoolClient {
    const client = this.addClient('GraphiqlClient', {
      userPoolClientName: 'graphiql',
      ...PUBLIC_CLIENT,
      oAuth: { flows: { authorizationCodeGrant: true }, scopes: SCOPES, callbackUrls: [pageUrl], logoutUrls: [pageUrl] },
    });
    // With no flow named, Cognito would allow SRP and custom sign-in through this client too: the hosted page and its
    // refresh token only.
    (client.node.defaultChild as cognito.CfnUserPoolClient).explicitAuthFlows = ['ALLOW_REFRESH_TOKEN_AUTH'];
    this.managedLoginStyle('GraphiqlClientBranding', client);
    return client;
  }
}
