// Sign-in through Cognito's hosted page for the deployed GraphiQL page: the authorization code grant with PKCE
// (RFC 7636, S256), the only grant a page that keeps no secret may use. Runs in the browser (the page's app) and in
// Node (tests): Web Crypto only.
import type { SignIn } from './page';

type Cognito = Extract<SignIn, { kind: 'cognito' }>;

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A fresh random string of 43 unreserved characters (32 random bytes): the code verifier, or a state. */
export function randomToken(): string {
  return base64url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge of a verifier: base64url(SHA-256(verifier)), unpadded. */
export async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

/** Where the browser goes to sign in: the hosted page's authorize endpoint, asking for a code bound to `challenge`. */
export function authorizeUrl(signIn: Cognito, challenge: string, state: string): string {
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: signIn.clientId,
    redirect_uri: signIn.redirectUri,
    scope: signIn.scopes.join(' '),
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    lang: 'ja',
  });
  return `${signIn.domain}/oauth2/authorize?${params}`;
}

/** The request that trades the code for tokens, proving with the verifier that this page asked for it. */
export function tokenRequest(signIn: Cognito, code: string, verifier: string): { url: string; body: string } {
  const body = new URLSearchParams({ grant_type: 'authorization_code', client_id: signIn.clientId, redirect_uri: signIn.redirectUri, code, code_verifier: verifier });
  return { url: `${signIn.domain}/oauth2/token`, body: body.toString() };
}

/** Where the browser goes to sign out of the hosted page, coming back to the page. */
export function logoutUrl(signIn: Cognito): string {
  return `${signIn.domain}/logout?${new URLSearchParams({ client_id: signIn.clientId, logout_uri: signIn.redirectUri })}`;
}

/** The `username` (the person id) an access token names, read for display only: the API checks the token itself. */
export function usernameOf(accessToken: string): string | undefined {
  try {
    const payload = accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = decodeURIComponent(
      Array.from(atob(payload), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    const name = (JSON.parse(json) as { username?: unknown }).username;
    return typeof name === 'string' ? name : undefined;
  } catch {
    return undefined;
  }
}
