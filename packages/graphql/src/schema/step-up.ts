import { requireStepUpOnceEnabled } from "@access-identity/core";
import type { Context } from "../context.js";

/**
 * Once 2FA is on, changing what protects the account needs a second factor proved on this session
 * in the last ten minutes (StepUpRequiredError otherwise). The rule lives in core
 * (`requireStepUpOnceEnabled`); this only hands it the caller until every core entry point that
 * changes factors applies it itself (then this file goes).
 */
export function stepUpOnceEnabled({ deps, caller }: Context): void {
  if (caller) requireStepUpOnceEnabled(deps, caller);
}
