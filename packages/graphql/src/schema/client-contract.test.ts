// API.md "For client developers": stable error codes, the user after every 2FA change, Node ids
// refetched under the usual access rules (never revealing what the caller may not see), full PageInfo.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { startSignIn } from "@access-identity/testing/flows";
import { COMPLETE_SIGN_IN, CONFIRM_TOTP, ENROL_TOTP, GENERATE_BACKUP_CODES } from "@access-identity/testing/operations";
import { oathtool } from "@access-identity/testing/totp";
import { proveDomain, signUp, signUpWithTotp, type TestUser } from "./domains.fixtures.js";

const NODE = `query($id: ID!) { node(id: $id) { __typename id ... on User { email } ... on Domain { name }
  ... on Factor { kind } ... on AuditEvent { action } } }`;
const ERROR = `... on Error { message code } ... on InvalidCodeError { attemptsRemaining } ... on ValidationError { field }`;

let api: TestApi;
let dns: TestDnsServer;
const published: Record<string, string[]> = {};
let owner: TestUser; // owns verified nodes.test
let member: TestUser; // nodes.test member with TOTP
let stranger: TestUser; // on other.test

beforeAll(async () => {
  dns = await startDnsServer();
  api = await startTestApi({ env: { DNS_SERVERS: dns.address } });
  owner = await signUpWithTotp(api, "owner@nodes.test");
  member = await signUpWithTotp(api, "member@nodes.test");
  stranger = await signUp(api, "someone@other.test");
  await proveDomain(api, dns, owner, "nodes.test", published);
});
afterAll(async () => {
  await api?.close();
  await dns?.close();
});

describe("error codes", () => {
  test("a TOTP code used once is CODE_ALREADY_USED the second time, a wrong one INVALID_CODE", async () => {
    api.clock.advance(30);
    const code = oathtool(member.totpSecret!, api.clock.now());
    const first = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: await startSignIn(api, member.email), totpCode: code } });
    expect(first.data.completeSignIn.__typename).toBe("SignedIn");
    const op = `mutation($input: CompleteSignInInput!) { completeSignIn(input: $input) { __typename ${ERROR} } }`;
    const again = await api.gql(op, { input: { challengeId: await startSignIn(api, member.email), totpCode: code } });
    expect(again.data.completeSignIn).toMatchObject({ __typename: "InvalidCodeError", code: "CODE_ALREADY_USED" });
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
    const bad = await api.gql(op, { input: { challengeId: await startSignIn(api, member.email), totpCode: wrong } });
    expect(bad.data.completeSignIn).toMatchObject({ __typename: "InvalidCodeError", code: "INVALID_CODE", message: "That code is not valid." });
  });

  test("'give exactly one proof' names a proof input field, never challengeId", async () => {
    const op = `mutation($input: CompleteSignInInput!) { completeSignIn(input: $input) { __typename ${ERROR} } }`;
    const challengeId = await startSignIn(api, member.email);
    const none = await api.gql(op, { input: { challengeId } });
    expect(none.data.completeSignIn).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED", field: "totpCode" });
    const two = await api.gql(op, { input: { challengeId, totpCode: "123456", backupCode: "abcd-efgh" } });
    expect(["totpCode", "backupCode"]).toContain(two.data.completeSignIn.field);
  });

  test("every value of ErrorCode is documented", async () => {
    const res = await api.gql(`{ __type(name: "ErrorCode") { enumValues { name description } } }`);
    const values = res.data.__type.enumValues as { name: string; description: string | null }[];
    expect(values.map((v) => v.name)).toEqual(expect.arrayContaining(["INVALID_CODE", "CODE_ALREADY_USED", "SECURITY_KEY_NOT_ACCEPTED", "VALIDATION_FAILED"]));
    for (const value of values) expect(value.description, value.name).toBeTruthy();
  });
});

