import { reportConsumedCapacity, type ConsumedUnits } from "@access-identity/core/db/client";
import { startLocalServer, type LocalServer } from "@access-identity/functions/local/server";
import { COMPLETE_SIGN_IN as COMPLETE_SIGN_IN_WITH_USER, COMPLETE_SIGN_IN_SESSION_ONLY as COMPLETE_SIGN_IN, ME_EMAIL as ME, SIGN_IN } from "@access-identity/testing/operations";
import { expectResult, PASSWORD } from "@access-identity/testing/flows";
import { httpGql } from "./graphql-client.js";
import { codeFor, createUsers, stepAt } from "./users.js";

export interface DbRequestCount {
  total: number;
  /** Per DynamoDB operation, e.g. { GetItem: 1, UpdateItem: 2 }. */
  byOperation: Record<string, number>;
  /** Request units consumed, as the store reported them (ReturnConsumedCapacity: TOTAL). */
  units: ConsumedUnits;
}

export interface DbRequestCounts {
  signIn: DbRequestCount;
  completeSignIn: DbRequestCount;
  /** The same step when the client also selects `user { ... }`: one read of the account more. */
  "completeSignIn + user": DbRequestCount;
  me: DbRequestCount;
}

/**
 * DynamoDB requests per operation, counted by the SDK middleware the core installs when given
 * `onDbRequest`: a second, in-process server on its own in-memory store, one request at a time.
 * Returns the server too: the cold-start measurement points the Lambda bundle at its store.
 */
export async function countDbRequests(env: Record<string, string>): Promise<{ counts: DbRequestCounts; server: LocalServer }> {
  let operations: string[] = [];
  // A clock the count can move on, so a second sign-in has a fresh TOTP step without waiting.
  let offsetMs = 0;
  const clock = { now: () => new Date(Date.now() + offsetMs) };
  const server = await startLocalServer({
    inMemory: true,
    env: { ...env, PORT: "0", LOG_LEVEL: "warn" },
    core: { clock, onDbRequest: (operation) => operations.push(operation) },
  });
  let units: ConsumedUnits = { read: 0, write: 0 };
  reportConsumedCapacity(server.deps.db.raw, (_operation, used) => {
    units.read += used.read;
    units.write += used.write;
  });
  try {
    const gql = httpGql(server.url);
    const now = () => server.deps.clock.now().getTime();
    const [user] = await createUsers(gql, 1, now, Date.now() + 30_000);

    const measure = async <T>(run: () => Promise<T>): Promise<[T, DbRequestCount]> => {
      // The local server's email delivery loop (the notifier's job in AWS) still sends the sign-up's
      // and enrolment's emails in the background: let it finish, so its requests are not counted.
      await server.delivery.flush();
      operations = [];
      units = { read: 0, write: 0 };
      const result = await run();
      const byOperation: Record<string, number> = {};
      for (const operation of operations) byOperation[operation] = (byOperation[operation] ?? 0) + 1;
      return [result, { total: operations.length, byOperation, units }];
    };

    const [challenge, signIn] = await measure(async () =>
      expectResult(await gql(SIGN_IN, { input: { email: user!.email, password: PASSWORD } }), "signIn", "SecondFactorRequired"),
    );
    const step = Math.max(user!.lastStep + 1, stepAt(now()));
    const [signedIn, completeSignIn] = await measure(async () =>
      expectResult(
        await gql(COMPLETE_SIGN_IN, { input: { challengeId: challenge.challenge.id, totpCode: codeFor(user!, step) } }),
        "completeSignIn",
        "SignedIn",
      ),
    );
    const [, me] = await measure(async () => {
      const res = await gql(ME, {}, signedIn.session.token);
      if (res.data?.me?.email !== user!.email) throw new Error(`me: ${JSON.stringify(res)}`);
    });
    offsetMs += 90_000;
    const second = expectResult(await gql(SIGN_IN, { input: { email: user!.email, password: PASSWORD } }), "signIn", "SecondFactorRequired");
    const [, withUser] = await measure(async () =>
      expectResult(
        await gql(COMPLETE_SIGN_IN_WITH_USER, { input: { challengeId: second.challenge.id, totpCode: codeFor(user!, stepAt(now())) } }),
        "completeSignIn",
        "SignedIn",
      ),
    );
    return { counts: { signIn, completeSignIn, "completeSignIn + user": withUser, me }, server };
  } catch (error) {
    await server.close();
    throw error;
  }
}
