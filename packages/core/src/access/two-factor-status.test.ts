// Threat: a member reads another user's 2FA status (factor labels, backup codes left) because
// their name shows up in an audit event. The decision is pure: the user, or an owner of their
// verified domain; nobody else, and nobody at all without a session.
import { expect, test } from "vitest";
import type { DomainRecord } from "../domains/domain.js";
import { mayReadTwoFactorStatus } from "./two-factor-status.js";

const subject = { userId: "usr_subject" };
const owner = { userId: "usr_owner", email: "owner@example.com" };
const domain = (verified: boolean): DomainRecord =>
  ({ name: "example.com", verified, owners: [owner.email], enforceTwoFactor: false, gracePeriodDays: 0, createdAt: "" }) as unknown as DomainRecord;

test("the user themselves may read their status, without any domain", () => {
  expect(mayReadTwoFactorStatus({ userId: "usr_subject", email: "s@example.com" }, subject)).toBe(true);
});

test("an owner of the subject's verified domain may; of an unverified one may not", () => {
  expect(mayReadTwoFactorStatus(owner, subject, domain(true))).toBe(true);
  expect(mayReadTwoFactorStatus(owner, subject, domain(false))).toBe(false);
});

test("another member, or nobody signed in, may not", () => {
  expect(mayReadTwoFactorStatus({ userId: "usr_member", email: "member@example.com" }, subject, domain(true))).toBe(false);
  expect(mayReadTwoFactorStatus(undefined, subject, domain(true))).toBe(false);
});
