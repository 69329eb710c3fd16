// The GraphiQL page, as both servers answer for it: the local server (`npm start`, functions/local/graphiql.ts) and
// the deployed stack's public page function (./handler.ts). The page and its assets are built by
// functions/local/graphiql/build.js; this module says which file a request names and with which headers it goes.
//
//   GET /graphiql/config.json   how the page signs in: the local "sign in as" list, or Cognito's hosted page
//   GET /graphiql/<name>        a built asset, cached for good (names are content-hashed)
//   the page itself             locally GET /graphql or / asking for HTML; deployed GET /graphiql (public)

/** Where the built assets are under the build folder, and the URL prefix they are served under. */
export const ASSETS = 'assets';
export const ASSET_PREFIX = '/graphiql/';
export const CONFIG_PATH = '/graphiql/config.json';

/**
 * How the page signs people in. `local`: the local server's list of the demo city's people (functions/local/signIn.ts).
 * `cognito`: the user pool's hosted sign-in page, authorization code with PKCE (RFC 7636); the page exchanges the code
 * at the token endpoint and sends the access token to /graphql itself.
 */
export type SignIn =
  | { kind: 'local' }
  | {
      kind: 'cognito';
      /** The hosted domain's base URL, https://<prefix>.auth.<region>.amazoncognito.com. */
      domain: string;
      clientId: string;
      /** The page's own URL, registered as the app client's callback and sign-out URL. */
      redirectUri: string;
      scopes: string[];
    };

export const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Everything the page needs is on its own origin; the browser refuses anything else. Monaco injects <style> elements,
 * fonts are partly data: URLs. Deployed, the page also calls the token endpoint of the hosted sign-in domain.
 */
export function contentSecurityPolicy(signIn: SignIn): string {
  const connect = signIn.kind === 'cognito' ? `'self' ${new URL(signIn.domain).origin}` : "'self'";
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    `connect-src ${connect}`,
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The headers of the page (index.html). */
export function pageHeaders(signIn: SignIn): Record<string, string> {
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-cache',
    'Content-Security-Policy': contentSecurityPolicy(signIn),
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** The headers of a built asset: immutable, since its name changes with its content. */
export function assetHeaders(name: string): Record<string, string> {
  const dot = name.lastIndexOf('.');
  return {
    'Content-Type': CONTENT_TYPES[dot === -1 ? '' : name.slice(dot).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
  };
}

/** The page's sign-in configuration, as GET /graphiql/config.json answers it (never cached: a redeploy may change it). */
export function configResponse(signIn: SignIn): { headers: Record<string, string>; body: string } {
  return {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' },
    body: JSON.stringify(signIn),
  };
}

/**
 * The asset a URL path under /graphiql/ names, or undefined when it is not a plain built name. Built names are flat
 * ("index-AB12CD34.js"): no separators, no dot files, no "..".
 */
export function assetName(pathname: string): string | undefined {
  if (!pathname.startsWith(ASSET_PREFIX)) return undefined;
  let name: string;
  try {
    name = decodeURIComponent(pathname.slice(ASSET_PREFIX.length));
  } catch {
    return undefined;
  }
  return /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name) && !name.includes('..') ? name : undefined;
}

export const NOT_FOUND = { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }, body: 'ページが見つかりません。 / Not Found\n' };
export const METHOD_NOT_ALLOWED = { status: 405, headers: { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }, body: 'GET 又は HEAD で要求してください。 / Method Not Allowed\n' };
