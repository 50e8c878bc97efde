import { LAMBDA_BUNDLE } from "./api.js";
import { notifierPermissions } from "./permissions.js";
import { secrets } from "./secrets.js";
import { deployer } from "./settings.js";
import { table } from "./table.js";

/**
 * The notifier (packages/functions/src/notifier.ts): sends the email outbox. The table's stream
 * hands it each pending outbox item as it is written, and a sweep every minute sends retries whose
 * time has come. It ships from the same directory as the API (`npm run build` bundles both), and
 * may send email only as the sender EMAIL_FROM names (stacks/permissions.ts).
 *
 * An operator sets at deploy time: EMAIL_FROM (an address on a domain verified in SES), APP_URL
 * (the web app the links open), and optionally EMAIL_DAILY_LIMIT (README, "Email"; docs/ops.md).
 */
const notifierFunction = (handler: "handler" | "sweep"): sst.aws.FunctionArgs => ({
  bundle: LAMBDA_BUNDLE,
  handler: `notifier.${handler}`,
  runtime: "nodejs24.x",
  architecture: "x86_64",
  memory: "512 MB",
  // Longer than the SES client's own retries (3 attempts of at most 5 s) for a batch of emails.
  timeout: "60 seconds",
  logging: { retention: "1 month", format: "text" },
  // Secrets only (links' tokens are sealed with the encryption key); the table by name and the
  // listed permissions, as for the API: linking it would grant dynamodb:*.
  link: [...secrets],
  permissions: notifierPermissions,
  environment: {
    TABLE_NAME: table.name,
    NODE_ENV: "production",
    EMAIL_PROVIDER: "ses",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...(deployer.EMAIL_FROM ? { EMAIL_FROM: deployer.EMAIL_FROM } : {}),
    ...(deployer.APP_URL ? { APP_URL: deployer.APP_URL } : {}),
    ...(deployer.EMAIL_DAILY_LIMIT ? { EMAIL_DAILY_LIMIT: deployer.EMAIL_DAILY_LIMIT } : {}),
    ...(deployer.LOG_LEVEL ? { LOG_LEVEL: deployer.LOG_LEVEL } : {}),
  },
});

table.subscribe("Notifier", notifierFunction("handler"), {
  // Only pending outbox items wake the function; everything else the table writes is ignored.
  filters: [{ dynamodb: { NewImage: { type: { S: ["outbox"] }, status: { S: ["pending"] } } } }],
});

export const notifierSweep = new sst.aws.Cron("NotifierSweep", {
  schedule: "rate(1 minute)",
  function: notifierFunction("sweep"),
});
