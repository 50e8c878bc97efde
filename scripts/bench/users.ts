import { TOTP, Secret } from "otpauth";
import { SIGN_UP } from "@access-identity/testing/operations";
import { confirmTotp, expectResult, finishGettingStarted, PASSWORD, startTotp } from "@access-identity/testing/flows";
import type { Gql } from "./graphql-client.js";
import { runPool } from "./pool.js";

export const STEP_SECONDS = 30;

export interface BenchUser {
  email: string;
  totp: TOTP;
  /** The last TOTP time step the server has seen used for this user's factor. */
  lastStep: number;
  /** The user's flow in progress, so the same user's steps are used in order. */
  busy: Promise<unknown>;
}

export function stepAt(ms: number): number {
  return Math.floor(ms / 1000 / STEP_SECONDS);
}

export function codeFor(user: BenchUser, step: number): string {
  return user.totp.generate({ timestamp: step * STEP_SECONDS * 1000 });
}

/** Signs a user up and turns on two-factor with TOTP (codes computed here with otpauth). */
async function createUser(gql: Gql, index: number, serverNow: () => number, runId: string): Promise<BenchUser> {
  const email = `bench-${runId}-${index}@example.com`;
  const token = expectResult(await gql(SIGN_UP, { input: { email, password: PASSWORD } }), "signUp", "SignedIn").session.token as string;
  const send = (query: string, variables?: Record<string, unknown>) => gql(query, variables, token);
  // The "get started with 2FA" journey, the same steps the tests take.
  const enrolment = await startTotp(send, "Bench");
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: STEP_SECONDS, secret: Secret.fromBase32(enrolment.secret) });
  const user: BenchUser = { email, totp, lastStep: stepAt(serverNow()), busy: Promise.resolve() };
  const code = codeFor(user, user.lastStep);
  await confirmTotp(send, enrolment.factorId, code);
  await finishGettingStarted(send);
  return user;
}

export async function createUsers(gql: Gql, count: number, serverNow: () => number, deadline: number): Promise<BenchUser[]> {
  const runId = Date.now().toString(36);
  const indexes = Array.from({ length: count }, (_, i) => i);
  const users = await runPool(indexes, 4, deadline, (i) => createUser(gql, i, serverNow, runId));
  if (users.length < count) throw new Error(`created only ${users.length} of ${count} users before the time cap`);
  return users;
}

export interface Ticket {
  user: BenchUser;
  step: number;
}

/**
 * The TOTP codes usable right now without waiting: for each user, the steps after its last used
 * one, from the current step to the next (the server accepts one step of drift either way). All
 * users' first tickets come before anyone's second, so a user's steps are used in order.
 */
export function availableTickets(users: BenchUser[], serverNow: number, limit: number): Ticket[] {
  const current = stepAt(serverNow);
  const tickets: Ticket[] = [];
  const next = new Map(users.map((user) => [user, Math.max(user.lastStep + 1, current)]));
  for (let round = 0; round < 2 && tickets.length < limit; round++) {
    for (const user of users) {
      const step = next.get(user)!;
      if (step > current + 1 || tickets.length >= limit) continue;
      tickets.push({ user, step });
      next.set(user, step + 1);
    }
  }
  return tickets;
}
