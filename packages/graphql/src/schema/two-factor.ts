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
  type StoredFactor,
  type TwoFactorStatus,
} from "@access-identity/core";
import { builder } from "../builder.js";
import { statusFor } from "./accounts.js";
import { commonErrors } from "./errors.js";
import { asResult, resultUnion } from "./results.js";
import { stepUpOnceEnabled } from "./step-up.js";
import { FactorRef, TwoFactorStatusRef } from "./users.js";

class BackupCodes {
  constructor(
    readonly codes: string[],
    readonly generatedAt: Date,
  ) {}
}
const BackupCodesRef = builder.objectType(BackupCodes, {
  name: "BackupCodes",
  description: "Shown once: store them somewhere safe. Each works once; a new set replaces this one.",
  isTypeOf: (v) => v instanceof BackupCodes,
  fields: (t) => ({
    codes: t.exposeStringList("codes"),
    generatedAt: t.field({ type: "DateTime", resolve: (b) => b.generatedAt }),
  }),
});

class StatusResult {
  constructor(readonly status: TwoFactorStatus) {}
}
function statusResult(name: string) {
  class Named extends StatusResult {}
  const ref = builder.objectType(Named, {
    name,
    isTypeOf: (v) => v instanceof Named,
    fields: (t) => ({ status: t.field({ type: TwoFactorStatusRef, resolve: (r) => r.status }) }),
  });
  return { cls: Named, ref };
}
const TwoFactorEnabled = statusResult("TwoFactorEnabled");
const TwoFactorDisabled = statusResult("TwoFactorDisabled");
const FactorRemoved = statusResult("FactorRemoved");

export class FactorConfirmed {
  constructor(readonly factor: StoredFactor) {}
}
export const FactorConfirmedRef = builder.objectType(FactorConfirmed, {
  name: "FactorConfirmed",
  isTypeOf: (v) => v instanceof FactorConfirmed,
  fields: (t) => ({ factor: t.field({ type: FactorRef, resolve: (r) => r.factor }) }),
});
class FactorRenamed extends FactorConfirmed {}
const FactorRenamedRef = builder.objectType(FactorRenamed, {
  name: "FactorRenamed",
  isTypeOf: (v) => v instanceof FactorRenamed,
  fields: (t) => ({ factor: t.field({ type: FactorRef, resolve: (r) => r.factor }) }),
});

const EnableTwoFactorInput = builder.inputType("EnableTwoFactorInput", {
  fields: (t) => ({ backupCodesAcknowledged: t.boolean({ required: true }) }),
});
const RenameFactorInput = builder.inputType("RenameFactorInput", {
  fields: (t) => ({ factorId: t.id({ required: true }), label: t.string({ required: true }) }),
});
const RemoveFactorInput = builder.inputType("RemoveFactorInput", {
  fields: (t) => ({ factorId: t.id({ required: true }) }),
});

const GenerateBackupCodesResult = resultUnion("GenerateBackupCodesResult", [BackupCodesRef], [
  StepUpRequiredError,
  // A parallel generation (a double-click) stored its set first: this one's codes would never work.
  ConflictError,
  ...commonErrors,
]);
const EnableTwoFactorResult = resultUnion("EnableTwoFactorResult", [TwoFactorEnabled.ref], [ValidationError, ...commonErrors]);
const RenameFactorResult = resultUnion("RenameFactorResult", [FactorRenamedRef], [ValidationError, ...commonErrors]);
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
export const ConfirmFactorResult = resultUnion("ConfirmFactorResult", [FactorConfirmedRef], [
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
        stepUpOnceEnabled(context);
        const { deps, caller } = context;
        const set = await generateBackupCodes(deps, caller!.account);
        return new BackupCodes(set.codes, set.generatedAt);
      }),
  }),
  enableTwoFactor: t.field({
    type: EnableTwoFactorResult.ref,
    description: "Needs a confirmed factor, a backup-code set, and backupCodesAcknowledged = true. The session stays AAL1.",
    authScopes: { signedIn: true },
    args: { input: t.arg({ type: EnableTwoFactorInput, required: true }) },
    resolve: (_root, { input }, context) =>
      asResult(EnableTwoFactorResult, async () => {
        const account = await enableTwoFactor(context.deps, context.caller!.account, input);
        return new TwoFactorEnabled.cls(await statusFor(context, account));
      }),
  }),
  renameFactor: t.field({
    type: RenameFactorResult.ref,
    authScopes: { fullAccess: true },
    args: { input: t.arg({ type: RenameFactorInput, required: true }) },
    resolve: (_root, { input }, { deps, caller }) =>
      asResult(RenameFactorResult, async () =>
        new FactorRenamed(await renameFactor(deps, caller!.account, { factorId: String(input.factorId), label: input.label })),
      ),
  }),
  removeFactor: t.field({
    type: RemoveFactorResult.ref,
    description: "Needs step-up once 2FA is on. The last factor of an account with 2FA on cannot be removed: disable instead.",
    authScopes: { fullAccess: true },
    args: { input: t.arg({ type: RemoveFactorInput, required: true }) },
    resolve: (_root, { input }, context) =>
      asResult(RemoveFactorResult, async () => {
        stepUpOnceEnabled(context);
        const { deps, caller } = context;
        const account = await removeFactor(deps, caller!.account, { factorId: String(input.factorId) });
        return new FactorRemoved.cls(await statusFor(context, account));
      }),
  }),
  disableTwoFactor: t.field({
    type: DisableTwoFactorResult.ref,
    description: "Removes every factor and backup code. Needs step-up; refused while the domain enforces 2FA.",
    authScopes: { fullAccess: true },
    resolve: (_root, _args, context) =>
      asResult(DisableTwoFactorResult, async () => {
        stepUpOnceEnabled(context);
        const { deps, caller } = context;
        const account = await disableTwoFactor(deps, caller!.account);
        return new TwoFactorDisabled.cls(await statusFor(context, account));
      }),
  }),
}));
