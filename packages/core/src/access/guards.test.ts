// Threat: a second adapter (a CLI, REST) skips a check GraphQL used to make. The guards are core's
// own: a password-only or stale session cannot pass the step-up guard, a lapsed one holds AAL1, and
// an administrator without 2FA is refused before anything else.
import { expect, test } from "vitest";
import type { Account } from "../accounts/account.js";
import { NotAllowedError, NotSignedInError, StepUpRequiredError } from "../errors.js";
import type { SessionRecord } from "../sessions/session.js";
import type { Caller } from "./caller.js";
import { requireAdministrator, requireSameUser, requireSignedIn, requireStepUpOnceEnabled } from "./guards.js";

const now = new Date("2026-01-01T12:00:00Z");
const clock = { clock: { now: () => now } };
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

function caller(twoFactorEnabled: boolean, session: Partial<SessionRecord>): Caller {
  return {
    account: { userId: "usr_a", email: "a@example.com", twoFactorEnabled } as Account,
    session: { id: "ses_a", aal: "AAL1", ...session } as SessionRecord,
    token: "t",
    enforcement: { enforcedByDomain: false, enrolmentRequired: false, mustEnrolNow: false },
  };
}

test("no session: NotSignedInError", () => {
  expect(() => requireSignedIn(undefined)).toThrow(NotSignedInError);
});

test("with 2FA on, only an AAL2 proof of the last ten minutes passes", () => {
  expect(() => requireStepUpOnceEnabled(clock, caller(true, { aal: "AAL1" }))).toThrow(StepUpRequiredError);
  expect(() => requireStepUpOnceEnabled(clock, caller(true, { aal: "AAL2", aal2At: minutesAgo(11) }))).toThrow(StepUpRequiredError);
  expect(() => requireStepUpOnceEnabled(clock, caller(true, { aal: "AAL2", aal2At: minutesAgo(9) }))).not.toThrow();
  expect(() => requireStepUpOnceEnabled(clock, caller(false, { aal: "AAL1" }))).not.toThrow();
});

test("an administrator needs their own 2FA, then a fresh step-up", () => {
  expect(() => requireAdministrator(clock, caller(false, { aal: "AAL2", aal2At: minutesAgo(1) }))).toThrow(NotAllowedError);
  expect(() => requireAdministrator(clock, caller(true, { aal: "AAL1" }))).toThrow(StepUpRequiredError);
  expect(() => requireAdministrator(clock, caller(true, { aal: "AAL2", aal2At: minutesAgo(1) }))).not.toThrow();
});

test("same user: anyone else's id is refused", () => {
  expect(() => requireSameUser(caller(true, {}), "usr_b")).toThrow(NotAllowedError);
  expect(() => requireSameUser(caller(true, {}), undefined)).toThrow(NotAllowedError);
  expect(() => requireSameUser(caller(true, {}), "usr_a")).not.toThrow();
});
