// The local server keeps what it acknowledged: across a clean restart, and when stopped with
// SIGTERM in the middle of a load of sign-ups.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { afterAll, afterEach, beforeAll, expect, test } from "vitest";
import { startTestServer } from "@access-identity/testing/server";
import { COMPLETE_SIGN_IN, SIGN_IN, SIGN_UP } from "@access-identity/testing/operations";
import { enableTotpTwoFactor, PASSWORD, signUpUser, startSignIn, uniqueEmail } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";

import { buildLocal } from "../../../../scripts/build-local.mjs";

const children: ChildProcess[] = [];
// `npm start` runs the bundle (scripts/build-local.mjs), so that is what is stopped and restarted
// here; built into a directory of its own under dist/ (in the repository, so the packages it leaves
// external resolve from node_modules) so that a running `npm start` keeps its dist/local.
const dist = fileURLToPath(new URL("../../../../dist", import.meta.url));
let buildDir: string;
let mainFile: string;
beforeAll(async () => {
  mkdirSync(dist, { recursive: true });
  buildDir = mkdtempSync(join(dist, "test-local-"));
  mainFile = await buildLocal({ entry: "packages/functions/src/local/main.ts", outdir: buildDir, quiet: true });
}, 60_000);
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
});

/** `npm start`'s entry point in a child process; resolves with its URL once it listens. */
async function startServerProcess(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [mainFile], {
    env: { ...process.env, PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "info", AWS_ENDPOINT_URL_DYNAMODB: "" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited early (${code})`)));
    lines.on("line", (line) => {
      const parsed = JSON.parse(line) as { url?: string };
      if (parsed.url) resolve(parsed.url);
    });
  });
  return { child, url };
}

async function post(url: string, query: string, variables: Record<string, unknown>) {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any };
}

test("a restart keeps accounts, factors, and the key that decrypts TOTP secrets", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "ai-data-"));
  const env = { DATA_DIR: dataDir, ENCRYPTION_KEY: "" };
  const first = await startTestServer({ inMemory: false, env });
  const user = await signUpUser(first);
  const { secret } = await enableTotpTwoFactor(first, user);
  await first.close();

  const second = await startTestServer({ inMemory: false, env });
  try {
    second.clock.advance(60);
    const challengeId = await startSignIn(second, user.email);
    const res = await second.gql(COMPLETE_SIGN_IN, { input: { challengeId, totpCode: oathtool(secret, second.clock.now()) } });
    expect(res.data.completeSignIn.__typename).toBe("SignedIn");
  } finally {
    await second.close();
  }
});

test("SIGTERM in the middle of a load of sign-ups loses no acknowledged account", async () => {
  const dataDir = mkdtempSync(join(tmpdir(), "ai-data-"));
  const { child, url } = await startServerProcess(dataDir);
  const acknowledged: string[] = [];
  let stop = false;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  const worker = async () => {
    while (!stop) {
      const email = uniqueEmail();
      try {
        const res = await post(`${url}/graphql`, SIGN_UP, { input: { email, password: PASSWORD } });
        if (res.data?.signUp.__typename === "SignedIn") acknowledged.push(email);
      } catch {
        return; // the server has gone: requests in flight may fail, but were never acknowledged
      }
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  while (acknowledged.length < 30) await new Promise((r) => setTimeout(r, 20));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
  stop = true;
  await Promise.all(workers);

  const restarted = await startServerProcess(dataDir);
  for (const email of acknowledged) {
    const res = await post(`${restarted.url}/graphql`, SIGN_IN, { input: { email, password: PASSWORD } });
    expect(res.data?.signIn.__typename, email).toBe("SignedIn");
  }
  restarted.child.kill("SIGTERM");
}, 60_000);
