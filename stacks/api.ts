import { secrets } from "./secrets.js";
import { table } from "./table.js";

/**
 * The GraphQL API: one Lambda behind a Function URL, running packages/functions/src/lambda.ts.
 * Settings that differ per deployment come from the deployer's environment at `sst deploy` time
 * (e.g. `WEBAUTHN_RP_ID=id.example.com WEBAUTHN_ORIGINS=https://id.example.com npx sst deploy`).
 */

function list(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
}

const deployer = process.env;

// Browsers may call the API from these origins; the same list reaches yoga's own CORS check.
const corsOrigins = list(deployer.CORS_ORIGINS).length > 0 ? list(deployer.CORS_ORIGINS) : list(deployer.WEBAUTHN_ORIGINS);

// Optional settings passed through when the deployer sets them (packages/core/src/config.ts and
// rate-limit/limits.ts document each); unset ones keep the code's defaults.
const PASS_THROUGH = /^(WEBAUTHN_RP_NAME|TOTP_ISSUER|SMS_DEFAULT_REGION|SMS_ALLOWED_COUNTRIES|SMS_DAILY_LIMIT|SESSION_TTL_SECONDS|SESSION_IDLE_SECONDS|DNS_SERVERS|DNS_TIMEOUT_MS|GRAPHIQL|INTROSPECTION|LOG_LEVEL|RATE_LIMIT_[A-Z_]+)$/;
const passedThrough = Object.fromEntries(
  Object.entries(deployer).filter((entry): entry is [string, string] => PASS_THROUGH.test(entry[0]) && Boolean(entry[1])),
);

export const api = new sst.aws.Function("Graphql", {
  handler: "packages/functions/src/lambda.handler",
  runtime: "nodejs20.x",
  // The argon2 binary installed for the function is linux-x64 (see nodejs.install).
  architecture: "x86_64",
  // argon2id needs ~19 MiB a hash, and Lambda's CPU share grows with memory: 1 GB keeps a sign-in fast.
  memory: "1024 MB",
  timeout: "20 seconds",
  url: {
    authorization: "none",
    cors:
      corsOrigins.length > 0
        ? {
            allowOrigins: corsOrigins,
            allowMethods: ["GET", "POST"],
            allowHeaders: ["content-type", "authorization"],
            exposeHeaders: ["x-request-id"],
            maxAge: "600 seconds",
          }
        : false,
  },
  // Resource.Table.name and Resource.EncryptionKey.value in the function, with IAM access to the table.
  link: [table, ...secrets],
  // SMS codes go straight to phone numbers, which have no ARN to scope the permission to.
  permissions: [{ actions: ["sns:Publish"], resources: ["*"] }],
  environment: {
    ...passedThrough,
    NODE_ENV: "production",
    SMS_PROVIDER: "sns",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...(deployer.WEBAUTHN_RP_ID ? { WEBAUTHN_RP_ID: deployer.WEBAUTHN_RP_ID } : {}),
    ...(deployer.WEBAUTHN_ORIGINS ? { WEBAUTHN_ORIGINS: list(deployer.WEBAUTHN_ORIGINS).join(",") } : {}),
    ...(corsOrigins.length > 0 ? { CORS_ORIGINS: corsOrigins.join(",") } : {}),
  },
  nodejs: {
    format: "esm",
    // As `npm run build`: what the first request does not need loads on first use, not at cold start.
    splitting: true,
    // @node-rs/argon2 loads a native binary: SST installs the package (for linux x64) beside the
    // bundle instead of bundling it. `npm run build` ships the same binary beside dist/lambda.
    install: ["@node-rs/argon2"],
    // Error type names are read from class names at runtime (result unions' __typename).
    esbuild: { keepNames: true },
    // Swap the 8.8 MB offline GraphiQL page for yoga's CDN one, as `npm run build` does.
    plugins: "scripts/lambda-esbuild-plugins.mjs",
  },
});
