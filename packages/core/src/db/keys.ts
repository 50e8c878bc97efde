/**
 * Every key of the single table is built here, and nowhere else. README.md beside this file
 * lists the access patterns they serve.
 */
export type Key = { PK: string; SK: string };

const MEMBER_PREFIX = "MEMBER#";
const OUTBOX_DUE = "OUTBOX#DUE";

export const keys = {
  account: (email: string): Key => ({ PK: `ACCOUNT#${email}`, SK: "ACCOUNT" }),
  /**
   * GSI1: the members of a domain, by email. Only accounts on a domain that can be claimed carry
   * these (domains/member-index.ts decides): public mail domains have no members list.
   */
  domainMember: (domain: string, email: string) => ({ GSI1PK: `DOMAIN#${domain}`, GSI1SK: `${MEMBER_PREFIX}${email}` }),
  domainMembersPartition: (domain: string) => `DOMAIN#${domain}`,
  domainMemberPrefix: MEMBER_PREFIX,

  /** A sign-in challenge and the session it becomes share one item: consuming one creates the other. */
  session: (id: string): Key => ({ PK: `SESSION#${id}`, SK: "SESSION" }),
  /** GSI1: a user's live sessions, newest first (written with the session, removed when it is revoked). */
  userSession: (userId: string, createdAt: string, sessionId: string) => ({
    GSI1PK: keys.userSessionsPartition(userId),
    GSI1SK: `SESSION#${createdAt}#${sessionId}`,
  }),
  userSessionsPartition: (userId: string) => `USER#${userId}`,
  /** A known device of an account (its token's hash): judged by its own sign-in limit. */
  device: (id: string): Key => ({ PK: `DEVICE#${id}`, SK: "DEVICE" }),

  pendingFactor: (userId: string, factorId: string): Key => ({ PK: `USER#${userId}`, SK: `PENDING#${factorId}` }),
  smsEnrolmentResendGuard: (userId: string): Key => ({ PK: `USER#${userId}`, SK: "SMS_RESEND" }),
  webAuthnCredential: (credentialId: string): Key => ({ PK: `CREDENTIAL#${credentialId}`, SK: "CREDENTIAL" }),
  passkeyCeremony: (challenge: string): Key => ({ PK: `PASSKEY#${challenge}`, SK: "PASSKEY" }),

  rateCounter: (name: string, subject: string, windowStart: number): Key => ({
    PK: `RATE#${name}#${subject}`,
    SK: `W#${windowStart}`,
  }),

  auditStream: (stream: AuditStream): string => `AUDIT#${stream.kind.toUpperCase()}#${stream.id}`,
  auditEvent: (stream: AuditStream, eventId: string): Key => ({ PK: keys.auditStream(stream), SK: `EVENT#${eventId}` }),

  /** A verification or reset link's token, by its keyed hash (the token itself is never stored). */
  emailToken: (hash: string): Key => ({ PK: `EMAILTOKEN#${hash}`, SK: "EMAILTOKEN" }),

  /** An email waiting to be sent (or sent): the outbox. */
  outbox: (id: string): Key => ({ PK: `OUTBOX#${id}`, SK: "OUTBOX" }),
  /**
   * GSI1: outbox items still to send, by when they are next due. Sent and abandoned items drop
   * these keys, so the index holds only the work left.
   */
  outboxDue: (id: string, dueAtMs: number) => ({ GSI1PK: OUTBOX_DUE, GSI1SK: `${String(dueAtMs).padStart(15, "0")}#${id}` }),
  outboxDuePartition: () => OUTBOX_DUE,
  outboxDueUpTo: (dueAtMs: number) => `${String(dueAtMs).padStart(15, "0")}#~`,

  domain: (name: string): Key => ({ PK: `DOMAIN#${name}`, SK: "DOMAIN" }),
  domainClaim: (name: string, userId: string): Key => ({ PK: `DOMAIN#${name}`, SK: `CLAIM#${userId}` }),
};

export type AuditStream = { kind: "user" | "domain"; id: string };
