// The GraphiQL page, served by the local server and, deployed, by the public page function
// (functions/graphiql/handler.ts). Bundled by ../build.js (esbuild) into .graphiql/; loads nothing from another
// origin but the hosted sign-in page's token endpoint: the Monaco workers are bundled alongside and named by the build
// through __GRAPHIQL_WORKERS__. How it signs in comes from /graphiql/config.json: locally a list of the demo city's
// people ("sign in as"), deployed Cognito's hosted page (authorization code with PKCE).
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import "graphiql/style.css";
import type { SignIn } from "../../../graphiql/page";
import { authorizeUrl, challengeOf, logoutUrl, randomToken, tokenRequest, usernameOf } from "../../../graphiql/pkce";

declare const __GRAPHIQL_WORKERS__: { editor: string; json: string; graphql: string };

// Monaco asks for a worker by label ("json", "graphql", or none for the editor's own). Set before GraphiQL loads
// Monaco (it does so lazily, after the first render).
(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    const file = label === "json" ? __GRAPHIQL_WORKERS__.json : label === "graphql" ? __GRAPHIQL_WORKERS__.graphql : __GRAPHIQL_WORKERS__.editor;
    return new Worker(new URL(`./${file}`, import.meta.url), { type: "module", name: label || "editor" });
  },
};

const ENDPOINT = new URL("/graphql", window.location.href).href;

// An empty "Bearer " counts as no token: the schema and its docs load before sign-in.
const DEFAULT_HEADERS = `{"Authorization": "Bearer "}`;

const SIGN_IN: SignIn = await fetch("/graphiql/config.json")
  .then((r) => (r.ok ? (r.json() as Promise<SignIn>) : { kind: "local" as const }))
  .catch(() => ({ kind: "local" as const }));

// Lines kept short: the operation editor is about half the window wide.
const HOW_TO_SIGN_IN =
  SIGN_IN.kind === "cognito"
    ? `# サインイン
#   右上の「サインイン」から、市の職員アカウント
#   (ユーザー名・パスワード・認証アプリのコード)で
#   サインインします。以後の実行はその職員として
#   行われます(トークンは自動で送られます)。
#
# Sign in
#   Choose 「サインイン」 (top right) and sign in with
#   your city staff account (user name, password and
#   the code of your authenticator app). Queries then
#   run as you; the token is sent by itself.`
    : `# サインイン
#   右上の「サインイン」から職員を選ぶと、その人として実行します。
#   または、このリポジトリで実行すると Bearer トークンが出ます。
#   デモのシステム管理者:
#     npm run token
#   それ以外の人（デモの人物は README を参照）:
#     npm run token -- <人物 ID>
#   出力の最後の行を、下の Headers タブの "Bearer " の
#   後ろ(引用符の中)に貼り付けてから実行します。
#
# Sign in
#   Choose a person under 「サインイン」 (top right) to run as them.
#   Or run in this repository; it prints a bearer token.
#   For the demo system administrator:
#     npm run token
#   For anyone else (see the demo people in the README):
#     npm run token -- <person id>
#   Paste the last line it prints after "Bearer " (inside
#   the quotes) in the Headers tab below, then run the query.`;

const DEFAULT_QUERY = `# 白石市 行政情報ネットワークシステム API
#
${HOW_TO_SIGN_IN}
#
# 実行 / Run: Ctrl+Enter (Mac: Cmd+Enter)

query People {
  people(first: 50) {
    nodes {
      id
      personId
      name
    }
  }
}
`;

const baseFetcher = createGraphiQLFetcher({ url: ENDPOINT });

/**
 * The token sent with each request: the person chosen under "sign in as" (the local server signs it: /local/token),
 * or the Cognito access token of whoever signed in on the hosted page.
 */
let chosenToken = "";

// The Headers tab wins when it holds a token; otherwise the signed-in person's token is sent.
const fetcher: typeof baseFetcher = (params, options) => {
  const headers = { ...(options?.headers ?? {}) } as Record<string, string>;
  const given = Object.entries(headers).find(([k]) => k.toLowerCase() === "authorization");
  if (chosenToken && (!given || /^Bearer\s*$/i.test(String(given[1]).trim()))) {
    if (given) delete headers[given[0]];
    headers.Authorization = `Bearer ${chosenToken}`;
  }
  return baseFetcher(params, { ...options, headers });
};

type LocalPerson = { personId: string; name: string; title: string | null };

