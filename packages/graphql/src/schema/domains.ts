import {
  addDomainOwner,
  claimDomain,
  domainAuditLog,
  DomainNotVerifiedError,
  DomainVerificationFailedError,
  ExpiredError,
  getAccounts,
  isOwner,
  listDomainMembers,
  NotAllowedError,
  parseDomainName,
  pendingClaim,
  removeDomainOwner,
  resetUserTwoFactor,
  setDomainTwoFactorPolicy,
  StepUpRequiredError,
  ValidationError,
  verifyDomain,
  viewDomain,
  type Account,
  type DomainClaim,
  type DomainMember,
  type DomainRecord,
} from "@access-identity/core";
import { builder, isHeldForEnrolment } from "../builder.js";
import type { Context } from "../context.js";
import { UserRef } from "./accounts.js";
import { AFTER_ARG, connection, FIRST_ARG, pageOf } from "./common.js";
import { NodeRef } from "./node.js";
import { commonErrors } from "./errors.js";
import { asResult, resultUnion, successType } from "./results.js";
import { AuditEventConnection, TwoFactorStatusRef } from "./users.js";

/**
 * Who owns a domain, who its members are and what happened to it is for its owners only. A Domain
 * object also reaches claimants (ClaimDomain's result) and an owner who just removed themselves,
 * so these fields check ownership against the record itself rather than trusting how it was reached.
 */
function ownerOnly(domain: DomainRecord, _args: unknown, context: Context): boolean {
  return Boolean(context.caller) && !isHeldForEnrolment(context) && isOwner(domain, context.caller!.account.email);
}

const DomainMemberRef = builder.objectRef<DomainMember>("DomainMember").implement({
  description: "A member of a domain (an account with an email on it) and their 2FA state under its policy.",
  fields: (t) => ({
    // A User read from the members index: its fields (id, email, domain, createdAt, twoFactor) are all projected there.
    user: t.field({ type: UserRef, description: "The member's account.", resolve: (m) => m.account as Account }),
    email: t.string({ description: "The member's email.", resolve: (m) => m.account.email }),
    twoFactor: t.field({ type: TwoFactorStatusRef, description: "The member's 2FA state under the domain's policy.", resolve: (m) => m.twoFactor }),
    emailVerified: t.boolean({ description: "Whether the member verified their address: only verified ones can claim or own the domain.", resolve: (m) => m.account.emailVerified === true }),
  }),
});
const DomainMemberConnection = connection("DomainMember", DomainMemberRef, "domain member");

const DomainRef = builder.objectRef<DomainRecord>("Domain").implement({
  description: "An email domain (the part after @, in ASCII form) as proven by DNS, with its 2FA policy.",
  interfaces: [NodeRef],
  fields: (t) => ({
    id: t.id({ description: "Global id (`dom_…`): refetch with `node(id:)`.", resolve: (d) => domainId(d.name) }),
    name: t.exposeString("name", { description: "The domain name, lower-cased, in ASCII (punycode) form." }),
    verified: t.exposeBoolean("verified", { description: "Proven by its DNS TXT record." }),
    verifiedAt: t.field({ type: "DateTime", nullable: true, description: "When it was first proven; null until then.", resolve: (d) => d.verifiedAt ?? null }),
    enforceTwoFactor: t.exposeBoolean("enforceTwoFactor", { description: "Members must have 2FA (after the grace period)." }),
    gracePeriodDays: t.exposeInt("gracePeriodDays", { description: "Days a member without 2FA may still sign in normally once enforcement starts (or they join)." }),
    enforcedAt: t.field({ type: "DateTime", nullable: true, description: "When enforcement was switched on.", resolve: (d) => d.enforcedAt ?? null }),
    owners: t.field({
      type: [UserRef],
      description: "Who administers the domain. Owners only.",
      authScopes: ownerOnly,
      resolve: async (d, _args, { deps }) => {
        const found = await getAccounts(deps, d.owners);
        return d.owners.map((email) => found.get(email)).filter((a): a is Account => Boolean(a));
      },
    }),
    auditLog: t.field({
      type: AuditEventConnection,
      description: "The domain's events (claims, proofs, policy, owners, resets), newest first.",
      authScopes: ownerOnly,
      args: { first: t.arg.int({ description: FIRST_ARG }), after: t.arg.string({ description: AFTER_ARG }) },
      resolve: async (d, args, { deps }) => pageOf(await domainAuditLog(deps, d.name, args), args),
    }),
    claim: t.field({
      type: DomainClaimed.ref,
      nullable: true,
      description:
        "Before the domain is verified, the caller's own live claim on it: the TXT record to publish and until when. Null once the domain is verified, and for anyone without a live claim.",
      resolve: async (d, _args, { deps, caller }) => {
        if (!caller || d.verified) return null;
        const claim = await pendingClaim(deps, caller.account, d);
        return claim ? { domain: d, claim } : null;
      },
    }),
    members: t.field({
      type: DomainMemberConnection,
      description: "Every account on this domain by email, with its 2FA state: who still has to enrol.",
      authScopes: ownerOnly,
      args: { first: t.arg.int({ description: FIRST_ARG }), after: t.arg.string({ description: AFTER_ARG }) },
      resolve: async (d, args, { deps }) => pageOf(await listDomainMembers(deps, d, args), args),
    }),
  }),
});

