import { UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { userRef, type Account } from "../accounts/account.js";
import { getAccount, toAccount } from "../accounts/accounts.js";
import { domainOf, normaliseEmail } from "../accounts/email.js";
import { recordAudit, userStream } from "../audit/audit.js";
import { epochSeconds } from "../clock.js";
import { dummyPasswordHash, verifyPassword } from "../crypto/passwords.js";
import { batchGet } from "../db/batch.js";
import { isConditionFailed } from "../db/client.js";
import { keys } from "../db/keys.js";
import type { Deps, RequestInfo } from "../deps.js";
import { toDomain } from "../domains/domain.js";
import { enforcementFor, getDomain } from "../domains/policy.js";
import { ExpiredError, InvalidCodeError, InvalidCredentialsError, ValidationError } from "../errors.js";
import { methodForProof } from "../factors/registry.js";
import type { ProofField, SignInAccount, SignInProof } from "../factors/types.js";
import { sessionAttributes, createSession } from "../sessions/sessions.js";
import type { IssuedSession } from "../sessions/session.js";
import { CHALLENGE_MAX_ATTEMPTS, type SignInChallengeView } from "./challenge.js";
import { challengeView, createChallenge, failChallengeAttempt, loadLiveChallenge } from "./challenges.js";

export type SignInOutcome =
  | { kind: "signedIn"; session: IssuedSession; account: Account }
  | { kind: "secondFactorRequired"; challenge: SignInChallengeView };

/**
 * The password step. One BatchGet reads the account, the failure counters and the domain's
 * policy; one conditional write reserves the attempt; then either a second-step challenge (3
 * requests in all) or, with the unit given back, a session (4) is written.
 */
export async function signIn(deps: Deps, input: { email: string; password: string }, request: RequestInfo): Promise<SignInOutcome> {
  let email: string;
  try {
    email = normaliseEmail(input.email);
  } catch {
    throw new InvalidCredentialsError();
  }
  const { limits, limiter } = deps;
  const [accountItem, ipFailures, domainItem, secondFactorFailures] = await batchGet(deps.db, [
    keys.account(email),
    limiter.key(limits.signInFailuresPerIp, request.ip),
    keys.domain(domainOf(email)),
    limiter.key(limits.secondFactorFailuresPerAccount, email),
  ]);
  const ipRefusal = limiter.refusal(limits.signInFailuresPerIp, ipFailures);
  if (ipRefusal) throw ipRefusal;
  // Every attempt takes a unit of the account's budget before the password is checked: however many
  // guesses arrive at once, at most `max` are ever tried. Counted per email whether or not it
  // exists, so a lockout reveals nothing either.
  await limiter.hit(limits.signInAttemptsPerAccount, email);

  const account = toAccount(accountItem);
  // Unknown email and wrong password take the same path and the same time.
  const passwordOk = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!account || !passwordOk) {
    await limiter.recordFailure(limits.signInFailuresPerIp, request.ip);
    throw new InvalidCredentialsError();
  }

  const enforcement = enforcementFor(toDomain(domainItem), account, deps.clock.now());
  if (account.twoFactorEnabled) {
    // An account locked for wrong second factors gets no new challenge until the lock ends. The
    // attempt's unit stays spent: it is what bounds second-factor guessing.
    const locked = limiter.refusal(limits.secondFactorFailuresPerAccount, secondFactorFailures);
    if (locked) throw locked;
    const challenge = await createChallenge(deps, account, false);
    return { kind: "secondFactorRequired", challenge: challengeView(challenge, account) };
  }
  await limiter.release(limits.signInAttemptsPerAccount, email);
  const session = await createSession(deps, account, "AAL1", enforcement.mustEnrolNow);
  deps.log.info({ event: "signIn", userId: account.userId, aal: "AAL1" }, "signed in");
  return { kind: "signedIn", session, account };
}

/**
 * The session a sign-up starts with: the password was just set, so it is not checked again (an
 * argon2 verify saved). The domain may already enforce 2FA with no grace period.
 */
export async function sessionForNewAccount(deps: Deps, account: Account): Promise<IssuedSession> {
  const enforcement = enforcementFor(await getDomain(deps, account.domain), account, deps.clock.now());
  return createSession(deps, account, "AAL1", enforcement.mustEnrolNow);
}