/** "サインイン / Sign in as": the people of the local city; choosing one signs requests as them. */
function SignInAs() {
  const [people, setPeople] = useState<LocalPerson[]>([]);
  const [chosen, setChosen] = useState("");
  useEffect(() => {
    fetch("/local/people").then((r) => (r.ok ? r.json() : [])).then(setPeople, () => setPeople([]));
  }, []);
  const choose = async (personId: string) => {
    setChosen(personId);
    if (!personId) {
      chosenToken = "";
      return;
    }
    const r = await fetch("/local/token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ personId }) });
    chosenToken = r.ok ? ((await r.json()) as { token: string }).token : "";
  };
  if (people.length === 0) return null;
  return (
    <label className="signin-as" title="この職員として実行します / Run as this person">
      サインイン:{" "}
      <select aria-label="サインイン / Sign in as" value={chosen} onChange={(e) => void choose(e.target.value)}>
        <option value="">(Headers タブのトークン)</option>
        {people.map((p) => (
          <option key={p.personId} value={p.personId}>
            {p.name}({p.title ?? p.personId})
          </option>
        ))}
      </select>
    </label>
  );
}

// ---- Cognito's hosted page (deployed) -----------------------------------------------------------------------------
// The access token lives in this tab's sessionStorage only (gone when the tab closes) and is never shown; it expires
// within the hour the app client allows, and the page then asks to sign in again.
const TOKEN_KEY = "graphiql.cognito.token";
const PENDING_KEY = "graphiql.cognito.pending.";

type Session = { accessToken: string; expiresAt: number; username?: string };

function storedSession(): Session | undefined {
  try {
    const session = JSON.parse(sessionStorage.getItem(TOKEN_KEY) ?? "null") as Session | null;
    return session && session.expiresAt > Date.now() + 30_000 ? session : undefined;
  } catch {
    return undefined;
  }
}

/** Off to the hosted page, with a fresh verifier and state kept for the return (and the linked query, if any). */
async function signInWithCognito(signIn: Extract<SignIn, { kind: "cognito" }>, query: string | undefined): Promise<void> {
  const verifier = randomToken();
  const state = randomToken();
  sessionStorage.setItem(PENDING_KEY + state, JSON.stringify({ verifier, query }));
  window.location.assign(authorizeUrl(signIn, await challengeOf(verifier), state));
}

/**
 * Back from the hosted page with `?code=…&state=…`: the code is traded for tokens with the verifier kept under that
 * state (a state this tab did not send is refused), and the address bar is cleaned. Resolves to the linked query kept
 * across the sign-in, and the error to show, if any.
 */
async function completeCognitoSignIn(signIn: Extract<SignIn, { kind: "cognito" }>): Promise<{ query?: string; error?: string }> {
  const params = new URLSearchParams(window.location.search);
  const code = params.get("code");
  const state = params.get("state");
  const failure = params.get("error_description") ?? params.get("error");
  if (!state || (!code && !failure)) return {};
  window.history.replaceState(null, "", window.location.pathname);
  const pendingText = sessionStorage.getItem(PENDING_KEY + state);
  sessionStorage.removeItem(PENDING_KEY + state);
  if (!pendingText) return { error: "サインインの要求がこのタブのものではありません。もう一度サインインしてください。" };
  const pending = JSON.parse(pendingText) as { verifier: string; query?: string };
  if (failure || !code) return { query: pending.query, error: `サインインできませんでした(${failure})。` };
  const request = tokenRequest(signIn, code, pending.verifier);
  try {
    const response = await fetch(request.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: request.body });
    const tokens = (await response.json()) as { access_token?: string; expires_in?: number; error?: string };
    if (!response.ok || !tokens.access_token) return { query: pending.query, error: `サインインできませんでした(${tokens.error ?? response.status})。` };
    const session: Session = { accessToken: tokens.access_token, expiresAt: Date.now() + (tokens.expires_in ?? 3600) * 1000, username: usernameOf(tokens.access_token) };
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify(session));
    return { query: pending.query };
  } catch {
    return { query: pending.query, error: "サインインできませんでした(トークンを受け取れませんでした)。" };
  }
}

// A link with `?query=…` (a notice's mail links to what it is about) opens that query in a tab of its own, with the
// Headers tab ready for the token; deployed, the query is kept across the sign-in.
const RETURNED = SIGN_IN.kind === "cognito" ? await completeCognitoSignIn(SIGN_IN) : {};
const LINKED_QUERY = new URLSearchParams(window.location.search).get("query") ?? RETURNED.query ?? undefined;
if (SIGN_IN.kind === "cognito") chosenToken = storedSession()?.accessToken ?? "";

/** 「サインイン」 on the hosted page, or who is signed in with 「サインアウト」. */
function CognitoSignIn({ signIn }: { signIn: Extract<SignIn, { kind: "cognito" }> }) {
  const [session, setSession] = useState(storedSession);
  useEffect(() => {
    if (!session) return;
    // When the token expires, requests go without it (and are refused as anonymous): say so and offer to sign in.
    const timer = setTimeout(() => {
      chosenToken = "";
      setSession(undefined);
    }, Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session]);
  if (!session) {
    return (
      <span className="signin-cognito">
        {RETURNED.error ? <span role="alert">{RETURNED.error} </span> : null}
        <button type="button" onClick={() => void signInWithCognito(signIn, LINKED_QUERY)}>
          サインイン
        </button>
      </span>
    );
  }
  const signOut = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    chosenToken = "";
    window.location.assign(logoutUrl(signIn));
  };
  return (
    <span className="signin-cognito" title="この職員として実行します / Running as this person">
      {session.username ?? "サインイン済み"}{" "}
      <button type="button" onClick={signOut}>
        サインアウト
      </button>
    </span>
  );
}

function App() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={DEFAULT_QUERY}
      defaultHeaders={DEFAULT_HEADERS}
      initialQuery={LINKED_QUERY}
      initialHeaders={LINKED_QUERY === undefined ? undefined : DEFAULT_HEADERS}
      defaultEditorToolsVisibility="headers"
    >
      <GraphiQL.Logo>
        <span title="白石市 行政情報ネットワークシステム API">白石市 API</span>{" "}
        {SIGN_IN.kind === "cognito" ? <CognitoSignIn signIn={SIGN_IN} /> : <SignInAs />}
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

const container = document.getElementById("graphiql");
if (!container) throw new Error("GraphiQL: #graphiql is missing from the page");
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
