import type { Caller } from "../access/caller.js";
import { requireStepUpOnceEnabled } from "../access/guards.js";
import type { Deps, RequestInfo } from "../deps.js";
import { smsFactor } from "../factors/sms/index.js";
import { totpFactor } from "../factors/totp/index.js";
import type { Factor } from "../factors/types.js";
import { webAuthnFactor } from "../factors/webauthn/index.js";

// biome-ignore lint: each factor's enrolment has its own input and output types
type AnyFactor = Factor<any, any, any, any>;
type StartInput<F extends AnyFactor> = Parameters<F["enrolment"]["start"]>[2];
type ConfirmInput<F extends AnyFactor> = Parameters<F["enrolment"]["confirm"]>[2];

/**
 * Adding a factor as every adapter calls it: to the caller's own account and, once 2FA is on, only
 * after a recent step-up (adding a factor is as sensitive as removing one: else a stolen
 * password-only session could enrol its own authenticator and step up with it). The guard lives
 * here, in core, so no adapter can skip it; the factor modules stay about their own ceremony.
 */
function enrolmentOf<F extends AnyFactor>(factor: F) {
  return {
    start(deps: Deps, caller: Caller, input: StartInput<F>, request: RequestInfo): ReturnType<F["enrolment"]["start"]> {
      requireStepUpOnceEnabled(deps, caller);
      return factor.enrolment.start(deps, caller.account, input, request) as ReturnType<F["enrolment"]["start"]>;
    },
    confirm(deps: Deps, caller: Caller, input: ConfirmInput<F>): ReturnType<F["enrolment"]["confirm"]> {
      requireStepUpOnceEnabled(deps, caller);
      return factor.enrolment.confirm(deps, caller.account, input) as ReturnType<F["enrolment"]["confirm"]>;
    },
  };
}

const totp = enrolmentOf(totpFactor);
const sms = enrolmentOf(smsFactor);
const webAuthn = enrolmentOf(webAuthnFactor);

export const startTotpEnrolment = totp.start;
export const confirmTotpEnrolment = totp.confirm;
export const startSmsEnrolment = sms.start;
export const confirmSmsEnrolment = sms.confirm;
export const startWebAuthnEnrolment = webAuthn.start;
export const confirmWebAuthnEnrolment = webAuthn.confirm;
