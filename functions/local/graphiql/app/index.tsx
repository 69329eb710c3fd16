// The GraphiQL page of the local server. Bundled by ../build.js (esbuild) into .graphiql/; loads nothing from
// another origin: the Monaco workers are bundled alongside and named by the build through __GRAPHIQL_WORKERS__.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
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
#   このリポジトリで実行すると Bearer トークンが出ます。
#   デモのシステム管理者:
#     npm run token
#   それ以外の人（デモの人物は README を参照）:
#     npm run token -- <人物 ID>
#   出力の最後の行を、下の Headers タブの "Bearer " の
#   後ろ(引用符の中)に貼り付けてから実行します。
#
# Sign in
#   Run in this repository; it prints a bearer token.
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

const fetcher = createGraphiQLFetcher({ url: ENDPOINT });

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
        <span title="白石市 行政情報ネットワークシステム API">白石市 API</span>
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