type ClaimShown = { domain: DomainRecord; claim: DomainClaim };
// Annotated: Domain.claim and DomainClaim.domain refer to each other.
const DomainClaimed: ReturnType<typeof successType<ClaimShown>> = successType<ClaimShown>("DomainClaim", {
  description: "Publish a TXT record named `txtRecordName` with the value `txtRecordValue`, then call verifyDomain before `expiresAt`.",
  fields: (t) => ({
    // Nullable so that selecting an owner-only field (owners, members, auditLog) before the caller is
    // an owner nulls just this field, with its FORBIDDEN error, not the claim's record name and value.
    domain: t.field({
      type: DomainRef,
      nullable: true,
      description: "The domain as it stands. Its owners, members and auditLog are for owners only: selected before you are one, this is null with a FORBIDDEN error (the claim is made all the same).",
      resolve: (c) => c.domain,
    }),
    txtRecordName: t.string({ description: "The DNS name to publish the TXT record at: `_access-identity.<domain>`.", resolve: (c) => c.claim.txtRecordName }),
    txtRecordValue: t.string({ description: "The exact TXT value to publish.", resolve: (c) => c.claim.txtRecordValue }),
    expiresAt: t.field({ type: "DateTime", description: "Verify before this moment (7 days), else claim again.", resolve: (c) => new Date(c.claim.expiresAt * 1000) }),
  }),
});

/** The success members that only carry the domain as it is after the change. */
function domainResult(name: string, description: string) {
  return successType<{ domain: DomainRecord }>(name, {
    description,
    fields: (t) => ({ domain: t.field({ type: DomainRef, description: "The domain as it now is.", resolve: (r) => r.domain }) }),
  });
}
const DomainVerified = domainResult("DomainVerified", "The domain is proven and the caller is one of its owners.");
const DomainPolicyUpdated = domainResult("DomainPolicyUpdated", "The domain's 2FA policy was changed.");
const DomainOwnersUpdated = domainResult("DomainOwnersUpdated", "The domain's owners were changed.");

const TwoFactorReset = successType<{ user: Account }>("TwoFactorReset", {
  description: "The member's 2FA was reset: no factors, no backup codes, signed out everywhere.",
  fields: (t) => ({ user: t.field({ type: UserRef, description: "The member after the reset.", resolve: (r) => r.user }) }),
});

