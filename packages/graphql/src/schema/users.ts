import { auditActions, readAudit, userStream, withPageUsers, type AuditEventWithUsers, type StoredFactor } from "@access-identity/core";
import { builder } from "../builder.js";
import { FactorKindEnum, statusFor, UserRef } from "./accounts.js";
import { AFTER_ARG, connection, FIRST_ARG, pageOf } from "./common.js";
import { NodeRef } from "./node.js";

export const FactorRef = builder.objectRef<StoredFactor>("Factor").implement({
  description: "A confirmed second factor of a user. Seen by the user and by the owners of their verified domain.",
  interfaces: [NodeRef],
  fields: (t) => ({
    id: t.exposeID("id", { description: "Global id (`fac_…`); pass it as `factorId` to renameFactor and removeFactor." }),
    kind: t.field({ type: FactorKindEnum, description: "What kind of factor it is.", resolve: (f) => f.kind }),
    label: t.exposeString("label", { description: 'TOTP: the name given or "Authenticator app"; SMS: the masked phone; WEBAUTHN: the nickname.' }),
    createdAt: t.field({ type: "DateTime", description: "When it was confirmed.", resolve: (f) => f.createdAt }),
    lastUsedAt: t.field({ type: "DateTime", nullable: true, description: "When it last passed a sign-in; null if never.", resolve: (f) => f.lastUsedAt ?? null }),
  }),
});

export const TwoFactorStatusRef = builder.objectRef<Awaited<ReturnType<typeof statusFor>>>("TwoFactorStatus").implement({
  description: "A user's two-factor state. Seen by the user and by the owners of their verified domain (FORBIDDEN for anyone else).",
  fields: (t) => ({
    enabled: t.exposeBoolean("enabled", { description: "2FA is on: sign-ins need a second factor." }),
    enforcedByDomain: t.exposeBoolean("enforcedByDomain", { description: "The user's verified domain requires 2FA of its members." }),
    enrolmentRequired: t.exposeBoolean("enrolmentRequired", { description: "The domain enforces 2FA and it is not enabled yet." }),
    enrolmentDeadline: t.field({
      type: "DateTime",
      nullable: true,
      description: "End of the domain's grace period, if any: after it, a member without 2FA may only set it up.",
      resolve: (s) => s.enrolmentDeadline ?? null,
    }),
    factors: t.field({ type: [FactorRef], description: "Confirmed factors only.", resolve: (s) => s.factors }),
    backupCodesRemaining: t.exposeInt("backupCodesRemaining", { description: "Unused backup codes left (0-10)." }),
  }),
});

UserRef.implement({
  description: "An account. A user sees their own; owners of a verified domain see its members; audit events name users too.",
  interfaces: [NodeRef],
  fields: (t) => ({
    id: t.field({ type: "ID", description: "Global id (`usr_…`), stable for the account's life.", resolve: (u) => u.userId }),
    email: t.exposeString("email", { description: "The sign-in email, lower-cased." }),
    domain: t.exposeString("domain", { description: "The part of the email after @, lower-cased (ASCII form)." }),
    createdAt: t.field({ type: "DateTime", description: "When the account signed up.", resolve: (u) => u.createdAt }),
    emailVerified: t.boolean({
      description: "The owner opened the verification link emailed to this address. Only verified addresses count for domains.",
      resolve: (u) => u.emailVerified === true,
    }),
    twoFactor: t.field({
      type: TwoFactorStatusRef,
      description: "The user's 2FA state: for the user and the owners of their verified domain only (FORBIDDEN otherwise).",
      resolve: (u, _args, context) => statusFor(context, u),
    }),
  }),
});

const auditActionDescriptions: Record<string, string> = {
  FACTOR_ADDED: "A second factor was confirmed; detail names it.",
  FACTOR_REMOVED: "A second factor was removed.",
  FACTOR_RENAMED: "A second factor was renamed.",
  TWO_FACTOR_ENABLED: "2FA was turned on.",
  TWO_FACTOR_DISABLED: "2FA was turned off by the user.",
  TWO_FACTOR_RESET: "A domain owner reset the member's 2FA; detail holds their reason.",
  BACKUP_CODES_GENERATED: "A new set of backup codes replaced the old one.",
  BACKUP_CODE_USED: "A backup code signed in.",
  SECOND_FACTOR_FAILED: "A second-factor proof was refused (wrong or already used); detail says which method and from where.",
  SECOND_FACTOR_LOCKED: "The account's budget of failed second-factor proofs ran out.",
  WEBAUTHN_COUNTER_REGRESSION: "A security key's signature counter went backwards: the key may have been cloned.",
  DOMAIN_CLAIMED: "The domain was claimed (a DNS proof started).",
  DOMAIN_VERIFIED: "The domain was proven by DNS.",
  DOMAIN_POLICY_CHANGED: "The domain's 2FA policy changed; detail has the new policy.",
  DOMAIN_OWNER_ADDED: "An owner was added to the domain.",
  DOMAIN_OWNER_REMOVED: "An owner was removed from the domain.",
};
/** An action without its own words reads as its name, sentence-cased: never undocumented. */
const sentence = (name: string) => `${name.charAt(0)}${name.slice(1).toLowerCase().replaceAll("_", " ")}.`;
export const AuditActionEnum = builder.enumType("AuditAction", {
  description: "What an audit event records.",
  values: Object.fromEntries(auditActions.map((a) => [a, { description: auditActionDescriptions[a] ?? sentence(a) }])),
});

/**
 * A user named in an audit event, looked up lazily, and for the whole page at once (withPageUsers:
 * one BatchGet per page, not one read per event); null once the account is gone.
 */
export const AuditEventRef = builder.objectRef<AuditEventWithUsers>("AuditEvent").implement({
  description: "Something that happened to an account's or a domain's security, kept 400 days. Seen in the user's own log and, for domain events, by the domain's owners.",
  interfaces: [NodeRef],
  fields: (t) => ({
    id: t.exposeID("id", { description: "Global id (`evt_…`); ids sort by time." }),
    at: t.field({ type: "DateTime", description: "When it happened.", resolve: (e) => e.at }),
    action: t.field({ type: AuditActionEnum, description: "What happened.", resolve: (e) => e.action }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description: "Who did it; null once that account is gone.",
      resolve: async (e) => (e.actor ? ((await e.pageUsers()).get(e.actor.email) ?? null) : null),
    }),
    subject: t.field({
      type: UserRef,
      nullable: true,
      description: "Whose account it concerns; null for domain events without one, or once the account is gone.",
      resolve: async (e) => (e.subject ? ((await e.pageUsers()).get(e.subject.email) ?? null) : null),
    }),
    detail: t.exposeString("detail", { nullable: true, description: "Human-readable context (a factor's label, an owner's reason); never a secret." }),
  }),
});

export const AuditEventConnection = connection("AuditEvent", AuditEventRef, "audit event");

builder.queryField("auditLog", (t) =>
  t.field({
    type: AuditEventConnection,
    description: "The caller's own events, newest first.",
    authScopes: { fullAccess: true },
    args: { first: t.arg.int({ description: FIRST_ARG }), after: t.arg.string({ description: AFTER_ARG }) },
    resolve: async (_root, args, { deps, caller }) => pageOf(withPageUsers(deps, await readAudit(deps, userStream(caller!.account.userId), args)), args),
  }),
);
