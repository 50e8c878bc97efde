#!/usr/bin/env node
// The seams CI holds (docs/architecture.md):
// 1. no import cycle anywhere, found by madge (a maintained tool), not by this script;
// 2. no DynamoDB command built outside packages/core/src/db/: production code outside that folder
//    may not import the DynamoDB SDK at all, so every key, expression and condition has one home;
// 3. no production file over 300 lines.
// Tests and packages/testing may talk to the store directly (to seed and inspect items).
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const problems = [];

try {
  // `npm run cycles` runs madge from its own pinned install (tools/madge: its parser needs the
  // TypeScript 5 API that the workspace's TypeScript 7 lacks).
  execFileSync("npm", ["run", "-s", "cycles"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
} catch (error) {
  problems.push(`import cycles (npm run cycles):\n${error.stdout?.toString() ?? ""}${error.stderr?.toString() ?? error.message}`);
}

const DYNAMO_SDK = /from\s+["']@aws-sdk\/(client-dynamodb|lib-dynamodb)["']|import\(\s*["']@aws-sdk\/(client-dynamodb|lib-dynamodb)["']\s*\)/;
const MAX_LINES = 300;

function* productionFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name === "node_modules" || entry.name === "dist" || entry.name === "generated") continue;
      yield* productionFiles(path);
    } else if (/\.(ts|tsx|mjs)$/.test(entry.name) && !/\.(test|e2e\.test)\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) {
      yield path;
    }
  }
}

for (const pkg of readdirSync(join(root, "packages"))) {
  if (pkg === "testing") continue;
  const src = join(root, "packages", pkg, "src");
  let files;
  try {
    files = [...productionFiles(src)];
  } catch {
    continue;
  }
  for (const file of files) {
    const rel = relative(root, file);
    const text = readFileSync(file, "utf8");
    if (DYNAMO_SDK.test(text) && !rel.startsWith("packages/core/src/db/")) {
      problems.push(`${rel} imports the DynamoDB SDK: build the command in a packages/core/src/db/ module and call its named operation`);
    }
    const lines = text.split("\n").length;
    if (lines > MAX_LINES) problems.push(`${rel} has ${lines} lines (at most ${MAX_LINES}): split it by what it does`);
  }
}

if (problems.length) {
  console.error(`structure check failed:\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log("structure check: no import cycle, DynamoDB commands only in packages/core/src/db/, no production file over 300 lines");
