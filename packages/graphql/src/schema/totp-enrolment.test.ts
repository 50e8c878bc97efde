// Enrolling an authenticator app as a user would: scan the QR code (zbarimg stands in for the
// phone's camera), type the code the app shows (oathtool stands in for the app), confirm.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestApi, type TestApi } from "@access-identity/testing/api";
import { CONFIRM_TOTP, ENROL_TOTP } from "@access-identity/testing/operations";
import { signUpUser } from "@access-identity/testing/flows";
import { oathtool } from "@access-identity/testing/totp";
import { keys } from "@access-identity/core/db/keys";
import { readItem } from "@access-identity/testing/store";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

function decodeQr(png: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), "qr-")), "code.png");
  writeFileSync(file, png);
  return execFileSync("zbarimg", ["--nodbus", "--raw", "-q", file], { encoding: "utf8" }).trim();
}

test("the QR code (PNG and SVG) decodes to exactly the otpauth URI, which every authenticator app reads", async () => {
  const user = await signUpUser(api);
  const res = await api.gql(ENROL_TOTP, { input: { label: "Work phone" } }, { token: user.token });
  const enrolment = res.data.startTotpEnrolment;
  expect(enrolment.__typename).toBe("TotpEnrolment");
  expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/); // 160 bits of base32
  const uri = new URL(enrolment.otpauthUri);
  expect(uri.protocol).toBe("otpauth:");
  expect(uri.host).toBe("totp");
  expect(decodeURIComponent(uri.pathname)).toBe(`/Access Identity:${user.email}`);
  expect(Object.fromEntries(uri.searchParams)).toEqual({
    issuer: "Access Identity",
    secret: enrolment.secret,
    algorithm: "SHA1",
    digits: "6",
    period: "30",
  });

  expect(enrolment.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  const png = Buffer.from(enrolment.qrCodeDataUrl.split(",")[1], "base64");
  expect(decodeQr(png)).toBe(enrolment.otpauthUri);

  expect(enrolment.qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  const svgPng = execFileSync("rsvg-convert", ["--format=png", "--width=400", "--background-color=white"], { input: enrolment.qrCodeSvg });
  expect(decodeQr(svgPng)).toBe(enrolment.otpauthUri);
});

test("the code the app shows confirms the factor, which then appears (named) in the status", async () => {
  const user = await signUpUser(api);
  const { factorId, secret } = (await api.gql(ENROL_TOTP, { input: { label: "Work phone" } }, { token: user.token })).data.startTotpEnrolment;
  const pending = await api.gql(`{ me { twoFactor { factors { id } } } }`, {}, { token: user.token });
  expect(pending.data.me.twoFactor.factors).toEqual([]);

  const res = await api.gql(CONFIRM_TOTP, { input: { factorId, code: ` ${oathtool(secret, api.clock.now())} ` } }, { token: user.token });
  expect(res.data.confirmTotpEnrolment).toEqual({ __typename: "FactorConfirmed", factor: { id: factorId, kind: "TOTP", label: "Work phone" } });
  const me = await api.gql(`{ me { twoFactor { enabled factors { id kind label createdAt lastUsedAt } } } }`, {}, { token: user.token });
  expect(me.data.me.twoFactor.enabled).toBe(false);
  expect(me.data.me.twoFactor.factors).toMatchObject([{ id: factorId, kind: "TOTP", label: "Work phone" }]);
});

test("a code one step either side of now is accepted (clock drift); two steps away is not", async () => {
  const user = await signUpUser(api);
  for (const [offset, accepted] of [[-30, true], [30, true], [-90, false], [90, false]] as const) {
    const { factorId, secret } = (await api.gql(ENROL_TOTP, {}, { token: user.token })).data.startTotpEnrolment;
    const at = new Date(api.clock.now().getTime() + offset * 1000);
    const res = await api.gql(CONFIRM_TOTP, { input: { factorId, code: oathtool(secret, at) } }, { token: user.token });
    expect(res.data.confirmTotpEnrolment.__typename).toBe(accepted ? "FactorConfirmed" : "InvalidCodeError");
  }
});

test("several named authenticator apps; the default label", async () => {
  const user = await signUpUser(api);
  for (const label of [null, "Tablet"]) {
    const { factorId, secret } = (await api.gql(ENROL_TOTP, { input: { label } }, { token: user.token })).data.startTotpEnrolment;
    await api.gql(CONFIRM_TOTP, { input: { factorId, code: oathtool(secret, api.clock.now()) } }, { token: user.token });
  }
  const me = await api.gql(`{ me { twoFactor { factors { label } } } }`, {}, { token: user.token });
  expect(me.data.me.twoFactor.factors.map((f: { label: string }) => f.label)).toEqual(["Authenticator app", "Tablet"]);
});

test("wrong codes count down, the sixth try is refused, and a pending enrolment expires", async () => {
  const user = await signUpUser(api);
  const { factorId, secret } = (await api.gql(ENROL_TOTP, {}, { token: user.token })).data.startTotpEnrolment;
  for (let remaining = 4; remaining >= 0; remaining--) {
    const res = await api.gql(CONFIRM_TOTP, { input: { factorId, code: "000000" === oathtool(secret) ? "111111" : "000000" } }, { token: user.token });
    expect(res.data.confirmTotpEnrolment).toMatchObject({ __typename: "InvalidCodeError", attemptsRemaining: remaining });
  }
  const dead = await api.gql(CONFIRM_TOTP, { input: { factorId, code: oathtool(secret, api.clock.now()) } }, { token: user.token });
  expect(dead.data.confirmTotpEnrolment.__typename).toBe("ExpiredError");

  const late = (await api.gql(ENROL_TOTP, {}, { token: user.token })).data.startTotpEnrolment;
  api.clock.advance(11 * 60);
  const expired = await api.gql(CONFIRM_TOTP, { input: { factorId: late.factorId, code: oathtool(late.secret, api.clock.now()) } }, { token: user.token });
  expect(expired.data.confirmTotpEnrolment.__typename).toBe("ExpiredError");
});

test("another user cannot confirm my pending factor", async () => {
  const me = await signUpUser(api);
  const other = await signUpUser(api);
  const { factorId, secret } = (await api.gql(ENROL_TOTP, {}, { token: me.token })).data.startTotpEnrolment;
  const res = await api.gql(CONFIRM_TOTP, { input: { factorId, code: oathtool(secret, api.clock.now()) } }, { token: other.token });
  expect(res.data.confirmTotpEnrolment.__typename).toBe("ExpiredError");
});

test("the secret is stored encrypted: neither the pending nor the active record holds it in clear", async () => {
  const user = await signUpUser(api);
  const { factorId, secret } = (await api.gql(ENROL_TOTP, {}, { token: user.token })).data.startTotpEnrolment;
  const pending = await readItem(api.deps, keys.pendingFactor(user.userId, factorId));
  expect(JSON.stringify(pending)).not.toContain(secret);
  expect(pending?.data.secretSealed).toMatch(/^v1\.[0-9a-f]{8}\./);
  await api.gql(CONFIRM_TOTP, { input: { factorId, code: oathtool(secret, api.clock.now()) } }, { token: user.token });
  const account = await readItem(api.deps, keys.account(user.email));
  expect(JSON.stringify(account)).not.toContain(secret);
  expect(account?.factors[factorId].data.secretSealed).toMatch(/^v1\.[0-9a-f]{8}\./);
});

test("enrolment needs a session", async () => {
  const res = await api.gql(ENROL_TOTP, {});
  expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
});
