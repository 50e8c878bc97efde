import { secrets } from "./secrets.js";
import { table } from "./table.js";

/**
 * The notifier (packages/functions/src/notifier.ts): sends the email outbox. The table's stream
 * hands it each pending outbox item as it is written, and a sweep every minute sends retries whose
 * time has come. It may send only as the sender identity: `ses:SendEmail` on that identity's ARN.
 *
 * An operator sets at deploy time: EMAIL_FROM (an address on a domain verified in SES), APP_URL
 * (the web app the links open), and optionally EMAIL_DAILY_LIMIT (see README, "Email").
 */

const deployer = process.env;
const from = deployer.EMAIL_FROM ?? "";
// The identity SES checks the permission against: the sender's domain (a verified domain identity).
const senderDomain = from.match(/@([^@\s>]+)>?\s*$/)?.[1] ?? "";
const identityArn = senderDomain ? `arn:aws:ses:*:*:identity/${senderDomain}` : "arn:aws:ses:*:*:identity/*";

const notifierFunction: sst.aws.FunctionArgs = {
  runtime: "nodejs20.x",
  architecture: "x86_64",
  memory: "512 MB",
  // Longer than the SES client's own retries (3 attempts of at most 5 s) for a batch of emails.
  timeout: "60 seconds",
  handler: "packages/functions/src/notifier.handler",
  // The table (to lease and close outbox items) and the encryption key (links' tokens are sealed).
  link: [table, ...secrets],
  permissions: [{ actions: ["ses:SendEmail"], resources: [identityArn] }],
  environment: {
    NODE_ENV: "production",
    EMAIL_PROVIDER: "ses",
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    ...(from ? { EMAIL_FROM: from } : {}),
    ...(deployer.APP_URL ? { APP_URL: deployer.APP_URL } : {}),
    ...(deployer.LOG_LEVEL ? { LOG_LEVEL: deployer.LOG_LEVEL } : {}),
  },
};

table.subscribe("Notifier", notifierFunction, {
  // Only pending outbox items wake the function; everything else the table writes is ignored.
  filters: [{ dynamodb: { NewImage: { type: { S: ["outbox"] }, status: { S: ["pending"] } } } }],
});

export const notifierSweep = new sst.aws.Cron("NotifierSweep", {
  schedule: "rate(1 minute)",
  function: { ...notifierFunction, handler: "packages/functions/src/notifier.sweep" },
});
