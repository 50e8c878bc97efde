// Every operation of the client against the real server over real HTTP (server.url): TOTP codes
// from oathtool, SMS through the loopback SNS endpoint, DNS through dnsmasq.
import { afterAll, beforeAll, describe, expect, expectTypeOf, test } from "vitest";
import {
  AccessIdentityRequestError,
  AccessIdentityResultError,
  createAccessIdentityClient,
  isFailure,
  match,
  matchOn,
  TypedDocumentString,
  unwrap,
  type AccessIdentityClient,
  type Failure,
  type SignInMutation,
  type Success,
} from "../index.js";
import { e164, oathtool, PASSWORD, startDnsServer, startSmsTestApi, uniqueEmail, uniqueMobile, type TestApi, type TestDnsServer, verificationToken } from "./server.js";

let api: TestApi;
let sns: Awaited<ReturnType<typeof startSmsTestApi>>["sns"];
let dns: TestDnsServer;
let closeApi: () => Promise<void>;

beforeAll(async () => {
  dns = await startDnsServer();
  const started = await startSmsTestApi({ env: { DNS_SERVERS: dns.address } });
  ({ api, sns } = started);
  closeApi = started.close;
});
afterAll(async () => {
  await closeApi?.();
  await dns?.close();
});

/** A client holding its own session token, as an app would. */
function session(): { client: AccessIdentityClient; setToken(token: string | undefined): void } {
  let token: string | undefined;
  const client = createAccessIdentityClient({ url: `${api.server.url}/graphql`, getToken: () => token });
  return { client, setToken: (t) => (token = t) };
}

/** Sign up, enrol TOTP, backup codes, enable: the seed's journey. Returns what a sign-in needs. */
async function userWithTotp(email = uniqueEmail()) {
  const { client, setToken } = session();
  const signedUp = unwrap(await client.signUp({ input: { email, password: PASSWORD } }));
  expect(signedUp.__typename).toBe("SignedIn");
  setToken(signedUp.session.token);
  // As the address's owner would: open the link the sign-up emailed (only verified addresses count for domains).
  expect(unwrap(await client.verifyEmail({ input: { token: await verificationToken(api, signedUp.user.email) } })).__typename).toBe("EmailVerified");
  const enrolment = unwrap(await client.startTotpEnrolment({ input: { label: "Phone" } }));
  const confirmed = unwrap(await client.confirmTotpEnrolment({ input: { factorId: enrolment.factorId, code: oathtool(enrolment.secret, api.clock.now()) } }));
  const codes = unwrap(await client.generateBackupCodes());
  const enabled = unwrap(await client.enableTwoFactor({ input: { backupCodesAcknowledged: true } }));
  // The confirming code's time step is spent: the next sign-in starts from the next step.
  api.clock.advance(30);
  return { client, setToken, email, secret: enrolment.secret, factor: confirmed.factor, backupCodes: codes.codes, status: enabled.status, user: signedUp.user };
}

/** Password then TOTP: an AAL2 session (step-up fresh for 10 minutes). */
async function signInWithTotp(client: AccessIdentityClient, email: string, secret: string) {
  const first = await client.signIn({ input: { email, password: PASSWORD } });
  if (first.__typename !== "SecondFactorRequired") throw new Error(first.__typename);
  const done = unwrap(await client.completeSignIn({ input: { challengeId: first.challenge.id, totpCode: oathtool(secret, api.clock.now()) } }));
  api.clock.advance(30);
  return done;
}

