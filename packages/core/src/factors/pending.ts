import type { Account, FactorKind, FactorOfKind, StoredFactor } from "../accounts/account.js";
import { getAccount } from "../accounts/accounts.js";
import { recordAudit, userStream } from "../audit/audit.js";
import { epochSeconds } from "../clock.js";
import { confirmFactor } from "../db/account-credentials.js";
import {
  deletePendingFactor,
  failPendingAttempt,
  getPendingFactor,
  putPendingFactor,
  type PendingFactor,
  type PendingOfKind,
} from "../db/pending-factors.js";
import type { Deps } from "../deps.js";
import { ExpiredError, InvalidCodeError, ValidationError } from "../errors.js";
import { hasPrefix, newId } from "../ids.js";
import type { Reservation } from "../rate-limit/limiter.js";

export type { PendingFactor, PendingOfKind } from "../db/pending-factors.js";

/** A pending factor as its start returns it: with the enrolment-start unit, should the start be undone. */
export type StartedPending<K extends FactorKind = FactorKind> = PendingOfKind<K> & { startReservation: Reservation };

export const PENDING_TTL_SECONDS = 10 * 60;
export const PENDING_MAX_ATTEMPTS = 5;
export const MAX_FACTORS = 20;

export function validateLabel(raw: string | null | undefined, fallback: string, field = "label"): string {
  const label = (raw ?? "").normalize("NFC").trim();
  if (!label) return fallback;
  if ([...label].length > 64) throw new ValidationError("Use at most 64 characters.", field);
  if (/\p{Cc}|\p{Cf}/u.test(label)) throw new ValidationError("Use letters, numbers and punctuation only.", field);
  return label;
}

export async function startPending<K extends FactorKind>(
  deps: Deps,
  account: Account,
  pending: Pick<PendingOfKind<K>, "kind" | "label" | "data"> & { ttlSeconds?: number },
): Promise<StartedPending<K>> {
  // A first check against the caller's snapshot; the cap itself is held when a factor is confirmed.
  if (Object.keys(account.factors ?? {}).length >= MAX_FACTORS) throw tooManyFactors(START_INPUT_FIELD[pending.kind]);
  const startReservation = await deps.limiter.hit(deps.limits.enrolmentStartsPerAccount, account.userId);
  const now = deps.clock.now();
  const record = {
    id: newId("fac"),
    userId: account.userId,
    kind: pending.kind,
    label: pending.label,
    createdAt: now.toISOString(),
    expiresAt: epochSeconds(now) + (pending.ttlSeconds ?? PENDING_TTL_SECONDS),
    attempts: 0,
    data: pending.data,
  } as PendingOfKind<K>;
  await putPendingFactor(deps.db, record);
  // The start's unit travels with the record (not stored) so an undone start can give it back.
  return { ...record, startReservation };
}

/** The caller's own pending factor of this kind, still within its lifetime and attempt budget. */
export async function loadPending<K extends FactorKind>(deps: Deps, account: Account, factorId: string, kind: K): Promise<PendingOfKind<K>> {
  // Anything that is not one of our ids cannot name a pending factor (and must not reach a key).
  if (!hasPrefix(factorId, "fac")) throw new ExpiredError("This enrolment has expired or was already completed. Start again.");
  const pending = await getPendingFactor(deps.db, account.userId, factorId, kind);
  if (!pending) throw new ExpiredError("This enrolment has expired or was already completed. Start again.");
  if (epochSeconds(deps.clock.now()) >= pending.expiresAt || pending.attempts >= PENDING_MAX_ATTEMPTS) {
    throw new ExpiredError("This enrolment has expired. Start again.");
  }
  return pending;
}

/** Counts a wrong code against a pending factor; the sixth one kills it. Throws the error to show. */
export async function failPending(
  deps: Deps,
  pending: PendingFactor,
  refusal = (attemptsRemaining: number) => new InvalidCodeError(attemptsRemaining),
): Promise<never> {
  const attempts = await failPendingAttempt(deps.db, pending.userId, pending.id, PENDING_MAX_ATTEMPTS);
  if (attempts === undefined) throw new ExpiredError("Too many wrong codes. Start the enrolment again.");
  throw refusal(PENDING_MAX_ATTEMPTS - attempts);
}

/** A ValidationError names an input field of the mutation refused: each start mutation's own. */
const START_INPUT_FIELD: Record<FactorKind, string> = { TOTP: "label", SMS: "phoneNumber", WEBAUTHN: "nickname" };

function tooManyFactors(field = "factorId"): ValidationError {
  return new ValidationError(`An account can have at most ${MAX_FACTORS} factors.`, field);
}

/**
 * Why a confirmation's write was refused, read afresh: this very factor is already there (a
 * parallel confirmation won), or the account is full. A full account keeps the pending factor, so
 * removing another factor and confirming again still works; but whatever the factor claimed for
 * itself (a security key's credential id) is given back through `release`, as it never came to be.
 */
async function refuseActivation(deps: Deps, account: Account, factor: StoredFactor, release?: () => Promise<void>): Promise<never> {
  const fresh = await getAccount(deps, account.email);
  if (!fresh || fresh.userId !== account.userId || fresh.factors?.[factor.id]) {
    throw new ExpiredError("This enrolment was already completed.");
  }
  await release?.();
  throw tooManyFactors();
}

/**
 * Makes a pending factor active: one conditional write adds it to the account (so a factor never
 * exists half-made), then the pending item is removed and the change audited. `release` gives
 * back what the factor claimed outside the account, should the account refuse it.
 */
export async function activatePending<K extends FactorKind>(
  deps: Deps,
  account: Account,
  pending: PendingOfKind<K>,
  data: FactorOfKind<K>["data"],
  release?: () => Promise<void>,
): Promise<FactorOfKind<K>> {
  const factor = {
    id: pending.id,
    kind: pending.kind,
    label: pending.label,
    createdAt: deps.clock.now().toISOString(),
    data,
  } as FactorOfKind<K>;
  const added = await confirmFactor(deps.db, account, factor, MAX_FACTORS);
  if (!added) await refuseActivation(deps, account, factor, release);
  await deletePendingFactor(deps.db, account.userId, pending.id);
  await recordAudit(
    deps,
    { action: "FACTOR_ADDED", actor: { id: account.userId, email: account.email }, subject: { id: account.userId, email: account.email }, detail: `${factor.kind}: ${factor.label}` },
    [userStream(account.userId)],
  );
  return factor;
}
