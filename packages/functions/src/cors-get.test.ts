// A cross-origin browser client (urql sends queries as GET by default) must get through CORS with
// the CSRF header the README tells it to send; a request without that header is still refused.
import { afterAll, beforeAll, expect, test } from "vitest";
import { signUpUser } from "@access-identity/testing/flows";
import { startTestServer as startTestApi, type TestServer as TestApi } from "@access-identity/testing/server";

const ORIGIN = "https://app.example.com";
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ env: { CORS_ORIGINS: ORIGIN } });
});
afterAll(() => api.close());

test("a cross-origin GET query: the preflight allows the CSRF header, then the query answers", async () => {
  const user = await signUpUser(api);
  const preflight = await fetch(`${api.server.url}/graphql`, {
    method: "OPTIONS",
    headers: { origin: ORIGIN, "access-control-request-method": "GET", "access-control-request-headers": "authorization, x-graphql-yoga-csrf" },
  });
  expect(preflight.status).toBeLessThan(300);
  expect(preflight.headers.get("access-control-allow-origin")).toBe(ORIGIN);
  const allowed = (preflight.headers.get("access-control-allow-headers") ?? "").toLowerCase().split(/\s*,\s*/);
  expect(allowed).toEqual(expect.arrayContaining(["authorization", "x-graphql-yoga-csrf"]));
  expect((preflight.headers.get("access-control-allow-methods") ?? "").toUpperCase()).toContain("GET");

  const url = `${api.server.url}/graphql?query=${encodeURIComponent("{ me { email } }")}`;
  const get = await fetch(url, { headers: { origin: ORIGIN, authorization: `Bearer ${user.token}`, "x-graphql-yoga-csrf": "1" } });
  expect(get.status).toBe(200);
  expect(get.headers.get("access-control-allow-origin")).toBe(ORIGIN);
  expect((await get.json()).data.me.email).toBe(user.email);

  // The CSRF check itself is unchanged: a GET a form or an <img> could send is refused.
  const simple = await fetch(url, { headers: { origin: ORIGIN } });
  expect(simple.status).toBe(403);
});
