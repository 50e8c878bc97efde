// The scenarios of scenarios.ts, step for step, against the better-auth peer: the same
// runScenario (rounds of free TOTP steps, the clock moved between rounds, CPU read over IPC
// around each measured round, challenges opened untimed), only the HTTP calls differ.
import { peerPasswordStep, peerSessionCheck, peerTotpStep, type PeerCall } from "./peer-client.js";
import { runPool } from "./pool.js";
import { runScenario, type ScenarioOptions, type ScenarioResult } from "./scenarios.js";
import type { Ticket } from "./users.js";

export type PeerScenarioOptions = Omit<ScenarioOptions, "gql" | "profile"> & { call: PeerCall };

/** Opens (untimed) one challenge per ticket: the two-factor cookie sign-in/email answers. */
function openChallenges(options: PeerScenarioOptions) {
  return async (tickets: Ticket[], deadline: number) => {
    const prepared = new Map<Ticket, string>();
    await runPool(tickets, 4, deadline, async (ticket) => prepared.set(ticket, await peerPasswordStep(options.call, ticket.user)));
    return prepared;
  };
}

export function peerFullSignIn(options: PeerScenarioOptions): Promise<ScenarioResult> {
  return runScenario("full sign-in", options, undefined, async (ticket, steps) => {
    let t = performance.now();
    const challenge = await peerPasswordStep(options.call, ticket.user);
    steps.password = performance.now() - t;
    t = performance.now();
    const session = await peerTotpStep(options.call, ticket, challenge);
    steps.totp = performance.now() - t;
    t = performance.now();
    await peerSessionCheck(options.call, ticket, session);
    steps.me = performance.now() - t;
  });
}

export function peerTotpStepAlone(options: PeerScenarioOptions): Promise<ScenarioResult> {
  return runScenario("TOTP step alone", options, openChallenges(options), async (ticket, steps, prepared) => {
    const t = performance.now();
    await peerTotpStep(options.call, ticket, prepared!.get(ticket)!);
    steps.totp = performance.now() - t;
  });
}

export function peerTotpAndSessionCheck(options: PeerScenarioOptions): Promise<ScenarioResult> {
  return runScenario("TOTP verify + session check", options, openChallenges(options), async (ticket, steps, prepared) => {
    let t = performance.now();
    const session = await peerTotpStep(options.call, ticket, prepared!.get(ticket)!);
    steps.totp = performance.now() - t;
    t = performance.now();
    await peerSessionCheck(options.call, ticket, session);
    steps.me = performance.now() - t;
  });
}
