import {
  ConflictError,
  disableTwoFactor,
  enableTwoFactor,
  generateBackupCodes,
  ExpiredError,
  InvalidCodeError,
  NotAllowedError,
  removeFactor,
  renameFactor,
  StepUpRequiredError,
  ValidationError,
  getAccount,
  type StoredFactor,
  type TwoFactorStatus,
} from "@access-identity/core";
import { builder } from "../builder.js";
import { statusFor, UserRef } from "./accounts.js";
import { commonErrors } from "./errors.js";
import { asResult, resultUnion, successType } from "./results.js";
import { FactorRef, TwoFactorStatusRef } from "./users.js";

const BackupCodes = successType<{ codes: string[]; generatedAt: Date }>("BackupCodes", {
  description: "Shown once: store them somewhere safe. Each works once; a new set replaces this one.",
  fields: (t) => ({
    codes: t.exposeStringList("codes", { description: "10 codes like `abcd-efgh`. Shown only in this answer." }),
    generatedAt: t.field({ type: "DateTime", description: "When this set was made.", resolve: (b) => b.generatedAt }),
  }),
});

/** The success members that carry the user's 2FA status as it is after the change. */
function statusResult(name: string, description: string) {
  return successType<{ status: TwoFactorStatus }>(name, {
    description,
    fields: (t) => ({ status: t.field({ type: TwoFactorStatusRef, description: "The user's 2FA state after the change.", resolve: (r) => r.status }) }),
  });
}
const TwoFactorEnabled = statusResult("TwoFactorEnabled", "2FA is on. The session stays AAL1: sign in again with the factor to reach AAL2.");
const TwoFactorDisabled = statusResult("TwoFactorDisabled", "2FA is off: every factor and backup code was removed.");
const FactorRemoved = statusResult("FactorRemoved", "The factor was removed.");

/** The success members that carry one factor as it is after the change. */
function factorResult(name: string, description: string) {
  return successType<{ factor: StoredFactor }>(name, {
    description,
    fields: (t) => ({ factor: t.field({ type: FactorRef, description: "The factor as it now is.", resolve: (r) => r.factor }) }),
  });
}
export const FactorConfirmed = factorResult("FactorConfirmed", "The factor is confirmed and counts as one of the user's factors.");
const FactorRenamed = factorResult("FactorRenamed", "The factor has its new label.");

// Every success of a change to the caller's 2FA state also answers with the caller as stored after
// it (read afresh, only when selected), so normalised client caches update `me` by its id.
for (const { ref } of [FactorConfirmed, TwoFactorEnabled, BackupCodes, FactorRenamed, FactorRemoved, TwoFactorDisabled]) {
  builder.objectField(ref, "user", (t) =>
    t.field({
      type: UserRef,
      description: "The signed-in user after this change (its `twoFactor` included).",
      resolve: async (_result, _args, { deps, caller }) => {
        const account = await getAccount(deps, caller!.account.email);
        if (!account || account.userId !== caller!.account.userId) throw new Error("the account changed under the request");
        return account;
      },
    }),
  );
}

const EnableTwoFactorInput = builder.inputType("EnableTwoFactorInput", {
  description: "The last step of setting up 2FA.",
  fields: (t) => ({
    backupCodesAcknowledged: t.boolean({ required: true, description: "The user confirms they stored their backup codes; must be true." }),
  }),
});
const RenameFactorInput = builder.inputType("RenameFactorInput", {
  description: "A factor of the caller's and its new label.",
  fields: (t) => ({
    factorId: t.id({ required: true, description: "The factor's id." }),
    label: t.string({ required: true, description: "1-64 characters. Text-message factors cannot be renamed (they show the masked number)." }),
  }),
});
const RemoveFactorInput = builder.inputType("RemoveFactorInput", {
  description: "A factor of the caller's to remove.",
  fields: (t) => ({ factorId: t.id({ required: true, description: "The factor's id." }) }),
});

