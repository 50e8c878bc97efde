// esbuild plugins for the Lambda bundle, shared by scripts/build-lambda.mjs and SST's own build
// (stacks/api.ts `nodejs.plugins` points here; SST expects a default export of plugins).
import { fileURLToPath } from "node:url";

const graphqlPackage = fileURLToPath(new URL("../packages/graphql", import.meta.url));

// The self-contained GraphiQL page (~8.8 MB of the bundle) exists so the playground works offline.
// In AWS the playground is off by default (GRAPHIQL=true turns it on) and yoga's own page, which
// loads GraphiQL from a CDN, serves fine there.
export const cdnGraphiql = {
  name: "cdn-graphiql",
  setup(build) {
    build.onResolve({ filter: /^@graphql-yoga\/render-graphiql$/ }, () => ({ path: "render-graphiql", namespace: "cdn-graphiql" }));
    build.onLoad({ filter: /.*/, namespace: "cdn-graphiql" }, () => ({
      contents: `export { renderGraphiQL } from "graphql-yoga";`,
      resolveDir: graphqlPackage,
      loader: "js",
    }));
  },
};

export default [cdnGraphiql];
