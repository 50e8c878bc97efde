import { COMPLETE_SIGN_IN_SESSION_ONLY as COMPLETE_SIGN_IN, ME_EMAIL, SIGN_IN } from "@access-identity/testing/operations";
import { PASSWORD } from "@access-identity/testing/flows";
import type { Gql } from "./graphql-client.js";
import { runPool } from "./pool.js";
import type { ServerProcess } from "./server-process.js";
import { distribution, round, type Distribution } from "./stats.js";
import { availableTickets, codeFor, STEP_SECONDS, type BenchUser, type Ticket } from "./users.js";

export interface ScenarioResult {
  name: string;
  concurrency: number;
  flows: number;
  failed: number;
  /** Completed flows per second of measured time. */
  flowsPerSecond: number;
  measuredSeconds: number;
  /** Times the server clock was moved on to the next TOTP steps (not measured). */
  clockAdvances: number;
  steps: Record<string, Distribution>;
  /**
   * CPU time per completed flow during the measured rounds, in ms: the API server's process and,
   * apart, the store's (null when the store runs inside the server).
   */
  cpuMsPerFlow: { server: number; store: number | null };
  firstError?: string;
}

/**
 * The three calls a sign-in is made of, against one server: ours over GraphQL (`graphqlDriver`), or
 * the peer's REST endpoints (peer-client.ts). Every scenario below runs on either, step for step.
 */
export interface SignInDriver {
  /** The password step: a handle on the second-factor challenge it opened. */
  passwordStep(user: BenchUser): Promise<string>;
  /** The TOTP step with the ticket's code: a handle on the session it started. */
  totpStep(ticket: Ticket, challenge: string): Promise<string>;
  /** The cheapest authenticated read: the session check a client makes after signing in. */
  sessionCheck(ticket: Ticket, session: string): Promise<void>;
}

export interface ScenarioOptions {
  server: ServerProcess;
  driver: SignInDriver;
  users: BenchUser[];
  concurrency: number;
  flows: number;
  seconds: number;
  /** When set, each measured round is CPU-profiled in the server, written as `${profile}-<round>.cpuprofile`. */
  profile?: string;
}

interface FlowTiming {
  ok: boolean;
  error?: string;
  steps: Record<string, number>;
}

/** Our server: challenge ids and session tokens, over GraphQL. */
export function graphqlDriver(gql: Gql): SignInDriver {
  return {
    async passwordStep(user) {
      const res = await gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } });
      const result = res.data?.signIn;
      if (result?.__typename !== "SecondFactorRequired") throw new Error(`signIn: ${JSON.stringify(res)}`);
      return result.challenge.id as string;
    },
    async totpStep(ticket, challengeId) {
      const res = await gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: codeFor(ticket.user, ticket.step) } });
      if (res.data?.completeSignIn?.__typename !== "SignedIn") throw new Error(`completeSignIn: ${JSON.stringify(res)}`);
      return res.data.completeSignIn.session.token as string;
    },
    async sessionCheck(ticket, token) {
      const res = await gql(ME_EMAIL, {}, token);
      if (res.data?.me?.email !== ticket.user.email) throw new Error(`me: ${JSON.stringify(res)}`);
    },
  };
}

/** CPU microseconds so far of the server and (when apart) the store. */
async function cpuNow(server: ServerProcess): Promise<[number, number | undefined]> {
  return Promise.all([server.cpuMicros(), server.store?.cpuMicros()]);
}

/** Runs one flow per ticket, a user's flows one after another, timing each step. */
function timedFlow(run: (ticket: Ticket, steps: Record<string, number>) => Promise<void>) {
  return async (ticket: Ticket): Promise<FlowTiming> => {
    const previous = ticket.user.busy;
    let done!: () => void;
    ticket.user.busy = new Promise<void>((resolve) => (done = resolve));
    await previous;
    const steps: Record<string, number> = {};
    try {
      const started = performance.now();
      await run(ticket, steps);
      steps.flow = performance.now() - started;
      ticket.user.lastStep = Math.max(ticket.user.lastStep, ticket.step);
      return { ok: true, steps };
    } catch (error) {
      // The step may or may not have been spent: never offer it again.
      ticket.user.lastStep = Math.max(ticket.user.lastStep, ticket.step);
      return { ok: false, error: String((error as Error).message).slice(0, 400), steps };
    } finally {
      done();
    }
  };
}

/**
 * Runs up to `flows` flows, at most `seconds` of wall time, in rounds: each round uses the TOTP
 * steps every user has free now; between rounds the server clock moves on two steps (instantly,
 * over IPC) so the users have fresh ones. `prepare` runs untimed before a round (the TOTP-only
 * scenario signs in there); only the rounds' own wall time counts towards flows/s.
 */
