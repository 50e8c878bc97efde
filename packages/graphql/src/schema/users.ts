import { auditActions, readAudit, userStream, withPageUsers, type AuditEventWithUsers, type StoredFactor } from "@access-identity/core";
import { builder } from "../builder.js";
import { FactorKindEnum, statusFor, UserRef } from "./accounts.js";
import { connection } from "./common.js";

export const FactorRef = builder.objectRef<StoredFactor>("Factor").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    kind: t.field({ type: FactorKindEnum, resolve: (f) => f.kind }),
    label: t.exposeString("label", { description: 'TOTP: the name given or "Authenticator app"; SMS: the masked phone; WEBAUTHN: the nickname.' }),
    createdAt: t.field({ type: "DateTime", resolve: (f) => f.createdAt }),
    lastUsedAt: t.field({ type: "DateTime", nullable: true, resolve: (f) => f.lastUsedAt ?? null }),
  }),
});

export const TwoFactorStatusRef = builder.objectRef<Awaited<ReturnType<typeof statusFor>>>("TwoFactorStatus").implement({
  fields: (t) => ({
    enabled: t.exposeBoolean("enabled"),
    enforcedByDomain: t.exposeBoolean("enforcedByDomain"),
    enrolmentRequired: t.exposeBoolean("enrolmentRequired", { description: "The domain enforces 2FA and it is not enabled yet." }),
    enrolmentDeadline: t.field({ type: "DateTime", nullable: true, resolve: (s) => s.enrolmentDeadline ?? null }),
    factors: t.field({ type: [FactorRef], description: "Confirmed factors only.", resolve: (s) => s.factors }),
    backupCodesRemaining: t.exposeInt("backupCodesRemaining"),
  }),
});

UserRef.implement({
  fields: (t) => ({
    id: t.field({ type: "ID", resolve: (u) => u.userId }),
    email: t.exposeString("email"),
    domain: t.exposeString("domain"),
    createdAt: t.field({ type: "DateTime", resolve: (u) => u.createdAt }),
    twoFactor: t.field({ type: TwoFactorStatusRef, resolve: (u, _args, context) => statusFor(context, u) }),
  }),
});

export const AuditActionEnum = builder.enumType("AuditAction", { values: auditActions });

/**
 * A user named in an audit event, looked up lazily, and for the whole page at once (withPageUsers:
 * one BatchGet per page, not one read per event); null once the account is gone.
 */
export const AuditEventRef = builder.objectRef<AuditEventWithUsers>("AuditEvent").implement({
  fields: (t) => ({
    id: t.exposeID("id"),
    at: t.field({ type: "DateTime", resolve: (e) => e.at }),
    action: t.field({ type: AuditActionEnum, resolve: (e) => e.action }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      resolve: async (e) => (e.actor ? ((await e.pageUsers()).get(e.actor.email) ?? null) : null),
    }),
    subject: t.field({
      type: UserRef,
      nullable: true,
      resolve: async (e) => (e.subject ? ((await e.pageUsers()).get(e.subject.email) ?? null) : null),
    }),
    detail: t.exposeString("detail", { nullable: true }),
  }),
});

export const AuditEventConnection = connection("AuditEvent", AuditEventRef);

builder.queryField("auditLog", (t) =>
  t.field({
    type: AuditEventConnection,
    description: "The caller's own events, newest first.",
    authScopes: { fullAccess: true },
    args: { first: t.arg.int(), after: t.arg.string() },
    resolve: async (_root, args, { deps, caller }) => withPageUsers(deps, await readAudit(deps, userStream(caller!.account.userId), args)),
  }),
);
