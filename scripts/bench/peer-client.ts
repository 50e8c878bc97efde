// HTTP to the better-auth peer (tools/better-auth-peer/server.mjs): its REST endpoints under
// /api/auth, its cookies carried by hand as a browser would (better-auth's default session
// transport; the bearer plugin is not installed, as it is not by default).
import { TOTP, Secret } from "otpauth";
import { PASSWORD } from "@access-identity/testing/flows";
import { runPool } from "./pool.js";
import { codeFor, stepAt, STEP_SECONDS, type BenchUser } from "./users.js";
import type { SignInDriver } from "./scenarios.js";

export interface PeerResponse {
  status: number;
  body: Record<string, any> | null;
  /** The cookies the answer set (name=value, deleted ones left out), as a Cookie header. */
  cookies: string;
}

export type PeerCall = (path: string, body?: Record<string, unknown>, cookie?: string) => Promise<PeerResponse>;

/** POST with a JSON body, or GET without one; loopback only, as httpGql. */
export function peerHttp(baseUrl: string): PeerCall {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(baseUrl)) throw new Error(`the benchmark only talks to loopback, not ${baseUrl}`);
  return async (path, body, cookie) => {
    const response = await fetch(`${baseUrl}/api/auth${path}`, {
      method: body ? "POST" : "GET",
      headers: { origin: baseUrl, ...(body ? { "content-type": "application/json" } : {}), ...(cookie ? { cookie } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const cookies = response.headers
      .getSetCookie()
      .map((line) => line.split(";")[0]!)
      .filter((pair) => !pair.endsWith("="))
      .join("; ");
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, any>) : null, cookies };
  };
}

const fail = (step: string, res: PeerResponse) => new Error(`${step}: ${res.status} ${JSON.stringify(res.body)}`.slice(0, 400));

/** The peer's sign-in for the scenarios (scenarios.ts): the challenge and the session are cookies. */
export function peerDriver(call: PeerCall): SignInDriver {
  return {
    // sign-in/email: with 2FA on, better-auth answers twoFactorRedirect and a two-factor cookie.
    async passwordStep(user) {
      const res = await call("/sign-in/email", { email: user.email, password: PASSWORD });
      if (res.body?.twoFactorRedirect !== true || !res.cookies) throw fail("sign-in/email", res);
      return res.cookies;
    },
    // two-factor/verify-totp with the challenge's cookie: answers the new session (token and cookie).
    async totpStep(ticket, challengeCookie) {
      const res = await call("/two-factor/verify-totp", { code: codeFor(ticket.user, ticket.step) }, challengeCookie);
      if (typeof res.body?.token !== "string" || !res.cookies.includes("session_token=")) throw fail("two-factor/verify-totp", res);
      return res.cookies;
    },
    // get-session with the session cookie.
    async sessionCheck(ticket, sessionCookie) {
      const res = await call("/get-session", undefined, sessionCookie);
      if (res.body?.user?.email !== ticket.user.email) throw fail("get-session", res);
    },
  };
}

/**
 * Signs a user up and turns two-factor on with better-auth's own endpoints: two-factor/enable
 * (password) answers the otpauth URI, whose secret gives the codes; the first verify-totp with
 * the session confirms it (twoFactorEnabled). As ours, the confirming code uses the current step.
 */
async function createPeerUser(call: PeerCall, index: number, serverNow: () => number, runId: string): Promise<BenchUser> {
  const email = `bench-${runId}-${index}@example.com`;
  const signUp = await call("/sign-up/email", { email, password: PASSWORD, name: `Bench ${index}` });
  if (!signUp.cookies.includes("session_token=")) throw fail("sign-up/email", signUp);
  const enable = await call("/two-factor/enable", { password: PASSWORD }, signUp.cookies);
  const secret = typeof enable.body?.totpURI === "string" ? new URL(enable.body.totpURI).searchParams.get("secret") : null;
  if (!secret) throw fail("two-factor/enable", enable);
  const totp = new TOTP({ algorithm: "SHA1", digits: 6, period: STEP_SECONDS, secret: Secret.fromBase32(secret) });
  const user: BenchUser = { email, totp, lastStep: stepAt(serverNow()), busy: Promise.resolve() };
  const confirm = await call("/two-factor/verify-totp", { code: codeFor(user, user.lastStep) }, signUp.cookies);
  if (confirm.status !== 200) throw fail("two-factor/verify-totp (enable)", confirm);
  return user;
}

export async function createPeerUsers(call: PeerCall, count: number, serverNow: () => number, deadline: number): Promise<BenchUser[]> {
  const runId = Date.now().toString(36);
  const indexes = Array.from({ length: count }, (_, i) => i);
  const users = await runPool(indexes, 4, deadline, (i) => createPeerUser(call, i, serverNow, runId));
  if (users.length < count) throw new Error(`created only ${users.length} of ${count} better-auth users before the time cap`);
  return users;
}
