import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { batchGet } from "../db/batch.js";
import { randomToken } from "../crypto/random.js";
import { hashPassword } from "../crypto/passwords.js";
import { isConditionFailed } from "../db/client.js";
import { keys } from "../db/keys.js";
import type { Deps, RequestInfo } from "../deps.js";
import { ConflictError, ValidationError } from "../errors.js";
import { newId } from "../ids.js";
import type { Account } from "./account.js";
import { domainOf, normaliseEmail } from "./email.js";
import { refuseGuessablePassword } from "./guessable-password.js";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

export function validatePassword(password: string): void {
  // Length in code points, as NIST SP 800-63B counts it; no composition rules.
  const length = [...password].length;
  if (length < PASSWORD_MIN) throw new ValidationError(`Use at least ${PASSWORD_MIN} characters.`, "password");
  if (length > PASSWORD_MAX) throw new ValidationError(`Use at most ${PASSWORD_MAX} characters.`, "password");
}

export async function signUp(deps: Deps, input: { email: string; password: string }, request: RequestInfo): Promise<Account> {
  const email = normaliseEmail(input.email);
  validatePassword(input.password);
  await refuseGuessablePassword(input.password, email);
  await deps.limiter.hit(deps.limits.signUpsPerIp, request.ip);
  const domain = domainOf(email);
  const account: Account = {
    userId: newId("usr"),
    email,
    domain,
    passwordHash: await hashPassword(input.password),
    createdAt: deps.clock.now().toISOString(),
    twoFactorEnabled: false,
    factors: {},
    webAuthnUserHandle: randomToken(32),
  };
  try {
    await deps.db.doc.send(
      new PutCommand({
        TableName: deps.db.table,
        Item: { ...keys.account(email), ...keys.domainMember(domain, email), type: "account", ...account },
        // Invariant: one account per email, even under concurrent sign-ups.
        ConditionExpression: "attribute_not_exists(PK)",
      }),
    );
  } catch (error) {
    if (isConditionFailed(error)) throw new ConflictError("An account with this email already exists.");
    throw error;
  }
  deps.log.info({ event: "account.created", userId: account.userId }, "account created");
  return account;
}

export function toAccount(item: Record<string, unknown> | undefined): Account | undefined {
  if (!item || item.type !== "account") return undefined;
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g2, type: _t, ...account } = item;
  return account as unknown as Account;
}

export async function getAccount(deps: Deps, email: string): Promise<Account | undefined> {
  const { Item } = await deps.db.doc.send(
    new GetCommand({ TableName: deps.db.table, Key: keys.account(email), ConsistentRead: true }),
  );
  return toAccount(Item);
}

/** Looks several accounts up by email in one round trip per 100 (owners, audit actors, members). */
export async function getAccounts(deps: Deps, emails: string[]): Promise<Map<string, Account>> {
  const unique = [...new Set(emails)];
  const found = new Map<string, Account>();
  for (let i = 0; i < unique.length; i += 100) {
    const items = await batchGet(deps.db, unique.slice(i, i + 100).map((e) => keys.account(e)));
    for (const item of items) {
      const account = toAccount(item);
      if (account) found.set(account.email, account);
    }
  }
  return found;
}
