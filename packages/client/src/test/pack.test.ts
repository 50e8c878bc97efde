// The package as a user gets it: `npm pack`, installed from the tarball into an empty folder, and
// the README's Node script run against a running server.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "./server.js";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("../..", import.meta.url));

/** The README's runnable script: the code block after the `readme-script` marker. */
function readmeScript(): string {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const block = readme.split("<!-- readme-script")[1]?.match(/```js\n([\s\S]*?)```/)?.[1];
  if (!block) throw new Error("README has no readme-script block");
  return block;
}

let api: TestApi;
let dir: string;
beforeAll(async () => {
  api = await startTestApi();
  dir = mkdtempSync(join(tmpdir(), "client-pack-"));
});
afterAll(async () => {
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test("npm pack, install the tarball into an empty folder, run the README's script", async () => {
  const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", dir], { cwd: packageDir });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  const files = packed!.files.map((f) => f.path).sort();
  expect(files).toEqual(expect.arrayContaining(["CHANGELOG.md", "README.md", "dist/index.d.ts", "dist/index.js", "dist/webauthn.d.ts", "dist/webauthn.js", "package.json"]));
  expect(files.filter((f) => !f.startsWith("dist/") && !["CHANGELOG.md", "README.md", "package.json"].includes(f))).toEqual([]);
  expect(files.filter((f) => f.includes("test"))).toEqual([]);

  const app = join(dir, "app");
  await run("mkdir", [app]);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "readme-app", private: true, type: "module" }));
  // Its runtime dependencies come from the npm cache when there, else the registry.
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", join(dir, packed!.filename)], { cwd: app });
  expect(readdirSync(join(app, "node_modules", "@access-identity"))).toEqual(["client"]);

  writeFileSync(join(app, "signup-and-me.mjs"), readmeScript());
  const result = await run("node", ["signup-and-me.mjs", `${api.server.url}/graphql`], { cwd: app });
  expect(result.stdout).toMatch(/^signed up as ada\.\d+@example\.com \(session AAL1, 2FA off\)\n$/);
}, 180_000);