export function chosenProof(proof: SignInProof): { field: ProofField; value: unknown } {
  const given = (Object.entries(proof) as [ProofField, unknown][]).filter(([, v]) => v !== undefined && v !== null);
  if (given.length !== 1) {
    throw new ValidationError("Give exactly one of totpCode, smsCode, backupCode or webAuthnResponse.", "challengeId");
  }
  const [[field, value]] = given as [[ProofField, unknown]];
  return { field, value };
}

/**
 * The second step. The proof's method consumes its single-use material (a conditional write on
 * the live account or challenge); then one conditional write turns the challenge into the
 * session, so a challenge yields at most one session. With TOTP that is 3 requests in all: read
 * the challenge, spend the time step, make the session. The account is read only if the caller
 * asks for the user.
 */
export async function completeSignIn(
  deps: Deps,
  input: { challengeId: string } & SignInProof,
  request: RequestInfo,
): Promise<{ session: IssuedSession; loadAccount: () => Promise<Account> }> {
  const { challengeId, ...proofs } = input;
  const { field, value } = chosenProof(proofs);
  const method = methodForProof(field);
  if (!method) throw new ValidationError("That kind of proof is not available.", field);

  const challenge = await loadLiveChallenge(deps, challengeId);
  const { limits, limiter } = deps;
  const account: SignInAccount = { userId: challenge.userId, email: challenge.email, factors: challenge.factors ?? {} };

  const verified = await method.verify(deps, { account, challenge, proof: value, request });
  if (!verified) {
    // A proof can also fail because the account changed under the challenge (2FA turned off or
    // reset by a domain owner): that challenge is stale, not answered wrongly.
    const live = await getAccount(deps, challenge.email);
    if (!live || live.userId !== challenge.userId || !live.twoFactorEnabled || (live.sessionsValidFrom ?? "") > challenge.createdAt) {
      throw new ExpiredError();
    }
    const remaining = await failChallengeAttempt(deps, challenge);
    const lockBegan = await limiter.recordFailure(limits.secondFactorFailuresPerAccount, challenge.email);
    const who = { actor: userRef(account), subject: userRef(account) };
    await recordAudit(deps, { action: "SECOND_FACTOR_FAILED", ...who, detail: `${method.name} from ${request.ip}` }, [
      userStream(account.userId),
    ]);
    if (lockBegan) {
      await recordAudit(deps, { action: "SECOND_FACTOR_LOCKED", ...who, detail: `after ${limits.secondFactorFailuresPerAccount.max} failures` }, [
        userStream(account.userId),
      ]);
    }
    throw new InvalidCodeError(remaining);
  }

  const { attributes, issue } = sessionAttributes(deps, "AAL2", challenge.enrolmentRequired);
  try {
    await deps.db.doc.send(
      new UpdateCommand({
        TableName: deps.db.table,
        Key: keys.session(challenge.id),
        UpdateExpression:
          "SET #type = :session, tokenHash = :tokenHash, aal = :aal, aal2At = :aal2At, createdAt = :createdAt, expiresAt = :expiresAt, lastSeenAt = :lastSeenAt, enrolmentRequired = :enrolmentRequired REMOVE #state, attempts, factors",
        // Invariant: a challenge becomes a session once, unexpired and within its attempt budget.
        ConditionExpression: "#type = :challenge AND attempts < :max AND expiresAt > :now",
        ExpressionAttributeNames: { "#type": "type", "#state": "state" },
        ExpressionAttributeValues: {
          ":session": "session",
          ":challenge": "challenge",
          ":tokenHash": attributes.tokenHash,
          ":aal": attributes.aal,
          ":aal2At": attributes.aal2At,
          ":createdAt": attributes.createdAt,
          ":expiresAt": attributes.expiresAt,
          ":lastSeenAt": attributes.lastSeenAt,
          ":enrolmentRequired": attributes.enrolmentRequired,
          ":max": CHALLENGE_MAX_ATTEMPTS,
          ":now": epochSeconds(deps.clock.now()),
        },
      }),
    );
  } catch (error) {
    if (isConditionFailed(error)) throw new ExpiredError();
    throw error;
  }
  deps.log.info({ event: "signIn", userId: account.userId, aal: "AAL2", method: method.name }, "signed in");
  return { session: issue(challenge.id), loadAccount: () => getAccount(deps, challenge.email).then(existing) };
}

function existing(account: Account | undefined): Account {
  if (!account) throw new ExpiredError();
  return account;
}
