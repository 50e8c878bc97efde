import type { Account } from "../accounts/account.js";
import { epochSeconds } from "../clock.js";
import { safeEqual, sha256 } from "../crypto/hashing.js";
import { randomToken } from "../crypto/random.js";
import { getDevice, putDevice } from "../db/devices.js";
import type { Deps } from "../deps.js";
import type { Limit } from "../rate-limit/limits.js";

/**
 * Known devices (OWASP "device cookies"): a device that signed in before carries a token bound to
 * the account. When the account's sign-in limit is full (someone is guessing its password from
 * elsewhere), a request with a valid token of that account is judged by the device's own limit
 * instead, so the guesser cannot lock the owner out of their own devices. Tokens are stored only
 * as SHA-256 hashes, and revoked with the sessions (`devicesValidFrom` on the account).
 */
const DEVICE_TOKEN = /^dev_([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;
const DEVICE_TTL_SECONDS = 180 * 24 * 3600;

/** A device gets as many tries of its own as the whole account does, in the same window. */
export function deviceLimit(accountLimit: Limit): Limit {
  return { name: "signInAttemptsPerDevice", max: accountLimit.max, windowSeconds: accountLimit.windowSeconds };
}

export async function issueDeviceToken(deps: Deps, owner: Pick<Account, "userId" | "email">): Promise<string> {
  const id = randomToken(16);
  const secret = randomToken(32);
  const now = deps.clock.now();
  await putDevice(deps.db, {
    type: "device",
    id,
    userId: owner.userId,
    email: owner.email,
    secretHash: sha256(secret),
    createdAt: now.toISOString(),
    expiresAt: epochSeconds(now) + DEVICE_TTL_SECONDS,
  });
  return `dev_${id}.${secret}`;
}

/**
 * The id of the device a token names, if it is a live device of this account (not expired, not
 * issued before the account's last device revocation); undefined for anything else.
 */
export async function knownDevice(deps: Deps, token: string | null | undefined, account: Account): Promise<string | undefined> {
  const match = token?.match(DEVICE_TOKEN);
  if (!match) return undefined;
  const [, id, secret] = match as unknown as [string, string, string];
  const device = await getDevice(deps.db, id);
  if (!device || !safeEqual(device.secretHash, sha256(secret))) return undefined;
  if (device.userId !== account.userId || device.email !== account.email) return undefined;
  if (epochSeconds(deps.clock.now()) >= device.expiresAt) return undefined;
  if (account.devicesValidFrom && device.createdAt < account.devicesValidFrom) return undefined;
  return id;
}