const ClaimDomainResult = resultUnion("ClaimDomainResult", [DomainClaimed.ref], [NotAllowedError, ValidationError, ...commonErrors]);
const VerifyDomainResult = resultUnion("VerifyDomainResult", [DomainVerified.ref], [
  DomainVerificationFailedError,
  NotAllowedError,
  ExpiredError,
  ...commonErrors,
]);
// Domain administration changes other people's security: the admin has 2FA on and steps up first.
const SetDomainPolicyResult = resultUnion("SetDomainPolicyResult", [DomainPolicyUpdated.ref], [
  DomainNotVerifiedError,
  NotAllowedError,
  ValidationError,
  StepUpRequiredError,
  ...commonErrors,
]);
const DomainOwnersResult = resultUnion("DomainOwnersResult", [DomainOwnersUpdated.ref], [
  NotAllowedError,
  DomainNotVerifiedError,
  ValidationError,
  StepUpRequiredError,
  ...commonErrors,
]);
const ResetUserTwoFactorResult = resultUnion("ResetUserTwoFactorResult", [TwoFactorReset.ref], [
  DomainNotVerifiedError,
  NotAllowedError,
  ValidationError,
  StepUpRequiredError,
  ...commonErrors,
]);

const DOMAIN_NAME = "The domain, e.g. example.com; internationalised names are accepted.";
const DomainNameInput = (typeName: string, description: string) =>
  builder.inputType(typeName, { description, fields: (t) => ({ name: t.string({ required: true, description: DOMAIN_NAME }) }) });
const ClaimDomainInput = DomainNameInput("ClaimDomainInput", "The domain to claim: the caller's own email domain.");
const VerifyDomainInput = DomainNameInput("VerifyDomainInput", "The claimed domain to verify.");
const SetDomainTwoFactorPolicyInput = builder.inputType("SetDomainTwoFactorPolicyInput", {
  description: "A verified domain's new 2FA policy.",
  fields: (t) => ({
    name: t.string({ required: true, description: DOMAIN_NAME }),
    enforce: t.boolean({ required: true, description: "Require 2FA of every member." }),
    gracePeriodDays: t.int({ description: "0-90; omitted keeps the current value (0 for a new policy)." }),
  }),
});
const DomainOwnerInput = (typeName: string, description: string) =>
  builder.inputType(typeName, {
    description,
    fields: (t) => ({ name: t.string({ required: true, description: DOMAIN_NAME }), email: t.string({ required: true, description: "The member's email." }) }),
  });
const AddDomainOwnerInput = DomainOwnerInput("AddDomainOwnerInput", "A member of the domain to make an owner.");
const RemoveDomainOwnerInput = DomainOwnerInput("RemoveDomainOwnerInput", "An owner of the domain to remove.");
const ResetUserTwoFactorInput = builder.inputType("ResetUserTwoFactorInput", {
  description: "The member whose 2FA to reset, and why.",
  fields: (t) => ({
    email: t.string({ required: true, description: "The member's email (on the caller's verified domain)." }),
    reason: t.string({ required: true, description: "1-500 characters, kept in the member's and the domain's audit logs." }),
  }),
});

builder.queryField("domain", (t) =>
  t.field({
    type: DomainRef,
    nullable: true,
    description:
      "A verified domain the caller owns; before verification, the domain the caller claimed (verified: false, with its claim). Null for anyone else (and for names that are not domains).",
    authScopes: { fullAccess: true },
    args: { name: t.arg.string({ required: true, description: DOMAIN_NAME }) },
    resolve: (_root, args, context) => domainVisibleTo(context, args.name),
  }),
);

/**
 * The domain named, if the caller may see it: its owners, or before verification the claimant
 * (core's rule, viewDomain, so every adapter answers the same); null otherwise. Also `node(id)`'s rule.
 */
export async function domainVisibleTo({ deps, caller }: Context, rawName: string): Promise<DomainRecord | null> {
  let name: string;
  try {
    name = parseDomainName(rawName);
  } catch {
    return null;
  }
  if (!caller) return null;
  return (await viewDomain(deps, caller.account, name))?.domain ?? null;
}

/** A Domain's global id: `dom_` and its ASCII name in base64url (opaque to clients, decodable here). */
export function domainId(name: string): string {
  return `dom_${Buffer.from(name, "utf8").toString("base64url")}`;
}

