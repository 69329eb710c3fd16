/**
 * Who is calling. Deployed, API Gateway's JWT authorizer has verified the Cognito access token and passes its
 * claims; the person is the token's `username`. Locally and in tests, a token signed with `LOCAL_JWT_SECRET`
 * (see `npm run token`) is verified here. The token says who someone is, never what they may do: roles are
 * read from the table on every request, so a reassignment takes effect at once.
 */
import type * as Jose from 'jose';
import type { Message } from '../domain/refusal';

export const LOCAL_ISSUER = 'shiroishi-local';
export const LOCAL_AUDIENCE = 'shiroishi-regulation-api';

/** `invalid`: why the credentials were refused, in Japanese and in English (functions/api/language.ts). */
export type Identification = { personId: string } | { anonymous: true } | { invalid: Message };

type Claims = Record<string, string | number | boolean | string[] | undefined>;

const NO_USER: Message = ['トークンに利用者 (username) が含まれていません。', 'The token names no user.'];

/**
 * `jose` verifies and signs local tokens only, so it is loaded when one is first needed. The Lambda bundle leaves it
 * out (functions/api/bundle.js), since deployed tokens are verified by the authorizer: a deployment that is given
 * LOCAL_JWT_SECRET regardless fails closed here, with this error in its log, rather than accepting any token.
 */
function loadJose(): typeof Jose {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('jose') as typeof Jose;
  } catch (e) {
    throw new Error(
      'LOCAL_JWT_SECRET is set, but jose, which verifies local tokens, is not installed here (the Lambda bundle leaves it ' +
        'out: deployed, the API Gateway authorizer verifies tokens). Unset LOCAL_JWT_SECRET in deployments.',
      { cause: e },
    );
  }
}

export async function identify(
  authorization: string | undefined,
  authorizerClaims: Claims | undefined,
  localSecret: string | undefined,
): Promise<Identification> {
  if (authorizerClaims) {
    // An ID token also passes the authorizer (its `aud` is the client id); the API takes access tokens only.
    if (authorizerClaims['token_use'] !== undefined && authorizerClaims['token_use'] !== 'access') {
      return { invalid: ['ID トークンではなく、Cognito のアクセストークンを送ってください。', 'Send the Cognito access token, not the ID token.'] };
    }
    const name = authorizerClaims['username'];
    return typeof name === 'string' && name ? { personId: name } : { invalid: NO_USER };
  }
  // No header, or the empty template GraphiQL starts with (`Bearer `): no credentials, not bad ones.
  if (!authorization || /^Bearer\s*$/i.test(authorization.trim())) return { anonymous: true };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) return { invalid: ['トークンは `Authorization: Bearer <トークン>` の形で送ってください。', 'Send the token as `Authorization: Bearer <token>`.'] };
  if (!localSecret) return { invalid: ['この環境では、認可機能 (authorizer) が検証したトークンのみ受け付けます。', 'This deployment accepts only tokens verified by its authorizer.'] };
  const { jwtVerify } = loadJose(); // outside the try below: a missing library is a fault, not a bad token
  try {
    const { payload } = await jwtVerify(match[1], new TextEncoder().encode(localSecret), {
      issuer: LOCAL_ISSUER,
      audience: LOCAL_AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
    });
    const name = payload['username'];
    return typeof name === 'string' && name ? { personId: name } : { invalid: NO_USER };
  } catch {
    return { invalid: ['トークンが正しくないか、有効期限が切れています。', 'The token is not valid or has expired.'] };
  }
}

/** Signs a local token for a demo person (npm run token, tests). */
export async function signLocalToken(personId: string, secret: string, expiresIn = '12h'): Promise<string> {
  const { SignJWT } = loadJose();
  return new SignJWT({ username: personId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(personId)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(new TextEncoder().encode(secret));
}
