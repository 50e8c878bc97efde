import { currentRequestId, DomainError, isTransientDependencyError, NotSignedInError, resolveSession, type Deps } from "@access-identity/core";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { GraphQLError, NoSchemaIntrospectionCustomRule } from "graphql";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { Context, ServerContext } from "./context.js";
import { playgroundOptions } from "./playground.js";
import { schema } from "./schema.js";

/** Requests larger than this are refused before parsing; the largest real one (a WebAuthn response) is a few kB. */
export const MAX_BODY_BYTES = 64 * 1024;

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
      allowedHeaders: ["content-type", "authorization"],
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
          return original instanceof GraphQLError ? original : error;
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
      useCSRFPrevention({ requestHeaders: ["x-graphql-yoga-csrf", "graphql-require-preflight", "authorization"] }),
      EnvelopArmorPlugin({
        maxDepth: { n: 8 },
        maxAliases: { n: 5 },
        maxDirectives: { n: 10 },
        maxTokens: { n: 800 },
        costLimit: { maxCost: 3000 },
        blockFieldSuggestion: { enabled: !config.introspection },
      }),
      ...(config.introspection ? [] : [disableIntrospection()]),
    ],
  });
}
