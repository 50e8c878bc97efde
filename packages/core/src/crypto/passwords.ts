import { availableParallelism } from "node:os";
import pLimit from "p-limit";

// argon2id with the library's defaults (m=19456 KiB, t=2, p=1): OWASP's recommended minimum.
//
// Each hash holds 19 MiB for its whole run, on a libuv thread. Hashes beyond one per core only
// queue for a core while holding their memory: under a burst of sign-ins, 8 libuv threads held
// 8 x 19 MiB and the local server peaked about 120 MiB higher than with the hashes capped at the
// core count, with no throughput gained (docs/performance.md, Memory). So at most one hash per
// core runs at a time; the rest wait their turn without the memory, and the libuv threads stay
// free for the store's file I/O.
const oneHashPerCore = pLimit(Math.max(1, availableParallelism()));

// Loaded on the first hash, not at start: the native binding is not needed to answer most requests
// (a session check, a TOTP step), and a Lambda cold start is faster without it.
type Argon2 = typeof import("@node-rs/argon2");
let argon2: Promise<Argon2> | undefined;
// A CommonJS module: its exports are `default` when bundled (esbuild's interop only names them then).
const library = () => (argon2 ??= import("@node-rs/argon2").then((m) => ((m as { default?: Argon2 }).default ?? m)));

export function hashPassword(password: string): Promise<string> {
  return oneHashPerCore(async () => (await library()).hash(password));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await oneHashPerCore(async () => (await library()).verify(passwordHash, password));
  } catch {
    return false;
  }
}

/**
 * A real hash of a random password, verified against when the account does not exist, so an
 * unknown email costs the same time as a wrong password and reveals nothing.
 */
let dummy: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  return dummy;
}
