// The one home of authorisation: guards and decisions every adapter goes through via core.
export { sessionStartedAt, type Caller } from "./caller.js";
export {
  isRecentStepUp,
  requireAal2,
  requireAdministrator,
  requireRecentStepUp,
  requireSameUser,
  requireSignedIn,
  requireStepUpOnceEnabled,
  requireTwoFactorOn,
} from "./guards.js";
export { mayReadTwoFactorStatus, type Viewer } from "./two-factor-status.js";