describe("the seed's journey through the client", () => {
  test("sign up, TOTP, backup codes, enable, sign in, complete sign-in, me, audit log", async () => {
    const { client, setToken, email, secret, factor, backupCodes, status, user } = await userWithTotp();
    expect(factor).toMatchObject({ kind: "TOTP", label: "Phone" });
    expect(backupCodes).toHaveLength(10);
    expect(status.enabled).toBe(true);
    expect(user.email).toBe(email);

    const signedIn = await signInWithTotp(client, email, secret);
    expect(signedIn.session.aal).toBe("AAL2");
    setToken(signedIn.session.token);
    const me = await client.me();
    expect(me?.email).toBe(email);
    expect(me?.twoFactor).toMatchObject({ enabled: true, backupCodesRemaining: 10, factors: [{ kind: "TOTP", label: "Phone" }] });

    const log = await client.auditLog({ first: 100 });
    expect(log.edges.map((e) => e.node.action)).toContain("TWO_FACTOR_ENABLED");
    expect(log.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false, startCursor: log.edges[0]?.cursor });

    const renamed = unwrap(await client.renameFactor({ input: { factorId: factor.id, label: "Work phone" } }));
    expect(renamed.factor.label).toBe("Work phone");
    // The user after the change, for normalised caches; and any object refetched by its global id.
    expect(renamed.user).toMatchObject({ id: me?.id, twoFactor: { enabled: true, factors: [{ id: factor.id, label: "Work phone" }] } });
    expect(await client.node({ id: factor.id })).toMatchObject({ __typename: "Factor", id: factor.id, label: "Work phone" });
    expect(await client.node({ id: me!.id })).toMatchObject({ __typename: "User", email });
    expect(await client.node({ id: "usr_00000000000000000000000000" })).toBeNull();
  });

  test("a backup code answers the second step; signOut ends the session", async () => {
    const { client, setToken, email, backupCodes } = await userWithTotp();
    const first = await client.signIn({ input: { email, password: PASSWORD } });
    const challengeId = unwrap(first).__typename === "SecondFactorRequired" && first.__typename === "SecondFactorRequired" ? first.challenge.id : "";
    const done = unwrap(await client.completeSignIn({ input: { challengeId, backupCode: backupCodes[0] } }));
    setToken(done.session.token);
    expect((await client.me())?.twoFactor.backupCodesRemaining).toBe(9);
    expect(unwrap(await client.signOut()).success).toBe(true);
    expect(await client.me()).toBeNull();
    // A mutation that needs a session: refused as a whole, with the code a client branches on.
    const refused = await client.generateBackupCodes().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AccessIdentityRequestError);
    expect((refused as AccessIdentityRequestError).code).toBe("UNAUTHENTICATED");
  });

  test("SMS: enrol a number, sign in with a texted code, remove the factor, disable 2FA", async () => {
    const { client, setToken, email, secret } = await userWithTotp();
    setToken((await signInWithTotp(client, email, secret)).session.token);
    const phone = uniqueMobile();
    const started = unwrap(await client.startSmsEnrolment({ input: { phoneNumber: phone } }));
    expect(started.maskedPhoneNumber).toMatch(/•/);
    const sms = unwrap(await client.confirmSmsEnrolment({ input: { factorId: started.factorId, code: sns.lastCodeFor(e164(phone)) } }));
    expect(sms.factor.kind).toBe("SMS");

    const first = await client.signIn({ input: { email, password: PASSWORD } });
    if (first.__typename !== "SecondFactorRequired") throw new Error(first.__typename);
    expect(first.challenge.methods).toEqual(expect.arrayContaining(["TOTP", "SMS"]));
    const sent = unwrap(await client.sendSignInSmsCode({ input: { challengeId: first.challenge.id } }));
    expect(Date.parse(sent.resendAfter)).toBeGreaterThan(0);
    const done = unwrap(await client.completeSignIn({ input: { challengeId: first.challenge.id, smsCode: sns.lastCodeFor(e164(phone)) } }));
    setToken(done.session.token);

    const removed = unwrap(await client.removeFactor({ input: { factorId: sms.factor.id } }));
    expect(removed.status.factors.map((f) => f.kind)).toEqual(["TOTP"]);
    const disabled = unwrap(await client.disableTwoFactor());
    expect(disabled.status).toMatchObject({ enabled: false, factors: [] });
  });
});

