#!/usr/bin/env node
// `npm start` runs this first: it builds packages/web/dist with vite when the build is missing or
// older than any of its sources (the app, the client it imports), so a fresh checkout and an edited
// one both serve the current app, and an unchanged one starts at once. Works offline.
import { mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const web = fileURLToPath(new URL("..", import.meta.url));
const SOURCES = ["src", "public", "index.html", "vite.config.ts", "../client/src"].map((p) => join(web, p));
const BUILT = join(web, "dist", "index.html");

function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    // The app's tests are not part of it.
    if (entry === "node_modules" || entry === "e2e" || entry.endsWith(".test.ts")) continue;
    latest = Math.max(latest, newest(join(path, entry)));
  }
  return latest;
}

export function isStale() {
  const built = statSync(BUILT, { throwIfNoEntry: false });
  return !built || Math.max(...SOURCES.map(newest)) > built.mtimeMs;
}

/** Builds when stale; parallel callers (test files) wait on one lock directory instead of building twice. */
export async function buildIfStale() {
  const lock = join(web, ".build-lock");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 120_000) rmdirSync(lock, { recursive: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (!isStale()) return false;
    const { build } = await import("vite");
    await build({ configFile: join(web, "vite.config.ts") });
    return true;
  } finally {
    rmdirSync(lock);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const built = await buildIfStale();
  if (built) console.log(`web app built into packages/web/dist in ${Date.now() - started} ms`);
}
