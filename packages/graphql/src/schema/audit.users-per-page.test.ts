// Threat (cost): a page of audit events read one account per actor and per subject, so a single
// `auditLog(first: 100)` could make 200 store reads. Now the users a page names are read in one
// BatchGet for the whole page, counted here at the store (core's `onDbRequest`, as
// scripts/bench/db-requests.ts counts).
import { afterAll, beforeAll, expect, test } from "vitest";
import { proveDomain, signUp, type TestUser } from "./domains.fixtures.js";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";
import { CLAIM } from "@access-identity/testing/operations";

let api: TestApi;
let dns: TestDnsServer;
let owner: TestUser;
let operations: string[] = [];
const members: TestUser[] = [];

beforeAll(async () => {
  dns = await startDnsServer();
  api = await startTestApi({ env: { DNS_SERVERS: dns.address }, core: { onDbRequest: (operation: string) => operations.push(operation) } });
  owner = await signUp(api, "owner@audit.test");
  await proveDomain(api, dns, owner, "audit.test", {});
  // 20 members claim the domain: 20 events on its log, each naming its own actor and subject.
  for (let i = 0; i < 20; i++) {
    const member = await signUp(api, `member${i}@audit.test`);
    await api.gql(CLAIM, { input: { name: "audit.test" } }, { token: member.token });
    members.push(member);
  }
});
afterAll(async () => {
  await api?.close();
  await dns?.close();
});

async function batchGets(query: string, token: string): Promise<{ count: number; data: unknown }> {
  operations = [];
  const res = await api.gql(query, {}, { token });
  expect(res.errors).toBeUndefined();
  return { count: operations.filter((op) => op === "BatchGetItem").length, data: res.data };
}

const page = (fields: string) => `{ domain(name: "audit.test") { auditLog(first: 20) { edges { node { action ${fields} } } } } }`;

test("a domain's page of 20 events names its actors and subjects with one BatchGet", async () => {
  const without = await batchGets(page(""), owner.token);
  const withUsers = await batchGets(page("actor { email } subject { email }"), owner.token);
  expect(withUsers.count - without.count).toBe(1);
  const edges = (withUsers.data as { domain: { auditLog: { edges: { node: { actor: { email: string }; subject: { email: string } } }[] } } }).domain.auditLog.edges;
  expect(edges).toHaveLength(20);
  expect(new Set(edges.map((e) => e.node.actor.email))).toEqual(new Set(members.map((m) => m.email)));
  expect(edges.every((e) => e.node.subject.email === e.node.actor.email)).toBe(true);
});

test("the caller's own log does the same", async () => {
  const member = members[0]!;
  const query = (fields: string) => `{ auditLog(first: 20) { edges { node { action ${fields} } } } }`;
  const without = await batchGets(query(""), member.token);
  const withUsers = await batchGets(query("actor { email } subject { email }"), member.token);
  expect(withUsers.count - without.count).toBe(1);
});
