import { requireRecentAal2 } from "@access-identity/core";
import type { Context } from "../context.js";

/**
 * Once 2FA is on, changing what protects the account needs a second factor proved on this session
 * in the last ten minutes (StepUpRequiredError otherwise). That covers adding a factor too: else a
 * stolen password-only session could enrol its own authenticator and step up with it.
 */
export function stepUpOnceEnabled({ deps, caller }: Context): void {
  if (caller?.account.twoFactorEnabled) requireRecentAal2(deps, caller.session);
}
