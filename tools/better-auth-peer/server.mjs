// The benchmark's peer server (issue 16): better-auth with email + password and its twoFactor
// plugin (TOTP), on SQLite in WAL mode through better-sqlite3, behind a plain node:http server.
// Everything is better-auth's default (scrypt from node:crypto, session and cookie settings)
// except the rate limiter, which is off, as ours is raised out of the way.
//
// It speaks the same IPC protocol as scripts/bench/server-entry.ts, so the benchmark drives both
// alike: { cpu } → process.cpuUsage() of this process (better-auth, SQLite, libuv's pool),
// { memory } → process.memoryUsage(), { advanceSeconds } → moves this process's clock forward.
// better-auth reads the time from Date.now() and new Date() (its TOTP check included), so the
// clock is moved by replacing the global Date with one that adds an offset: a TOTP time step
// can then be "30 seconds later" at once, as for our server. Reading the time costs one addition.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

const RealDate = Date;
let offsetMs = 0;
function ShiftedDate(...args) {
  if (!new.target) return RealDate();
  return args.length === 0 ? new RealDate(RealDate.now() + offsetMs) : new RealDate(...args);
}
ShiftedDate.prototype = RealDate.prototype;
ShiftedDate.now = () => RealDate.now() + offsetMs;
ShiftedDate.parse = RealDate.parse;
ShiftedDate.UTC = RealDate.UTC;
globalThis.Date = ShiftedDate;

const { betterAuth } = await import("better-auth");
const { twoFactor } = await import("better-auth/plugins/two-factor");
const { toNodeHandler } = await import("better-auth/node");
const { getMigrations } = await import("better-auth/db/migration");
const { default: Database } = await import("better-sqlite3");

const dataDir = process.env.PEER_DATA_DIR ?? mkdtempSync(join(tmpdir(), "better-auth-peer-"));
const db = new Database(join(dataDir, "better-auth.sqlite"));
db.pragma("journal_mode = WAL");

let handler = (_req, res) => res.writeHead(503).end();
const server = createServer((req, res) => handler(req, res));
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const url = `http://127.0.0.1:${server.address().port}`;

const auth = betterAuth({
  appName: "Bench",
  baseURL: url,
  secret: "bench-only-secret-bench-only-secret-0123456789",
  database: db,
  emailAndPassword: { enabled: true },
  plugins: [twoFactor({ issuer: "Bench" })],
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
});
const { runMigrations } = await getMigrations(auth.options);
await runMigrations();
handler = toNodeHandler(auth);

process.on("message", (message) => {
  if (message?.cpu) {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuUs: user + system });
  } else if (message?.memory) {
    process.send?.({ memoryUsage: process.memoryUsage() });
  } else if (typeof message?.advanceSeconds === "number") {
    offsetMs += message.advanceSeconds * 1000;
    process.send?.({ offsetMs });
  }
});

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => {
      db.close();
      if (!process.env.PEER_DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    });
    server.closeAllConnections();
  });
}

const journalMode = db.pragma("journal_mode", { simple: true });
const synchronous = db.pragma("synchronous", { simple: true });
process.send?.({ ready: true, url, offsetMs, journalMode, synchronous, sqlite: db.prepare("select sqlite_version() as v").get().v });
