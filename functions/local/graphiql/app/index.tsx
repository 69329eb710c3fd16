// The GraphiQL page of the local server. Bundled by ../build.js (esbuild) into .graphiql/; loads nothing from
// another origin: the Monaco workers are bundled alongside and named by the build through __GRAPHIQL_WORKERS__.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { StrictMode, useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import "graphiql/style.css";

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

// Lines kept short: the operation editor is about half the window wide.
const DEFAULT_QUERY = `# 白石市 行政情報ネットワークシステム API
#
# サインイン
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
#   the quotes) in the Headers tab below, then run the query.
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

/** The token of the person chosen under "sign in as" (the local server signs it: /local/token). */
let chosenToken = "";

// The Headers tab wins when it holds a token; otherwise the person chosen under "sign in as" is sent.
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

// A link with `?query=…` (a notice's mail links to what it is about) opens that query in a tab of its own, with the
// Headers tab ready for the token.
const LINKED_QUERY = new URLSearchParams(window.location.search).get("query") ?? undefined;

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
        <span title="白石市 行政情報ネットワークシステム API">白石市 API</span> <SignInAs />
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
