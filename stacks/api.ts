import { apiPermissions } from "./permissions.js";
import { secrets } from "./secrets.js";
import { deployer, list, positiveInteger, webAuthnSettings, webSite } from "./settings.js";
import { table } from "./table.js";

/**
 * The GraphQL API: one Lambda behind a Function URL. SST ships `dist/lambda` as it is — the
 * directory `npm run build` makes and packages/functions/src/lambda.bundle.test.ts boots — instead
 * of bundling the sources itself (its own build carries two copies of graphql; see
 * scripts/build-lambda.mjs). So `npm run build` must run before `sst deploy` (README, docs/ops.md).
 * Settings that differ per deployment come from the deployer's environment at `sst deploy` time.
 */

export const LAMBDA_BUNDLE = "dist/lambda";

const webauthn = webAuthnSettings();
// Browsers may call the API from these origins; the same list reaches yoga's own CORS check.
// CORS_ORIGINS wins; unset, the web app on AWS (WEB_DOMAIN, stacks/web.ts) and WebAuthn's origins.
const site = webSite();
const corsOrigins =
  list(deployer.CORS_ORIGINS).length > 0 ? list(deployer.CORS_ORIGINS) : [...new Set([...(site ? [site.origin] : []), ...webauthn.origins])];

// Optional settings passed through when the deployer sets them (packages/core/src/config.ts and
// rate-limit/limits.ts document each); unset ones keep the code's defaults.
const PASS_THROUGH = /^(WEBAUTHN_RP_NAME|TOTP_ISSUER|SMS_DEFAULT_REGION|SMS_ALLOWED_COUNTRIES|SMS_DAILY_LIMIT|SESSION_TTL_SECONDS|SESSION_IDLE_SECONDS|DNS_SERVERS|DNS_TIMEOUT_MS|GRAPHIQL|INTROSPECTION|LOG_LEVEL|EMAIL_PROVIDER|EMAIL_FROM|EMAIL_DAILY_LIMIT|APP_URL|RATE_LIMIT_[A-Z_]+)$/;
const passedThrough = Object.fromEntries(
  Object.entries(deployer).filter((entry): entry is [string, string] => PASS_THROUGH.test(entry[0]) && Boolean(entry[1])),
);

// A ceiling on parallel executions (and so on DynamoDB and SNS load and cost) when the deployer
// sets one; unset, the function shares the account's unreserved concurrency.
const reservedConcurrency = positiveInteger("RESERVED_CONCURRENCY");

export const api = new sst.aws.Function("Graphql", {
  bundle: LAMBDA_BUNDLE,
  handler: "index.handler",
  // Node 24 is supported until 2028-04-30; the bundle targets Node 20 syntax and runs unchanged.
  runtime: "nodejs24.x",
  // The argon2 binary scripts/build-lambda.mjs puts beside the bundle is linux-x64-gnu.
  architecture: "x86_64",
  // argon2id needs ~19 MiB a hash, and Lambda's CPU share grows with memory: 1 GB keeps a sign-in fast.
  memory: "1024 MB",
  timeout: "20 seconds",
  ...(reservedConcurrency ? { concurrency: { reserved: reservedConcurrency } } : {}),
  // Plain-text lines: the code writes one JSON object per line, which CloudWatch metric filters
  // (stacks/alarms.ts) read as they are.
  logging: { retention: "1 month", format: "text" },
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
  // Secrets only: Resource.EncryptionKey.value in the function. The table is not linked (that
  // would grant dynamodb:*); its name comes as TABLE_NAME and its permissions are listed.
  link: [...secrets],
  permissions: apiPermissions,
  environment: {
    ...passedThrough,
    TABLE_NAME: table.name,
    NODE_ENV: "production",
    SMS_PROVIDER: "sns",
    // The most SNS may charge for one text (USD), as the AWS.SNS.SMS.MaxPrice attribute of each
    // Publish: SMS pumping aims at destinations that cost far more than a code is worth. SNS has no
    // account-wide cap per message, only this attribute; packages/core's SNS sender must send it.
    SMS_MAX_PRICE_USD: deployer.SMS_MAX_PRICE_USD || "0.50",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...(webauthn.rpId ? { WEBAUTHN_RP_ID: webauthn.rpId } : {}),
    ...(webauthn.origins.length > 0 ? { WEBAUTHN_ORIGINS: webauthn.origins.join(",") } : {}),
    ...(corsOrigins.length > 0 ? { CORS_ORIGINS: corsOrigins.join(",") } : {}),
  },
});
