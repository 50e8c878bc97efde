// The local server serves the built web app beside /graphql: routes answer index.html, hashed
// assets are cached for good, everything carries the same-origin CSP, and /graphql is untouched.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer as startTestApi, type TestServer as TestApi } from "@access-identity/testing/server";
import { DEFAULT_WEB_ROOT, repositoryRoot } from "./web-app.js";

test("the web app's default root is found from the repository's root, from the source or a bundle in dist/", () => {
  const root = fileURLToPath(new URL("../../../../", import.meta.url)).replace(/\/$/, "");
  expect(DEFAULT_WEB_ROOT).toBe(join(root, "packages/web/dist"));
  // `npm start` runs dist/local/main.mjs; the benchmark dist/bench/server-entry/server-entry.mjs.
  expect(repositoryRoot(join(root, "dist/local/main.mjs"))).toBe(root);
  expect(repositoryRoot(join(root, "dist/bench/server-entry/server-entry.mjs"))).toBe(root);
});

/** Raw HTTP, so paths like /../ reach the server as sent (fetch would normalise them). */
function get(url: string, path: string, method = "GET"): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, { method, path }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the web app on the local server", () => {
  let api: TestApi;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "web-root-"));
    mkdirSync(join(root, "assets"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(root, "assets", "index-abc123.js"), "console.log(1)");
    writeFileSync(join(root, "favicon.svg"), "<svg/>");
    writeFileSync(join(root, "..", `${root.split("/").pop()}-secret.txt`), "not for the web");
    api = await startTestApi({ webRoot: root });
  });

  afterAll(async () => {
    await api?.close();
    rmSync(root, { recursive: true, force: true });
    rmSync(`${root}-secret.txt`, { force: true });
  });

  test("every app route answers index.html, revalidated, with the same-origin CSP", async () => {
    for (const path of ["/", "/sign-in", "/settings/two-factor", "/admin/domain", "/verify-email?token=abc"]) {
      const res = await get(api.server.url, path);
      expect(res.status, path).toBe(200);
      expect(res.body).toContain("<title>app</title>");
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
      expect(res.headers["content-security-policy"]).toContain("style-src 'self'");
      expect(res.headers["content-security-policy"]).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  test("hashed assets are immutable; other files revalidate; HEAD has no body", async () => {
    const asset = await get(api.server.url, "/assets/index-abc123.js");
    expect(asset.status).toBe(200);
    expect(asset.headers["content-type"]).toBe("text/javascript; charset=utf-8");
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const icon = await get(api.server.url, "/favicon.svg");
    expect(icon.headers["cache-control"]).toBe("no-cache");
    const head = await get(api.server.url, "/favicon.svg", "HEAD");
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
  });

  test("nothing outside the web root, and no missing file, is served", async () => {
    const secret = `${root.split("/").pop()}-secret.txt`;
    expect((await get(api.server.url, `/../${secret}`)).body).not.toContain("not for the web");
    expect((await get(api.server.url, `/%2e%2e/${secret}`)).body).not.toContain("not for the web");
    expect((await get(api.server.url, "/assets/missing.js")).status).toBe(404);
  });

  test("/graphql stays the API (and the playground) with its own headers", async () => {
    const res = await fetch(`${api.server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ me { id } }" }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { me: null } });
    const playground = await new Promise<string>((resolve, reject) => {
      request(`${api.server.url}/graphql`, { headers: { accept: "text/html" } }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve(body));
      })
        .on("error", reject)
        .end();
    });
    expect(playground).toMatch(/graphiql/i);
    expect(playground).not.toContain("<title>app</title>");
  });
});
