import { deployer } from "./settings.js";
import { table } from "./table.js";

/**
 * What the API function may do, and nothing more (no `link` to the table: linking grants
 * dynamodb:*, DeleteTable included). scripts/infra.test.ts checks the DynamoDB list against the
 * commands packages/core sends.
 */

// The item operations the core sends (lib-dynamodb Get/Put/Update/Delete/Query/BatchGet/BatchWrite).
// CreateTable and DescribeTable are only ever sent to the local store (ensureTable).
export const DYNAMODB_TABLE_ACTIONS = [
  "dynamodb:GetItem",
  "dynamodb:PutItem",
  "dynamodb:UpdateItem",
  "dynamodb:DeleteItem",
  "dynamodb:Query",
  "dynamodb:BatchGetItem",
  "dynamodb:BatchWriteItem",
];

const dynamodb = [
  { actions: DYNAMODB_TABLE_ACTIONS, resources: [table.arn] },
  // GSI1 is only queried (domain members).
  { actions: ["dynamodb:Query"], resources: [$interpolate`${table.arn}/index/GSI1`] },
];

// SMS codes go straight to phone numbers, which have no ARN: Publish must be allowed on "*". A
// direct SMS is not a topic, so denying every topic ARN leaves SMS alone and stops the function
// from publishing to any topic, in this account or another.
const sns = [
  { actions: ["sns:Publish"], resources: ["*"] },
  { effect: "deny" as const, actions: ["sns:Publish"], resources: ["arn:*:sns:*:*:*"] },
];

/**
 * Email (SES v2 SendEmail), for the sender EMAIL_FROM names ("Name <no-reply@example.com>" or a bare
 * address): on that address's identity and its domain's, whichever SES verified, and only with that
 * From address. Without EMAIL_FROM the function may send no email at all.
 */
export function emailSender(from: string | undefined): { address: string; domain: string } | undefined {
  if (!from) return undefined;
  const address = (from.match(/<([^<>]+)>\s*$/)?.[1] ?? from).trim().toLowerCase();
  const domain = address.split("@")[1];
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address) || !domain) throw new Error(`EMAIL_FROM: "${from}" is not an email address`);
  return { address, domain };
}

function ses() {
  const sender = emailSender(deployer.EMAIL_FROM);
  if (!sender) return [];
  const where = $resolve([aws.getPartitionOutput({}), aws.getRegionOutput({}), aws.getCallerIdentityOutput({})]).apply(
    ([partition, region, caller]) => `arn:${partition.partition}:ses:${region.region}:${caller.accountId}:identity`,
  );
  return [
    {
      actions: ["ses:SendEmail"],
      resources: [$interpolate`${where}/${sender.address}`, $interpolate`${where}/${sender.domain}`],
      conditions: [{ test: "StringEquals", variable: "ses:FromAddress", values: [sender.address] }],
    },
  ];
}

/** The API: the table and direct SMS. It writes email to the outbox; only the notifier sends it. */
export const apiPermissions = [...dynamodb, ...sns];

/** The notifier (stacks/notifier.ts): the table (to lease and close outbox items) and email as the sender only. */
export const notifierPermissions = [...dynamodb, ...ses()];