export function decodeDomainId(id: string): string | undefined {
  return /^dom_[A-Za-z0-9_-]{1,400}$/.test(id) ? Buffer.from(id.slice(4), "base64url").toString("utf8") : undefined;
}

builder.mutationFields((t) => ({
  claimDomain: t.field({
    type: ClaimDomainResult.ref,
    description:
      "Starts proving the caller's own email domain by DNS. While the caller's claim is live (7 days), claiming again returns it unchanged; after that, a new claim with a fresh token.",
    authScopes: { fullAccess: true },
    args: { input: t.arg({ type: ClaimDomainInput, required: true, description: "The domain." }) },
    resolve: (_root, { input }, { deps, caller }) =>
      asResult(ClaimDomainResult, async () => {
        const { claim, domain } = await claimDomain(deps, caller!.account, input);
        return DomainClaimed.of({ domain, claim });
      }),
  }),
  verifyDomain: t.field({
    type: VerifyDomainResult.ref,
    description: "Looks the claim's TXT record up in DNS; on a match the domain is verified and the caller becomes an owner.",
    authScopes: { fullAccess: true },
    args: { input: t.arg({ type: VerifyDomainInput, required: true, description: "The domain." }) },
    resolve: (_root, { input }, { deps, caller }) =>
      asResult(VerifyDomainResult, async () => DomainVerified.of({ domain: await verifyDomain(deps, caller!.account, input) })),
  }),
  setDomainTwoFactorPolicy: t.field({
    type: SetDomainPolicyResult.ref,
    description: "Owners of a verified domain only, with 2FA on and proved within the last 10 minutes (step-up).",
    authScopes: { fullAccess: true },
    args: { input: t.arg({ type: SetDomainTwoFactorPolicyInput, required: true, description: "The domain and its policy." }) },
    resolve: (_root, { input }, { deps, caller }) =>
      asResult(SetDomainPolicyResult, async () => DomainPolicyUpdated.of({ domain: await setDomainTwoFactorPolicy(deps, caller!, input) })),
  }),
  addDomainOwner: t.field({
    type: DomainOwnersResult.ref,
    description: "The new owner must be a member (an account on this domain) with 2FA on. Needs the caller's own 2FA, proved within the last 10 minutes.",
    authScopes: { fullAccess: true },
    args: { input: t.arg({ type: AddDomainOwnerInput, required: true, description: "The domain and the member." }) },
    resolve: (_root, { input }, { deps, caller }) =>
      asResult(DomainOwnersResult, async () => DomainOwnersUpdated.of({ domain: await addDomainOwner(deps, caller!, input) })),
  }),
  removeDomainOwner: t.field({
    type: DomainOwnersResult.ref,
    description: "A domain keeps at least one owner. Needs the caller's own 2FA, proved within the last 10 minutes.",
    authScopes: { fullAccess: true },
    args: { input: t.arg({ type: RemoveDomainOwnerInput, required: true, description: "The domain and the owner." }) },
    resolve: (_root, { input }, { deps, caller }) =>
      asResult(DomainOwnersResult, async () => DomainOwnersUpdated.of({ domain: await removeDomainOwner(deps, caller!, input) })),
  }),
  resetUserTwoFactor: t.field({
    type: ResetUserTwoFactorResult.ref,
    description:
      "An owner's reset of a member who lost their factor: removes every factor and backup code, turns 2FA off and " +
      "signs the member out everywhere. Needs the owner's own 2FA, proved within the last 10 minutes.",
    authScopes: { fullAccess: true },
    args: { input: t.arg({ type: ResetUserTwoFactorInput, required: true, description: "The member and the reason." }) },
    resolve: (_root, { input }, { deps, caller }) =>
      asResult(ResetUserTwoFactorResult, async () => TwoFactorReset.of({ user: await resetUserTwoFactor(deps, caller!, input) })),
  }),
}));
