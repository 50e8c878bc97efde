import { currentRequestId, DomainError, isTransientDependencyError, NotSignedInError, resolveSession, type Deps } from "@access-identity/core";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { GraphQLError, NoSchemaIntrospectionCustomRule } from "graphql";
import { createYoga, type GraphiQLOptions, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { Context, ServerContext } from "./context.js";
import { playgroundOptions } from "./playground.js";
import { schema } from "./schema.js";

/** Requests larger than this are refused before parsing; the largest real one (a WebAuthn response) is a few kB. */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The offline GraphiQL page (@graphql-yoga/render-graphiql: ~8.8 MB of JavaScript, ~70 MiB of RSS
 * once evaluated) is imported on the first playground GET, not at start: most processes never
 * serve it. The bundles put it in a chunk of its own (the Lambda's maps it to yoga's CDN page).
 */
async function renderGraphiQL(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL: render } = await import("@graphql-yoga/render-graphiql");
  return render(options);
}

function firstLines(args: unknown[]): string[] {
  return args.map((a) => String(a).split("\n")[0] ?? "");
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization") ?? "";
  const match = header.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
}

/** Introspection off in production unless asked for: the schema is public in the repo, but probing need not be easy. */
function disableIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/** Headers that prove a request was not a "simple" cross-site one (yoga's CSRF plugin accepts either). */
const CSRF_HEADERS = ["x-graphql-yoga-csrf", "graphql-require-preflight"];

/**
 * graphql-armor's query limits. A client's natural queries must pass (API.md: every connection
 * with `first: 100` and its natural selection, queried on its own); floods must not.
 * - Fragments are flattened for depth and cost: a named fragment or an inline `... on X` is not a
 *   level of data, and counting it as one made ordinary codegen documents (`...ErrorFields`) deep.
 * - depthCostFactor 1: the cost is then about the number of values a query can return (each object
 *   2, each scalar 1, a list of `first: n` times n), which is what costs us; 1.5 compounded per level
 *   and made 100 members with their TwoFactorStatus cost ~16,000, as much as a real flood.
 * - maxCost 8000: each natural 100-item page costs 2,200-3,400 (measured in query-limits.test.ts),
 *   so a screen may show two of them at once; three or more, or aliased copies, are refused.
 */
export function armorLimits(introspection: boolean) {
  return {
    maxDepth: { n: 8, flattenFragments: true },
    maxAliases: { n: 5 },
    maxDirectives: { n: 10 },
    maxTokens: { n: 800 },
    costLimit: { maxCost: 8000, objectCost: 2, scalarCost: 1, depthCostFactor: 1, flattenFragments: true },
    blockFieldSuggestion: { enabled: !introspection },
  };
}

export function createGraphqlServer(deps: Deps): YogaServerInstance<ServerContext, Context> {
  const { config, log } = deps;
  return createYoga<ServerContext, Context>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    multipart: false,
    // One operation per request: a batch would multiply every per-request limit.
    batching: false,
    graphiql: config.graphiql ? playgroundOptions : false,
    renderGraphiQL,
    cors: {
      origin: config.corsOrigins,
      methods: ["GET", "POST", "OPTIONS"],
      // The CSRF plugin's headers too: without them a cross-origin GET query (urql's default) fails its preflight.
      allowedHeaders: ["content-type", "authorization", ...CSRF_HEADERS],
      credentials: false,
      maxAge: 600,
    },
    // yoga reports callers' GraphQL errors with the query text, which can hold inline arguments
    // (passwords, codes): keep only the first line, at debug. Real failures are logged by maskError.
    logging: {
      debug: (...args) => log.debug({ yoga: firstLines(args) }),
      info: (...args) => log.debug({ yoga: firstLines(args) }),
      warn: (...args) => log.warn({ yoga: firstLines(args) }),
      error: (...args) => log.debug({ yoga: firstLines(args) }),
    },
    maskedErrors: {
      maskError(error) {
        const original = error instanceof GraphQLError ? error.originalError : error;
        // GraphQL's own errors (syntax, validation, scope-auth's UNAUTHENTICATED/FORBIDDEN) are the caller's to see.
        if (error instanceof GraphQLError && (!original || original instanceof GraphQLError)) {
          const shown = original instanceof GraphQLError ? original : error;
          // yoga's body parser adds the JSON parser's own message (quoting the body) as
          // extensions.originalError: the message and code say what is wrong; internals stay in.
          if (!shown.extensions?.originalError) return shown;
          const { originalError: _internal, ...extensions } = shown.extensions;
          return new GraphQLError(shown.message, { extensions });
        }
        // A core guard found no live session (revoked while this request ran): as if none was sent.
        if (original instanceof NotSignedInError) {
          return new GraphQLError(original.message, { extensions: { code: "UNAUTHENTICATED" } });
        }
        // A typed refusal that a field's union does not list (e.g. a bad pagination argument).
        if (original instanceof DomainError) {
          return new GraphQLError(original.message, { extensions: { code: "BAD_USER_INPUT" } });
        }
        const requestId = currentRequestId();
        if (isTransientDependencyError(original)) {
          log.warn({ err: original, requestId }, "dependency unavailable");
          return new GraphQLError("The service is temporarily unavailable. Try again in a moment.", {
            extensions: { code: "SERVICE_UNAVAILABLE", requestId },
          });
        }
        log.error({ err: original, requestId }, "unexpected error");
        return new GraphQLError("Unexpected error.", { extensions: { code: "INTERNAL_SERVER_ERROR", requestId } });
      },
    },
    context: async ({ request, deps, client }) => ({
      deps,
      client,
      caller: await resolveSession(deps, bearerToken(request)),
    }),
    plugins: [
      // A browser may send a "simple" request (a GET, a form post) cross-site without a CORS
      // preflight; requiring a non-simple content type or a header no form can set closes that.
      // Bearer tokens are not ambient credentials, so this is defence in depth, not the main line.
      useCSRFPrevention({ requestHeaders: [...CSRF_HEADERS, "authorization"] }),
      EnvelopArmorPlugin(armorLimits(config.introspection)),
      ...(config.introspection ? [] : [disableIntrospection()]),
    ],
  });
}
