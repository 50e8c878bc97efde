import type { Deps } from "../deps.js";
import { NotAllowedError, NotSignedInError, StepUpRequiredError } from "../errors.js";
import { STEP_UP_SECONDS, type SessionRecord } from "../sessions/session.js";
import type { Caller } from "./caller.js";

/**
 * The guards sensitive core operations apply themselves. Each throws the refusal a user can act
 * on; the adapters only map those to their own answers (GraphQL: the result unions).
 */

/** A live session: anything else is answered as "sign in first". */
export function requireSignedIn(caller: Caller | undefined): asserts caller is Caller {
  if (!caller) throw new NotSignedInError();
}

/** The session holds AAL2 now (its second factor has not lapsed). */
export function requireAal2(caller: Caller): void {
  if (caller.session.aal !== "AAL2") throw new StepUpRequiredError();
}

/** Whether a second factor was proved on this session within the last ten minutes (and has not lapsed since). */
export function isRecentStepUp(deps: Pick<Deps, "clock">, session: Pick<SessionRecord, "aal" | "aal2At">): boolean {
  const provedAt = session.aal2At ? Date.parse(session.aal2At) : Number.NaN;
  const age = (deps.clock.now().getTime() - provedAt) / 1000;
  return session.aal === "AAL2" && age <= STEP_UP_SECONDS;
}

/** Sensitive changes need a second factor proved on this session within the last ten minutes. */
export function requireRecentStepUp(deps: Pick<Deps, "clock">, caller: Pick<Caller, "session">): void {
  if (!isRecentStepUp(deps, caller.session)) throw new StepUpRequiredError();
}

/**
 * Once 2FA is on, changing what protects the account needs a recent step-up: else a stolen
 * password-only session could enrol its own authenticator, or remove the owner's, and step up
 * with it. Before 2FA is on there is no second factor to ask for.
 */
export function requireStepUpOnceEnabled(deps: Pick<Deps, "clock">, caller: Pick<Caller, "session" | "account">): void {
  if (caller.account.twoFactorEnabled) requireRecentStepUp(deps, caller);
}

/** The caller has 2FA on: what an administrator must have before administering others' 2FA. */
export function requireTwoFactorOn(caller: Pick<Caller, "account">, message = "Turn on two-factor authentication for your own account first."): void {
  if (!caller.account.twoFactorEnabled) throw new NotAllowedError(message);
}

/**
 * Administering a domain (its policy, owners, members' 2FA): the caller's own 2FA on, and a
 * second factor proved within ten minutes (API.md "Domain administration needs the
 * administrator's own 2FA").
 */
export function requireAdministrator(deps: Pick<Deps, "clock">, caller: Pick<Caller, "session" | "account">): void {
  requireTwoFactorOn(caller, "Domain administration needs two-factor authentication on your own account: turn it on, then sign in with it.");
  requireRecentStepUp(deps, caller);
}

/** The thing asked about is the caller's own; anyone else's is refused without saying whether it exists. */
export function requireSameUser(caller: Pick<Caller, "account">, userId: string | undefined, message = "You are not allowed to do this."): void {
  if (userId !== caller.account.userId) throw new NotAllowedError(message);
}
