// What any client meets at the transport: masked errors, size limits, GET queries, CORS, the playground.
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestServer, type TestServer } from "@access-identity/testing/server";

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer({ env: { CORS_ORIGINS: "https://app.example.com" } });
});
afterAll(() => api.close());

test("every response carries a request id", async () => {
  const res = await api.gql(`{ me { id } }`);
  expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
});

test("syntax and validation errors are reported without internals; nothing is a 500", async () => {
  for (const query of ["{ me { ", "{ nope }", "mutation { signUp(input: {}) { __typename } }", `{ me { id } } `.repeat(1)]) {
    const res = await api.gql(query);
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res)).not.toMatch(/at .*\.ts:\d+|node_modules|stack/i);
  }
});

test("a body that is not JSON is refused as BAD_REQUEST, without the parser's internals", async () => {
  const response = await fetch(`${api.server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":' });
  expect(response.status).toBeLessThan(500);
  const body = (await response.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(body.errors[0]).toMatchObject({ message: "POST body sent invalid JSON.", extensions: { code: "BAD_REQUEST" } });
  expect(body.errors[0]!.extensions).not.toHaveProperty("originalError");
});

test("wrong-typed variables are a GraphQL error, not a crash", async () => {
  const res = await api.gql(`mutation($input: SignInInput!) { signIn(input: $input) { __typename } }`, { input: { email: 42, password: ["x"] } });
  expect(res.status).toBeLessThan(500);
  expect(res.errors?.[0]?.message).toMatch(/String/);
});

test("a body over 64 KiB is refused with 413 before parsing", async () => {
  const big = "x".repeat(70 * 1024);
  const response = await fetch(`${api.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ me { id } }`, variables: { big } }),
  });
  expect(response.status).toBe(413);
});

test("queries work over GET; mutations do not", async () => {
  const headers = { accept: "application/json", "x-graphql-yoga-csrf": "1" };
  const get = await fetch(`${api.server.url}/graphql?query=${encodeURIComponent("{ me { id } }")}`, { headers });
  expect(await get.json()).toEqual({ data: { me: null } });
  const mutation = await fetch(`${api.server.url}/graphql?query=${encodeURIComponent("mutation { signOut { __typename } }")}`, { headers });
  expect(mutation.status).toBe(405);
});

test("CSRF: requests a browser could send cross-site without a preflight are refused", async () => {
  const simpleGet = await fetch(`${api.server.url}/graphql?query=${encodeURIComponent("{ me { id } }")}`, { headers: { accept: "application/json" } });
  expect(simpleGet.status).toBe(403);
  const formPost = await fetch(`${api.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `query=${encodeURIComponent("mutation { signOut { __typename } }")}`,
  });
  expect(formPost.status).toBe(403);
  const textPost = await fetch(`${api.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "text/plain" },
    body: JSON.stringify({ query: "{ me { id } }" }),
  });
  expect(textPost.status).toBe(403);
});

test("CORS: the configured origin may call with a bearer token (preflight included); others get no grant", async () => {
  const preflight = await fetch(`${api.server.url}/graphql`, {
    method: "OPTIONS",
    headers: { origin: "https://app.example.com", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
  });
  expect(preflight.status).toBeLessThan(300);
  expect(preflight.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
  expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");

  const evil = await fetch(`${api.server.url}/graphql`, {
    method: "OPTIONS",
    headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
  });
  expect(evil.headers.get("access-control-allow-origin")).not.toBe("https://evil.example");
});

test("batched operations are refused (each request is one operation)", async () => {
  const response = await fetch(`${api.server.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify([{ query: "{ me { id } }" }, { query: "{ me { id } }" }]),
  });
  expect(response.status).toBeGreaterThanOrEqual(400);
  expect(response.status).toBeLessThan(500);
});

test("alias and token floods are refused by the armour before execution", async () => {
  const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: me { id }`).join(" ");
  const res = await api.gql(`{ ${aliases} }`);
  expect(res.errors?.[0]?.message).toMatch(/alias/i);
  const fields = Array.from({ length: 400 }, () => "id email").join(" ");
  const tokens = await api.gql(`{ me { ${fields} } }`);
  expect(tokens.errors?.[0]?.message).toMatch(/token/i);
});

test("the playground's own introspection query is allowed locally", async () => {
  const res = await api.gql(`{ __schema { types { name fields { name type { name kind ofType { name kind ofType { name kind ofType { name } } } } } } } }`);
  expect(res.errors).toBeUndefined();
  expect(res.data.__schema.types.length).toBeGreaterThan(20);
});

test("the GraphiQL playground is served self-contained (no CDN) to browsers", async () => {
  const response = await fetch(`${api.server.url}/graphql`, { headers: { accept: "text/html" } });
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(html).toContain("<html");
  expect(html).not.toMatch(/<script[^>]+src="https?:\/\//);
  expect(html).not.toMatch(/<link[^>]+href="https?:\/\//);
});
