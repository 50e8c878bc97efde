/**
 * The port every email goes through. Adapters: SES v2 (AWS) and console (local); the factory that
 * picks one is in create-sender.ts, so adapters import this file and nothing imports them back.
 */
export interface EmailMessage {
  /** One recipient address. */
  to: string;
  subject: string;
  /** The plain-text part. */
  text: string;
  /** The HTML part (a whole document, inline styles only). */
  html: string;
}

export interface EmailReceipt {
  /** The provider's id of the accepted message, for tracing a complaint or a bounce; none locally. */
  messageId?: string;
}

export interface EmailSender {
  /**
   * Resolves once the provider accepted the message (accepted is not delivered: bounces come later).
   * Rejects with an EmailDeliveryError only, whose `retryable` says whether sending the same
   * message again later can succeed.
   */
  send(message: EmailMessage): Promise<EmailReceipt>;
}

/**
 * Why the provider did not accept a message, after the SDK's own retries.
 * - "unavailable": 5xx, a timeout, a refused or reset connection. Later may work.
 * - "throttled": the sending rate or quota is exceeded. Later, slower, may work.
 * - "misconfigured": the provider cannot send for anyone right now (sending paused, account
 *   suspended, sender identity not verified, credentials refused). Works again once an operator
 *   acts, so the message is kept and retried rather than dropped.
 * - "rejected": the provider refused this message (MessageRejected, a malformed address). Sending
 *   it again gives the same answer.
 */
export type EmailFailureKind = "unavailable" | "throttled" | "misconfigured" | "rejected";

export class EmailDeliveryError extends Error {
  override readonly name = "EmailDeliveryError";
  /** True when the same message may be accepted later: every kind but "rejected". */
  readonly retryable: boolean;

  constructor(
    readonly kind: EmailFailureKind,
    /** The provider's error name (e.g. "MessageRejected"), for logs; never its message text. */
    readonly providerError?: string,
  ) {
    super(`The email provider did not accept the message (${kind}${providerError ? `: ${providerError}` : ""})`);
    this.retryable = kind !== "rejected";
  }
}
