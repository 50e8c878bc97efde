import { ValidationError } from "../errors.js";
import { loadOnce } from "../load-once.js";

// The ~49,000 most common passwords from leaked-password corpora, as zxcvbn-ts ships them (lower
// case). About 400 kB: it loads with the first sign-up a process serves, not at every cold start.
const loadCommonPasswords = loadOnce(async (): Promise<ReadonlySet<string>> => {
  const { dictionary } = await import("@zxcvbn-ts/language-common");
  return new Set(dictionary["passwords-common"] as string[]);
});

/**
 * Refuses a password an attacker would try first (NIST SP 800-63B 5.1.1.2): one on the list of
 * common passwords, in any case, or the account's own email address or its name part. No
 * composition rules: length and not being guessable are what count.
 */
export async function refuseGuessablePassword(password: string, email: string): Promise<void> {
  const lowered = password.toLowerCase();
  if (lowered === email || lowered === email.split("@")[0]) {
    throw new ValidationError("Do not use your email address as your password.", "password");
  }
  if ((await loadCommonPasswords()).has(lowered)) {
    throw new ValidationError("This password is one of the most common ones, tried first by attackers. Choose another.", "password");
  }
}