const GenerateBackupCodesResult = resultUnion("GenerateBackupCodesResult", [BackupCodes.ref], [
  StepUpRequiredError,
  // A parallel generation (a double-click) stored its set first: this one's codes would never work.
  ConflictError,
  ...commonErrors,
]);
const EnableTwoFactorResult = resultUnion("EnableTwoFactorResult", [TwoFactorEnabled.ref], [ValidationError, ...commonErrors]);
const RenameFactorResult = resultUnion("RenameFactorResult", [FactorRenamed.ref], [ValidationError, ...commonErrors]);
const RemoveFactorResult = resultUnion("RemoveFactorResult", [FactorRemoved.ref], [
  StepUpRequiredError,
  NotAllowedError,
  ValidationError,
  ...commonErrors,
]);
const DisableTwoFactorResult = resultUnion("DisableTwoFactorResult", [TwoFactorDisabled.ref], [
  StepUpRequiredError,
  NotAllowedError,
  ...commonErrors,
]);
/** Shared by every factor's confirm mutation (TOTP, SMS, WebAuthn). */
export const ConfirmFactorResult = resultUnion("ConfirmFactorResult", [FactorConfirmed.ref], [
  InvalidCodeError,
  ExpiredError,
  ValidationError,
  StepUpRequiredError,
  ...commonErrors,
]);

builder.mutationFields((t) => ({
  generateBackupCodes: t.field({
    type: GenerateBackupCodesResult.ref,
    description:
      "10 single-use codes, shown once; replaces any earlier set. Needs step-up once 2FA is on. ConflictError when a parallel request generated a set first: generate again.",
    authScopes: { signedIn: true },
    resolve: (_root, _args, context) =>
      asResult(GenerateBackupCodesResult, async () => {
        const { deps, caller } = context;
        const set = await generateBackupCodes(deps, caller!);
        return BackupCodes.of({ codes: set.codes, generatedAt: set.generatedAt });
      }),
  }),
  enableTwoFactor: t.field({
    type: EnableTwoFactorResult.ref,
    description: "Needs a confirmed factor, a backup-code set, and backupCodesAcknowledged = true. The session stays AAL1.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: EnableTwoFactorInput, required: true, description: "The acknowledgement." }) },
    resolve: (_root, { input }, context) =>
      asResult(EnableTwoFactorResult, async () => {
        const account = await enableTwoFactor(context.deps, context.caller!, input);
        return TwoFactorEnabled.of({ status: await statusFor(context, account) });
      }),
  }),
  renameFactor: t.field({
    type: RenameFactorResult.ref,
    description: "Gives one of the caller's factors a new label.",
    authScopes: { fullAccess: true },
    args: { input: t.arg({ type: RenameFactorInput, required: true, description: "The factor and its new label." }) },
    resolve: (_root, { input }, { deps, caller }) =>
      asResult(RenameFactorResult, async () =>
        FactorRenamed.of({ factor: await renameFactor(deps, caller!, { factorId: String(input.factorId), label: input.label }) }),
      ),
  }),
  removeFactor: t.field({
    type: RemoveFactorResult.ref,
    description: "Needs step-up once 2FA is on. The last factor of an account with 2FA on cannot be removed: disable instead.",
    authScopes: { fullAccess: true },
    args: { input: t.arg({ type: RemoveFactorInput, required: true, description: "The factor to remove." }) },
    resolve: (_root, { input }, context) =>
      asResult(RemoveFactorResult, async () => {
        const { deps, caller } = context;
        const account = await removeFactor(deps, caller!, { factorId: String(input.factorId) });
        return FactorRemoved.of({ status: await statusFor(context, account) });
      }),
  }),
  disableTwoFactor: t.field({
    type: DisableTwoFactorResult.ref,
    description: "Removes every factor and backup code. Needs step-up; refused while the domain enforces 2FA.",
    authScopes: { fullAccess: true },
    resolve: (_root, _args, context) =>
      asResult(DisableTwoFactorResult, async () => {
        const { deps, caller } = context;
        const account = await disableTwoFactor(deps, caller!);
        return TwoFactorDisabled.of({ status: await statusFor(context, account) });
      }),
  }),
}));
