import type { Account } from "../accounts/account.js";
import type { DomainRecord } from "../domains/domain.js";
import type { Enforcement } from "../domains/policy.js";
import type { SessionRecord } from "../sessions/session.js";

/**
 * Who is asking: a live session and its account, read for this request. Every sensitive core
 * operation takes the caller and applies its own guards (guards.ts), so no adapter can skip them.
 */
export interface Caller {
  /** The session as it stands now: `aal` is the level it holds at this moment (AAL2 lapses). */
  session: SessionRecord;
  account: Account;
  /** When the session's AAL2 lapses if it stays idle (absent at AAL1). */
  aal2Until?: Date;
  /** The bearer token this request came with: a step-up answers with the same token. */
  token: string;
  /** The caller's domain record, read with the account. */
  domain?: DomainRecord;
  /** The caller's domain's 2FA policy as it stands now (a deadline can pass during a session). */
  enforcement: Enforcement;
}

/** When the caller's sign-in was judged: what a revocation is compared with. */
export function sessionStartedAt(session: Pick<SessionRecord, "authStartedAt" | "createdAt">): string {
  return session.authStartedAt ?? session.createdAt;
}
