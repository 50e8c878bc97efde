// The members index at scale: a members page is whole even when the index hands it back in
// several 1 MB pieces; the index carries no credential of any account; and public mail domains
// (gmail.com...) stay out of it, so their millions of accounts never share one index key.
import type { AddressInfo } from "node:net";
import dynalite from "dynalite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loadConfig } from "../config.js";
import { createCore } from "../core.js";
import { batchGet, batchPut } from "../db/batch.js";
import { MEMBER_ATTRIBUTES, queryMembers } from "../db/domain-members.js";
import { keys } from "../db/keys.js";
import { ensureTable } from "../db/table.js";
import type { Deps } from "../deps.js";
import type { DomainRecord } from "./domain.js";
import { memberIndexKeys } from "./member-index.js";
import { listDomainMembers } from "./members.js";

const store = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
let deps: Deps;

beforeAll(async () => {
  await new Promise<void>((resolve) => store.listen(0, "127.0.0.1", resolve));
  const { port } = store.address() as AddressInfo;
  deps = createCore(
    loadConfig({ AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${port}`, ENCRYPTION_KEY: "A".repeat(43) + "=", TABLE_NAME: "members-index" }),
  );
  await ensureTable(deps.db.raw, deps.db.table);
});
afterAll(() => new Promise<void>((resolve) => store.close(() => resolve())));

/** An account item as sign-up writes it, with a confirmed factor whose stored data weighs `dataBytes`. */
async function account(email: string, dataBytes = 100) {
  const now = new Date().toISOString();
  return {
    ...keys.account(email),
    ...(await memberIndexKeys(email)),
    type: "account",
    userId: `usr_${email.split("@")[0]}`,
    email,
    domain: email.split("@")[1],
    passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo",
    createdAt: now,
    twoFactorEnabled: true,
    twoFactorEnabledAt: now,
    emailVerified: true,
    factors: { fac_1: { id: "fac_1", kind: "TOTP", label: "Phone", createdAt: now, data: { secretSealed: "s".repeat(dataBytes) } } },
    backupCodes: new Set(["hash-1", "hash-2"]),
    spentBackupCodes: new Set(["hash-0"]),
    backupCodesGeneratedAt: now,
    sessionsValidFrom: now,
    webAuthnUserHandle: "handle-that-is-not-for-owners",
  };
}

const verified = (name: string): DomainRecord => ({ name, verified: true, owners: [], enforceTwoFactor: false, gracePeriodDays: 0, createdAt: new Date().toISOString() });

describe("a members page that spans more than one 1 MB query page", () => {
  // Six members of 300 kB each in the index: DynamoDB (and dynalite) stop a Query page at 1 MB,
  // so the index hands back four, then the rest from LastEvaluatedKey.
  const emails = ["a", "b", "c", "d", "e", "f"].map((n) => `${n}@big.test`);
  beforeAll(async () => {
    await batchPut(deps.db, await Promise.all(emails.map((email) => account(email, 300_000))));
  });

  test("holds every member it was asked for, and knows the end when it reaches it", async () => {
    const page = await listDomainMembers(deps, verified("big.test"), { first: 10 });
    expect(page.items.map((edge) => edge.node.account.email)).toEqual(emails);
    expect(page.hasNextPage).toBe(false);
  });

  test("says there is more only when there is, and the next page starts after the last one", async () => {
    const first = await listDomainMembers(deps, verified("big.test"), { first: 5 });
    expect(first.items.map((edge) => edge.node.account.email)).toEqual(emails.slice(0, 5));
    expect(first.hasNextPage).toBe(true);
    const rest = await listDomainMembers(deps, verified("big.test"), { first: 5, after: first.endCursor });
    expect(rest.items.map((edge) => edge.node.account.email)).toEqual(emails.slice(5));
    expect(rest.hasNextPage).toBe(false);
  });
});

test("a members query carries no password hash, WebAuthn user handle, spent codes or session state", async () => {
  await batchPut(deps.db, [await account("owner@lean.test"), await account("member@lean.test")]);
  const { members } = await queryMembers(deps.db, "lean.test", { size: 10 });
  expect(members.map((m) => m.email)).toEqual(["member@lean.test", "owner@lean.test"]);
  for (const member of members) {
    // What the index handed back, key attributes aside: exactly the projection, nothing more.
    expect(Object.keys(member).sort()).toEqual(MEMBER_ATTRIBUTES.filter((name) => name !== "type").sort());
    expect(member).not.toHaveProperty("passwordHash");
    expect(member).not.toHaveProperty("webAuthnUserHandle");
  }
  // What the members list shows is all there: the 2FA state, the factors, the backup codes left.
  const page = await listDomainMembers(deps, verified("lean.test"), { first: 10 });
  expect(page.items[0]!.node.twoFactor).toMatchObject({ enabled: true, backupCodesRemaining: 2, factors: [{ id: "fac_1", kind: "TOTP", label: "Phone" }] });
});

describe("public mail domains stay out of the members index", () => {
  test("an account on gmail.com (or a subdomain of a public provider) gets no index keys; an organisation's does", async () => {
    expect(await memberIndexKeys("someone@gmail.com")).toEqual({});
    expect(await memberIndexKeys("someone@eu.usa.cc")).toEqual({});
    expect(await memberIndexKeys("someone@acme.test")).toEqual({ GSI1PK: "DOMAIN#acme.test", GSI1SK: "MEMBER#someone@acme.test" });
  });

  test("so no query on gmail.com's key finds its accounts, while the account itself is stored as ever", async () => {
    await batchPut(deps.db, [await account("one@gmail.com"), await account("two@gmail.com")]);
    expect((await queryMembers(deps.db, "gmail.com", { size: 10 })).members).toEqual([]);
    const [stored] = await batchGet(deps.db, [keys.account("one@gmail.com")]);
    expect(stored).toMatchObject({ email: "one@gmail.com" });
    expect(stored).not.toHaveProperty("GSI1PK");
  });
});
