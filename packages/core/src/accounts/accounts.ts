import { randomToken } from "../crypto/random.js";
import { hashPassword } from "../crypto/passwords.js";
import { epochSeconds } from "../clock.js";
import { putNewAccount, readAccount, readAccounts } from "../db/accounts.js";
import { memberIndexKeys } from "../domains/member-index.js";
import type { Deps, RequestInfo } from "../deps.js";
import { ConflictError, ValidationError } from "../errors.js";
import { newId } from "../ids.js";
import { sendVerificationAfterSignUp } from "../email-verification/verification.js";
import { liveAccount, type Account } from "./account.js";
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
  await deps.limiter.hit(deps.limits.signUpsPerIp, request.ipKey);
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
    emailVerified: false,
    // Never verified, it reads as absent after UNVERIFIED_ACCOUNT_TTL_DAYS and the address is free again.
    expiresAt: epochSeconds(deps.clock.now()) + deps.config.unverifiedAccountTtlDays * 86400,
  };
  if (!(await putNewAccount(deps.db, account, await memberIndexKeys(account.email), epochSeconds(deps.clock.now())))) {
    throw new ConflictError("An account with this email already exists.");
  }
  deps.log.info({ event: "account.created", userId: account.userId }, "account created");
  await sendVerificationAfterSignUp(deps, account, request);
  return account;
}

// The account item is parsed in its storage module; re-exported for readers of other indexes (domain members).
export { toAccount } from "../db/accounts.js";

/** The account, unless there is none or it is a never-verified one past its expiry (that reads as absent). */
export async function getAccount(deps: Deps, email: string): Promise<Account | undefined> {
  return liveAccount(await readAccount(deps.db, email), deps.clock.now());
}

/** Looks several accounts up by email in one round trip per 100 (owners, audit actors, members). */
export async function getAccounts(deps: Deps, emails: string[]): Promise<Map<string, Account>> {
  const found = await readAccounts(deps.db, emails);
  for (const [email, account] of found) if (!liveAccount(account, deps.clock.now())) found.delete(email);
  return found;
}
