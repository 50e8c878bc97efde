import type { DomainRecord } from "../domains/domain.js";

/** Who is looking: the signed-in user, or the user a sign-in has just answered for. */
export interface Viewer {
  userId: string;
  email: string;
}

/**
 * Who may see a user's 2FA status (factor labels, backup codes left): the user themselves, and the
 * owners of their verified domain. Nobody else, not even another member who sees their name in an
 * audit event. `subjectDomain` is the subject's domain record (needed only when the viewer is not
 * the subject).
 */
export function mayReadTwoFactorStatus(viewer: Viewer | undefined, subject: { userId: string }, subjectDomain?: DomainRecord): boolean {
  if (!viewer) return false;
  if (viewer.userId === subject.userId) return true;
  return Boolean(subjectDomain?.verified && subjectDomain.owners.includes(viewer.email));
}
