// esbuild plugins for the Lambda bundle (scripts/build-lambda.mjs). SST does not build the function:
// its `nodejs.plugins` bridge is broken in 4.17, and without these plugins its build carries two
// copies of graphql, so stacks/api.ts ships the directory `npm run build` makes instead.
import { createRequire } from "node:module";
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

// graphql ships CommonJS (main) and ESM (module) side by side. Bundling with ESM first (smaller:
// it tree-shakes) would give `import "graphql"` the ESM copy while deep imports such as
// "graphql/language/parser" (graphql-armor) reach the CJS one: two GraphQLError classes, and a
// caller's syntax error masked as "Unexpected error.". Every graphql import gets the CJS copy,
// as Node itself resolves them (and vitest.config.ts does for the tests).
const requireFromGraphqlPackage = createRequire(`${graphqlPackage}/package.json`);
export const singleGraphql = {
  name: "single-graphql",
  setup(build) {
    build.onResolve({ filter: /^graphql(\/.*)?$/ }, (args) => ({ path: requireFromGraphqlPackage.resolve(args.path) }));
  },
};

export default [cdnGraphiql, singleGraphql];

/**
 * What the Lambda bundle (build-lambda.mjs) and the local server's (build-local.mjs) share: ES
 * modules for Node, code loaded on first use split into chunks/, and dependencies' ES-module builds
 * first: with splitting, esbuild gives a dynamically imported CommonJS module only a default export,
 * so `const { dictionary } = await import(...)` would find nothing.
 */
export const nodeEsmChunks = {
  outExtension: { ".js": ".mjs" },
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  mainFields: ["module", "main"],
};
