import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import type { Account, FactorKind, StoredFactor } from "../accounts/account.js";
import { recordAudit, userStream } from "../audit/audit.js";
import { epochSeconds } from "../clock.js";
import { getAccount } from "../accounts/accounts.js";
import { isConditionFailed, writeIf } from "../db/client.js";
import { keys } from "../db/keys.js";
import type { Deps } from "../deps.js";
import { ExpiredError, InvalidCodeError, ValidationError } from "../errors.js";
import { hasPrefix, newId } from "../ids.js";
import { methodForKind } from "./registry.js";
import type { Reservation } from "../rate-limit/limiter.js";

/** A factor being enrolled: it exists only until confirmed, and only for a few minutes. */
export interface PendingFactor {
  id: string;
  userId: string;
  kind: FactorKind;
  label: string;
  createdAt: string;
  expiresAt: number;
  attempts: number;
  data: Record<string, unknown>;
}

/** A pending factor as its start returns it: with the enrolment-start unit, should the start be undone. */
export type StartedPending = PendingFactor & { startReservation: Reservation };

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

export async function startPending(
  deps: Deps,
  account: Account,
  pending: Pick<PendingFactor, "kind" | "label" | "data"> & { ttlSeconds?: number },
): Promise<StartedPending> {
  // A first check against the caller's snapshot; the cap itself is held when a factor is confirmed.
  if (Object.keys(account.factors ?? {}).length >= MAX_FACTORS) throw tooManyFactors();
  const startReservation = await deps.limiter.hit(deps.limits.enrolmentStartsPerAccount, account.userId);
  const now = deps.clock.now();
  const record: PendingFactor = {
    id: newId("fac"),
    userId: account.userId,
    kind: pending.kind,
    label: pending.label,
    createdAt: now.toISOString(),
    expiresAt: epochSeconds(now) + (pending.ttlSeconds ?? PENDING_TTL_SECONDS),
    attempts: 0,
    data: pending.data,
  };
  await deps.db.doc.send(
    new PutCommand({
      TableName: deps.db.table,
      Item: { ...keys.pendingFactor(account.userId, record.id), type: "pendingFactor", ...record },
    }),
  );
  // The start's unit travels with the record (not stored) so an undone start can give it back.
  return { ...record, startReservation };
}

/** The caller's own pending factor of this kind, still within its lifetime and attempt budget. */
export async function loadPending(deps: Deps, account: Account, factorId: string, kind: FactorKind): Promise<PendingFactor> {
  // Anything that is not one of our ids cannot name a pending factor (and must not reach a key).
  if (!hasPrefix(factorId, "fac")) throw new ExpiredError("This enrolment has expired or was already completed. Start again.");
  const { Item } = await deps.db.doc.send(
    new GetCommand({ TableName: deps.db.table, Key: keys.pendingFactor(account.userId, factorId), ConsistentRead: true }),
  );
  const pending = Item as (PendingFactor & { type: string }) | undefined;
  if (!pending || pending.type !== "pendingFactor" || pending.kind !== kind) {
    throw new ExpiredError("This enrolment has expired or was already completed. Start again.");
  }
  if (epochSeconds(deps.clock.now()) >= pending.expiresAt || pending.attempts >= PENDING_MAX_ATTEMPTS) {
    throw new ExpiredError("This enrolment has expired. Start again.");
  }
  return pending;
}

/** Counts a wrong code against a pending factor; the sixth one kills it. Throws the error to show. */
export async function failPending(deps: Deps, pending: PendingFactor): Promise<never> {
  let attempts: number;
  try {
    const out = await deps.db.doc.send(
      new UpdateCommand({
        TableName: deps.db.table,
        Key: keys.pendingFactor(pending.userId, pending.id),
        UpdateExpression: "ADD attempts :one",
        // Invariant: at most PENDING_MAX_ATTEMPTS wrong codes per enrolment, however parallel.
        ConditionExpression: "attribute_exists(PK) AND attempts < :max",
        ExpressionAttributeValues: { ":one": 1, ":max": PENDING_MAX_ATTEMPTS },
        ReturnValues: "UPDATED_NEW",
      }),
    );
    attempts = out.Attributes?.attempts as number;
  } catch (error) {
    if (isConditionFailed(error)) throw new ExpiredError("Too many wrong codes. Start the enrolment again.");
    throw error;
  }
  throw new InvalidCodeError(PENDING_MAX_ATTEMPTS - attempts);
}

function tooManyFactors(): ValidationError {
  return new ValidationError(`An account can have at most ${MAX_FACTORS} factors.`, "factorId");
}

/**
 * Why a confirmation's write was refused, read afresh: this very factor is already there (a
 * parallel confirmation won), or the account is full. A full account keeps the pending factor, so
 * removing another factor and confirming again still works; but whatever the factor's method
 * claimed for it (a security key's credential id) is given back, as the factor never came to be.
 */
async function refuseActivation(deps: Deps, account: Account, factor: StoredFactor): Promise<never> {
  const fresh = await getAccount(deps, account.email);
  if (!fresh || fresh.userId !== account.userId || fresh.factors?.[factor.id]) {
    throw new ExpiredError("This enrolment was already completed.");
  }
  await methodForKind(factor.kind)?.onRemoved?.(deps, account, factor);
  throw tooManyFactors();
}

/**
 * Makes a pending factor active: one conditional write adds it to the account (so a factor never
 * exists half-made), then the pending item is removed and the change audited.
 */
export async function activatePending(
  deps: Deps,
  account: Account,
  pending: PendingFactor,
  data: Record<string, unknown>,
): Promise<StoredFactor> {
  const factor: StoredFactor = {
    id: pending.id,
    kind: pending.kind,
    label: pending.label,
    createdAt: deps.clock.now().toISOString(),
    data,
  };
  const added = await writeIf(
    deps.db,
    new UpdateCommand({
      TableName: deps.db.table,
      Key: keys.account(account.email),
      UpdateExpression: "SET factors.#id = :factor",
      // Invariants: a pending factor is confirmed once, into its own account only; and an account
      // never holds more than MAX_FACTORS, however many enrolments were started before it filled.
      ConditionExpression: "userId = :userId AND attribute_not_exists(factors.#id) AND size(factors) < :max",
      ExpressionAttributeNames: { "#id": factor.id },
      ExpressionAttributeValues: { ":factor": factor, ":userId": account.userId, ":max": MAX_FACTORS },
    }),
  );
  if (!added) await refuseActivation(deps, account, factor);
  await deps.db.doc.send(
    new DeleteCommand({ TableName: deps.db.table, Key: keys.pendingFactor(account.userId, pending.id) }),
  );
  await recordAudit(
    deps,
    { action: "FACTOR_ADDED", actor: { id: account.userId, email: account.email }, subject: { id: account.userId, email: account.email }, detail: `${factor.kind}: ${factor.label}` },
    [userStream(account.userId)],
  );
  return factor;
}