describe("the user after a 2FA change", () => {
  test("confirm, backup codes and enable each answer with the user as it now is", async () => {
    const user = await signUp(api, "fresh@other.test");
    const start = await api.gql(ENROL_TOTP, { input: { label: "Phone" } }, { token: user.token });
    const { factorId, secret } = start.data.startTotpEnrolment;
    const confirm = await api.gql(
      `mutation($input: ConfirmTotpEnrolmentInput!) { confirmTotpEnrolment(input: $input) { __typename
        ... on FactorConfirmed { factor { id } user { id twoFactor { factors { id } } } } } }`,
      { input: { factorId, code: oathtool(secret, api.clock.now()) } },
      { token: user.token },
    );
    expect(confirm.data.confirmTotpEnrolment.user).toEqual({ id: user.userId, twoFactor: { factors: [{ id: factorId }] } });
    const codes = await api.gql(`mutation { generateBackupCodes { ... on BackupCodes { user { twoFactor { backupCodesRemaining } } } } }`, {}, { token: user.token });
    expect(codes.data.generateBackupCodes.user.twoFactor.backupCodesRemaining).toBe(10);
    const enabled = await api.gql(
      `mutation { enableTwoFactor(input: { backupCodesAcknowledged: true }) { ... on TwoFactorEnabled { user { id twoFactor { enabled } } } } }`,
      {},
      { token: user.token },
    );
    expect(enabled.data.enableTwoFactor.user).toEqual({ id: user.userId, twoFactor: { enabled: true } });
    expect(CONFIRM_TOTP && GENERATE_BACKUP_CODES).toBeTruthy();
  });
});

describe("node(id)", () => {
  const node = async (id: string, token?: string) => (await api.gql(NODE, { id }, { token })).data.node;

  test("a user refetches themselves, their factors and their events; an owner their domain and its members", async () => {
    expect(await node(member.userId, member.token)).toEqual({ __typename: "User", id: member.userId, email: member.email });
    const me = await api.gql(`{ me { twoFactor { factors { id } } } auditLog(first: 1) { edges { node { id action } } } }`, {}, { token: member.token });
    const factorId = me.data.me.twoFactor.factors[0].id;
    expect(await node(factorId, member.token)).toMatchObject({ __typename: "Factor", id: factorId, kind: "TOTP" });
    const event = me.data.auditLog.edges[0].node;
    expect(await node(event.id, member.token)).toEqual({ __typename: "AuditEvent", ...event });

    const domain = await api.gql(`{ domain(name: "nodes.test") { id auditLog(first: 1) { edges { node { id } } } } }`, {}, { token: owner.token });
    const domainId = domain.data.domain.id as string;
    expect(domainId).toMatch(/^dom_/);
    expect(await node(domainId, owner.token)).toEqual({ __typename: "Domain", id: domainId, name: "nodes.test" });
    expect(await node(member.userId, owner.token)).toMatchObject({ __typename: "User", email: member.email });
    expect(await node(factorId, owner.token)).toMatchObject({ __typename: "Factor", id: factorId });
    const domainEvent = domain.data.domain.auditLog.edges[0].node.id;
    expect(await node(domainEvent, owner.token)).toMatchObject({ __typename: "AuditEvent", id: domainEvent });
  });

  test("anyone else gets null, as for an id that does not exist", async () => {
    const me = await api.gql(`{ me { twoFactor { factors { id } } } auditLog(first: 1) { edges { node { id } } } }`, {}, { token: member.token });
    const factorId = me.data.me.twoFactor.factors[0].id;
    const eventId = me.data.auditLog.edges[0].node.id;
    const domainId = (await api.gql(`{ domain(name: "nodes.test") { id } }`, {}, { token: owner.token })).data.domain.id;
    for (const id of [member.userId, factorId, eventId, domainId]) {
      expect(await node(id, stranger.token), id).toBeNull();
      expect(await node(id), id).toBeNull();
    }
    // A member is not an owner: the owner's account, the domain and the domain's events stay hidden.
    expect(await node(owner.userId, member.token)).toBeNull();
    expect(await node(domainId, member.token)).toBeNull();
    for (const id of ["usr_00000000000000000000000000", "evt_nope", "dom_!!", "nothing", "fac_", ""]) {
      expect(await node(id, owner.token), id).toBeNull();
    }
  });
});

describe("PageInfo", () => {
  test("startCursor and hasPreviousPage follow the page asked for", async () => {
    const op = `query($after: String) { auditLog(first: 1, after: $after) { edges { cursor } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const first = (await api.gql(op, {}, { token: member.token })).data.auditLog;
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, startCursor: first.edges[0].cursor, endCursor: first.edges[0].cursor });
    const next = (await api.gql(op, { after: first.pageInfo.endCursor }, { token: member.token })).data.auditLog;
    expect(next.pageInfo).toMatchObject({ hasPreviousPage: true, startCursor: next.edges[0].cursor });
    expect(next.edges[0].cursor).not.toBe(first.edges[0].cursor);
  });
});
