/**
 * The port every SMS goes through. Adapters: console (local, in sender.ts) and SNS (sns-sender.ts).
 * On its own so an adapter depends on the port and nothing depends back on an adapter but the
 * factory that picks one (createSmsSender).
 */
export interface SmsSender {
  /** Resolves once the provider accepted the message; rejects when it refused or failed. */
  send(phoneNumberE164: string, message: string): Promise<void>;
}