describe("typed results and errors", () => {
  test("match is exhaustive by __typename; unwrap throws the typed error; isFailure narrows", async () => {
    const { client, email } = await userWithTotp();
    const wrong = await client.signIn({ input: { email, password: "not the password at all" } });
    const seen = match(wrong, {
      SignedIn: () => "signed in",
      SecondFactorRequired: () => "second step",
      InvalidCredentialsError: (e) => `refused: ${e.message}`,
      RateLimitedError: (e) => `wait ${e.retryAfterSeconds}s`,
      ServiceUnavailableError: () => "retry",
    });
    expect(seen).toMatch(/^refused: /);
    expect(isFailure(wrong)).toBe(true);
    expectTypeOf<Failure<SignInMutation["signIn"]>["__typename"]>().toEqualTypeOf<"InvalidCredentialsError" | "RateLimitedError" | "ServiceUnavailableError">();
    expectTypeOf<Success<SignInMutation["signIn"]>["__typename"]>().toEqualTypeOf<"SignedIn" | "SecondFactorRequired">();

    const duplicate = await client.signUp({ input: { email, password: PASSWORD } }).then(unwrap).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(AccessIdentityResultError);
    expect((duplicate as AccessIdentityResultError).error.__typename).toBe("ConflictError");

    const first = await client.signIn({ input: { email, password: PASSWORD } });
    if (first.__typename !== "SecondFactorRequired") throw new Error(first.__typename);
    const bad = await client.completeSignIn({ input: { challengeId: first.challenge.id, totpCode: "000000" } });
    // matchOn works on any discriminant: on errors' `code` once the schema has it.
    expect(matchOn(bad, "__typename", { SignedIn: () => -1, InvalidCodeError: (e) => e.attemptsRemaining ?? -2, ExpiredError: () => -3, RateLimitedError: () => -4, ServiceUnavailableError: () => -5, ValidationError: () => -6, FactorLockedError: () => -7 })).toBe(4);
    expect(isFailure(bad) && bad.code).toBe("INVALID_CODE");
  });

  test("request runs your own typed document; a FORBIDDEN field is a typed top-level error", async () => {
    const { client, setToken } = session();
    const signedUp = unwrap(await client.signUp({ input: { email: uniqueEmail("forbidden.test"), password: PASSWORD } }));
    setToken(signedUp.session.token);
    unwrap(await client.verifyEmail({ input: { token: await verificationToken(api, signedUp.user.email) } }));
    const Claim = new TypedDocumentString(`mutation Claim($name: String!) { claimDomain(input: { name: $name }) { __typename ... on DomainClaim { domain { owners { email } } } } }`) as unknown as TypedDocumentString<{ claimDomain: { __typename: string } }, { name: string }>;
    const error = await client.request(Claim, { name: "forbidden.test" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessIdentityRequestError);
    expect((error as AccessIdentityRequestError).code).toBe("FORBIDDEN");
  });

  test("a server that does not answer GraphQL is an HTTP_ERROR", async () => {
    const client = createAccessIdentityClient({ url: `${api.server.url}/nowhere` });
    const error = await client.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AccessIdentityRequestError);
    expect((error as AccessIdentityRequestError).code).toBe("HTTP_ERROR");
  });
});

describe("domains", () => {
  test("claim, prove by DNS, policy, owners, members, audit log, reset a member's 2FA", async () => {
    const domain = `d${Date.now().toString(36)}.test`;
    const owner = await userWithTotp(uniqueEmail(domain));
    const member = await userWithTotp(uniqueEmail(domain));
    owner.setToken((await signInWithTotp(owner.client, owner.email, owner.secret)).session.token);

    const claim = unwrap(await owner.client.claimDomain({ input: { name: domain } }));
    await dns.setRecords({ [claim.txtRecordName]: [claim.txtRecordValue] });
    const verified = unwrap(await owner.client.verifyDomain({ input: { name: domain } }));
    expect(verified.domain).toMatchObject({ name: domain, verified: true });

    const policy = unwrap(await owner.client.setDomainTwoFactorPolicy({ input: { name: domain, enforce: true, gracePeriodDays: 7 } }));
    expect(policy.domain).toMatchObject({ enforceTwoFactor: true, gracePeriodDays: 7 });
    const added = unwrap(await owner.client.addDomainOwner({ input: { name: domain, email: member.email } }));
    expect(added.domain.owners.map((o) => o.email).sort()).toEqual([owner.email, member.email].sort());
    const removed = unwrap(await owner.client.removeDomainOwner({ input: { name: domain, email: member.email } }));
    expect(removed.domain.owners.map((o) => o.email)).toEqual([owner.email]);

    expect((await owner.client.domain({ name: domain }))?.owners).toHaveLength(1);
    const members = await owner.client.domainMembers({ name: domain, first: 100 });
    expect(members?.members.edges.map((e) => e.node.email).sort()).toEqual([owner.email, member.email].sort());
    const reset = unwrap(await owner.client.resetUserTwoFactor({ input: { email: member.email, reason: "Lost their phone" } }));
    expect(reset.user).toMatchObject({ email: member.email, twoFactor: { enabled: false } });
    const audit = await owner.client.domainAuditLog({ name: domain, first: 100 });
    expect(audit?.auditLog.edges.map((e) => e.node.action)).toEqual(expect.arrayContaining(["DOMAIN_CLAIMED", "DOMAIN_VERIFIED", "TWO_FACTOR_RESET"]));
  });
});