async function runScenario(
  name: string,
  options: ScenarioOptions,
  prepare: ((tickets: Ticket[], deadline: number) => Promise<Map<Ticket, string>>) | undefined,
  flow: (ticket: Ticket, steps: Record<string, number>, prepared: Map<Ticket, string> | undefined) => Promise<void>,
): Promise<ScenarioResult> {
  const deadline = Date.now() + options.seconds * 1000;
  const timings: FlowTiming[] = [];
  let measuredMs = 0;
  let clockAdvances = 0;
  let serverCpuUs = 0;
  let storeCpuUs = 0;
  while (timings.length < options.flows && Date.now() < deadline) {
    let tickets = availableTickets(options.users, options.server.now(), options.flows - timings.length);
    if (tickets.length === 0) {
      await options.server.advance(2 * STEP_SECONDS);
      clockAdvances += 1;
      tickets = availableTickets(options.users, options.server.now(), options.flows - timings.length);
      if (tickets.length === 0) throw new Error("no TOTP step is free even after moving the clock");
    }
    const prepared = await prepare?.(tickets, deadline);
    if (options.profile) await options.server.ask({ profile: "start" }, "profiling");
    const [serverBefore, storeBefore] = await cpuNow(options.server);
    const started = performance.now();
    const run = timedFlow((ticket, steps) => flow(ticket, steps, prepared));
    timings.push(...(await runPool(tickets.filter((t) => !prepared || prepared.has(t)), options.concurrency, deadline, run)));
    measuredMs += performance.now() - started;
    const [serverAfter, storeAfter] = await cpuNow(options.server);
    if (options.profile) await options.server.ask({ profile: "stop", file: `${options.profile}-${clockAdvances}.cpuprofile` }, "profiling", 30_000);
    serverCpuUs += serverAfter - serverBefore;
    storeCpuUs += (storeAfter ?? 0) - (storeBefore ?? 0);
  }
  const ok = timings.filter((t) => t.ok);
  const stepNames = [...new Set(ok.flatMap((t) => Object.keys(t.steps)))];
  return {
    name,
    concurrency: options.concurrency,
    flows: ok.length,
    failed: timings.length - ok.length,
    flowsPerSecond: round(ok.length / (measuredMs / 1000), 1),
    measuredSeconds: round(measuredMs / 1000, 2),
    clockAdvances,
    steps: Object.fromEntries(stepNames.map((step) => [step, distribution(ok.map((t) => t.steps[step]!))])),
    cpuMsPerFlow: {
      server: round(serverCpuUs / 1000 / Math.max(1, ok.length), 2),
      store: options.server.store ? round(storeCpuUs / 1000 / Math.max(1, ok.length), 2) : null,
    },
    firstError: timings.find((t) => !t.ok)?.error,
  };
}

/** Opens (untimed) one challenge per ticket: a challenge ends when it is completed. */
function openChallenges(options: ScenarioOptions) {
  return async (tickets: Ticket[], deadline: number) => {
    const prepared = new Map<Ticket, string>();
    await runPool(tickets, 4, deadline, async (ticket) => prepared.set(ticket, await options.driver.passwordStep(ticket.user)));
    return prepared;
  };
}

/** The whole sign-in as issue 16 defines it: password step, TOTP step, then a session check. */
export function fullSignIn(options: ScenarioOptions): Promise<ScenarioResult> {
  return runScenario(
    "full sign-in",
    options,
    undefined,
    async (ticket, steps) => {
      let t = performance.now();
      const challengeId = await options.driver.passwordStep(ticket.user);
      steps.password = performance.now() - t;
      t = performance.now();
      const token = await options.driver.totpStep(ticket, challengeId);
      steps.totp = performance.now() - t;
      t = performance.now();
      await options.driver.sessionCheck(ticket, token);
      steps.me = performance.now() - t;
    },
  );
}

/** The TOTP step alone: challenges are opened (untimed) before each round. */
export function totpStepAlone(options: ScenarioOptions): Promise<ScenarioResult> {
  return runScenario(
    "TOTP step alone",
    options,
    openChallenges(options),
    async (ticket, steps, prepared) => {
      const t = performance.now();
      await options.driver.totpStep(ticket, prepared!.get(ticket)!);
      steps.totp = performance.now() - t;
    },
  );
}

/** The TOTP step, then the session check with the new session (challenges opened untimed). */
export function totpAndSessionCheck(options: ScenarioOptions): Promise<ScenarioResult> {
  return runScenario(
    "TOTP verify + session check",
    options,
    openChallenges(options),
    async (ticket, steps, prepared) => {
      let t = performance.now();
      const token = await options.driver.totpStep(ticket, prepared!.get(ticket)!);
      steps.totp = performance.now() - t;
      t = performance.now();
      await options.driver.sessionCheck(ticket, token);
      steps.me = performance.now() - t;
    },
  );
}
