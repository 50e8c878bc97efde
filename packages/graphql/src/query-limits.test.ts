// Threat: a query that makes the server do unbounded work (aliased copies of big pages, deep
// nesting); and the opposite failure, limits so tight that a client's natural queries are refused.
// API.md: every connection, queried on its own, accepts `first: 100` with its natural selection.
import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { proveDomain, signUp, signUpWithTotp, type TestUser } from "./schema/domains.fixtures.js";
import { schema } from "./schema.js";
import { armorLimits } from "./yoga.js";

const PAGE_INFO = `pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;
const AUDIT_EVENTS = `edges { cursor node { id at action detail actor { email } subject { email } } } ${PAGE_INFO}`;
const FACTOR = `id kind label createdAt lastUsedAt`;
const TWO_FACTOR_STATUS = `twoFactor { enabled enforcedByDomain enrolmentRequired enrolmentDeadline backupCodesRemaining factors { ${FACTOR} } }`;
const SESSION_INFO = `id current aal aal2Until createdAt lastSeenAt expiresAt ipAddress userAgent`;

let api: TestApi;
let dns: TestDnsServer;
let owner: TestUser;
let fields: { user: string[]; query: string[] };

beforeAll(async () => {
  dns = await startDnsServer();
  api = await startTestApi({ env: { DNS_SERVERS: dns.address } });
  owner = await signUpWithTotp(api, "owner@limits.test");
  for (let i = 0; i < 3; i++) await signUp(api, `member${i}@limits.test`);
  await proveDomain(api, dns, owner, "limits.test", {});
  const types = await api.gql(`{ user: __type(name: "User") { fields { name } } query: __type(name: "Query") { fields { name } } }`);
  fields = { user: types.data.user.fields.map((f: { name: string }) => f.name), query: types.data.query.fields.map((f: { name: string }) => f.name) };
});
afterAll(async () => {
  await api?.close();
  await dns?.close();
});

/** The natural selection of each connection with `first: 100`; fields other helpers add are selected once they exist. */
function naturalQueries(): Record<string, string> {
  const emailVerified = fields.user.includes("emailVerified") ? "emailVerified" : "";
  const queries: Record<string, string> = {
    "auditLog (the caller's)": `{ auditLog(first: 100) { ${AUDIT_EVENTS} } }`,
    "domain.auditLog": `{ domain(name: "limits.test") { auditLog(first: 100) { ${AUDIT_EVENTS} } } }`,
    "domain.members": `{ domain(name: "limits.test") { members(first: 100) { edges { cursor node { email user { id email ${emailVerified} } ${TWO_FACTOR_STATUS} } } ${PAGE_INFO} } } }`,
  };
  // SessionInfo lands with helper "sessions": its page is checked as soon as the field exists.
  if (fields.query.includes("sessions")) queries.sessions = `{ sessions(first: 100) { edges { cursor node { ${SESSION_INFO} } } ${PAGE_INFO} } }`;
  return queries;
}

function cost(query: string): number {
  let found = Number.NaN;
  const options = { ...armorLimits(false).costLimit, maxCost: Number.MAX_SAFE_INTEGER, onAccept: [(_c: unknown, { n }: { n: number }) => (found = n)] };
  validate(schema, parse(query), [costLimitRule(options)]);
  return found;
}

describe("natural queries pass", () => {
  test("every connection with first: 100 and its natural selection runs for its owner", async () => {
    for (const [name, query] of Object.entries(naturalQueries())) {
      const res = await api.gql(query, {}, { token: owner.token });
      expect(res.errors, `${name} (cost ${cost(query)})`).toBeUndefined();
      // Half the limit: a screen may show two full pages at once.
      expect(cost(query), name).toBeLessThanOrEqual(armorLimits(false).costLimit.maxCost / 2);
    }
  });

  test("the deepest natural query, through node(id) and a named fragment, is within the depth limit", async () => {
    const id = (await api.gql(`{ domain(name: "limits.test") { id } }`, {}, { token: owner.token })).data.domain.id;
    const query = `query($id: ID!) { node(id: $id) { ...D } }
      fragment D on Domain { members(first: 100) { edges { node { ...M } } } }
      fragment M on DomainMember { user { id } twoFactor { factors { ...F } } }
      fragment F on Factor { ${FACTOR} }`;
    const res = await api.gql(query, { id }, { token: owner.token });
    expect(res.errors).toBeUndefined();
    expect(res.data.node.members.edges.length).toBeGreaterThan(0);
  });
});

describe("abusive queries are refused", () => {
  test("aliased copies of a full page", async () => {
    const page = `members(first: 100) { edges { node { email ${TWO_FACTOR_STATUS} } } }`;
    const query = `{ domain(name: "limits.test") { a: ${page} b: ${page} c: ${page} d: ${page} e: ${page} } }`;
    const res = await api.gql(query, {}, { token: owner.token });
    expect(res.errors?.[0]?.message).toMatch(/Query Cost limit of 8000 exceeded/);
  });

  test("nesting beyond the depth limit (nine levels of fields, fragments not counted)", async () => {
    const tooDeep = `mutation { claimDomain(input: { name: "limits.test" }) { ... on DomainClaim { domain {
      members { edges { node { user { twoFactor { factors { id } } } } } } } } } }`;
    const res = await api.gql(tooDeep, {}, { token: owner.token });
    expect(res.errors?.[0]?.message).toMatch(/depth limit of 8 exceeded, found 9/);
  });
});
