// Security notifications: every event of API.md's list emails the account's owner (through the real
// SES v2 client to the loopback endpoint) with when, from which IP and on which device; a provider
// outage (500s, throttling) loses none, a refused message is given up with a log line, and no
// email ever holds a secret, a code, a password or a token outside its link.
import { marshall } from "@aws-sdk/util-dynamodb";
import { createLogger, recordAudit, userStream, withRequestOrigin } from "@access-identity/core";
import { queryDueOutbox, readOutbox } from "@access-identity/core/db/outbox";
import { startDnsServer, type TestDnsServer } from "@access-identity/testing/dns";
import { createNotifier } from "@access-identity/functions/notifier";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { linkIn } from "@access-identity/testing/ses";
import { startTestServer as startTestApi, type TestServer as TestApi } from "@access-identity/testing/server";
import { signUpUser, tokenFromInbox } from "@access-identity/testing/flows";
import { PASSWORD } from "@access-identity/testing/identities";
import { COMPLETE_SIGN_IN, CONFIRM_TOTP, ENABLE_2FA, ENROL_TOTP, GENERATE_BACKUP_CODES, SIGN_IN } from "@access-identity/testing/operations";
import { oathtool } from "@access-identity/testing/totp";
import { RESET } from "@access-identity/testing/operations";
import { proveDomain, signInAal2, signUpWithTotp } from "./domains.fixtures.js";

const IP = "192.0.2.10";
const UA = "Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0";
const NEW_PASSWORD = "a brand new passphrase 42";

let api: TestApi;
let dns: TestDnsServer;
const logLines: string[] = [];
/** Everything that must never appear in an email. */
const secrets = new Set<string>([PASSWORD, NEW_PASSWORD]);

beforeAll(async () => {
  dns = await startDnsServer({});
  api = await startTestApi({
    env: { DNS_SERVERS: dns.address },
    core: { log: createLogger({ level: "info", destination: { write: (line: string) => void logLines.push(line) } }) },
  });
});
afterAll(async () => {
  await api.close();
  await dns.close();
});

const as = (token?: string) => ({ token, ip: IP, headers: { "user-agent": UA } });

/** Delivers what is due and returns the latest email to `address`, which must be about `subject`. */
async function notified(address: string, subject: string) {
  await api.deliverEmails();
  const email = api.mail.lastTo(address);
  expect(email.subject).toBe(subject);
  expect(email.text).toMatch(/When: \w+day, \d{1,2} \w+ \d{4} at \d\d:\d\d UTC/);
  return email;
}

function fromHere(email: { text: string; html: string }) {
  expect(email.text).toContain(`IP address: ${IP}`);
  expect(email.text).toContain(`Device: ${UA}`);
  expect(email.html).toContain(IP);
}

describe("every security event is emailed to the account's owner", () => {
  test("factor added, backup codes generated, 2FA on, backup code used, factor removed, 2FA off, password reset", async () => {
    const user = await signUpUser(api);
    expect((await notified(user.email, "Your email address is verified")).text).not.toContain("IP address: undefined");

    const start = await api.gql(ENROL_TOTP, { input: { label: "Work phone" } }, as(user.token));
    const { factorId, secret } = start.data.startTotpEnrolment;
    secrets.add(secret);
    const code = oathtool(secret, api.clock.now());
    secrets.add(code);
    expect((await api.gql(CONFIRM_TOTP, { input: { factorId, code } }, as(user.token))).data.confirmTotpEnrolment.__typename).toBe("FactorConfirmed");
    const added = await notified(user.email, "A second factor was added to your account");
    expect(added.text).toContain("authenticator app “Work phone”");
    fromHere(added);

    const codes = (await api.gql(GENERATE_BACKUP_CODES, {}, as(user.token))).data.generateBackupCodes.codes as string[];
    for (const c of codes) secrets.add(c).add(c.replace("-", ""));
    const generated = await notified(user.email, "New backup codes were generated");
    expect(generated.text).toContain("10 new backup codes");
    fromHere(generated);

    expect((await api.gql(ENABLE_2FA, { input: { backupCodesAcknowledged: true } }, as(user.token))).data.enableTwoFactor.__typename).toBe("TwoFactorEnabled");
    fromHere(await notified(user.email, "Two-step verification is on"));

    const challenge = (await api.gql(SIGN_IN, { input: { email: user.email, password: PASSWORD } }, as())).data.signIn.challenge.id;
    const signedIn = await api.gql(COMPLETE_SIGN_IN, { input: { challengeId: challenge, backupCode: codes[0] } }, as());
    expect(signedIn.data.completeSignIn.__typename).toBe("SignedIn");
    const aal2 = signedIn.data.completeSignIn.session.token as string;
    const used = await notified(user.email, "A backup code was used");
    expect(used.text).toContain("9 unused backup codes remain");
    fromHere(used);

    // A second factor to remove (the last one cannot be while 2FA is on).
    const second = await api.gql(ENROL_TOTP, { input: { label: "Old tablet" } }, as(aal2));
    secrets.add(second.data.startTotpEnrolment.secret);
    api.clock.advance(30);
    await api.gql(CONFIRM_TOTP, { input: { factorId: second.data.startTotpEnrolment.factorId, code: oathtool(second.data.startTotpEnrolment.secret, api.clock.now()) } }, as(aal2));
    await notified(user.email, "A second factor was added to your account");
    const removed = await api.gql(`mutation($input: RemoveFactorInput!) { removeFactor(input: $input) { __typename } }`, { input: { factorId: second.data.startTotpEnrolment.factorId } }, as(aal2));
    expect(removed.data.removeFactor.__typename).toBe("FactorRemoved");
    const removal = await notified(user.email, "A second factor was removed from your account");
    expect(removal.text).toContain("“Old tablet”");
    fromHere(removal);

    expect((await api.gql(`mutation { disableTwoFactor { __typename } }`, {}, as(aal2))).data.disableTwoFactor.__typename).toBe("TwoFactorDisabled");
    fromHere(await notified(user.email, "Two-step verification was turned off"));

    await api.gql(`mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) { __typename } }`, { input: { email: user.email } }, as());
    const resetLink = await tokenFromInbox(api, user.email, "/reset-password");
    const reset = await api.gql(`mutation($input: ResetPasswordInput!) { resetPassword(input: $input) { __typename } }`, { input: { token: resetLink, newPassword: NEW_PASSWORD } }, as());
    expect(reset.data.resetPassword.__typename).toBe("PasswordReset");
    fromHere(await notified(user.email, "Your password was reset"));
  });

  test("2FA reset by a domain owner: who, their reason, and their IP", async () => {
    const published: Record<string, string[]> = {};
    const alice = await signUpWithTotp(api, "alice@notify.test");
    await proveDomain(api, dns, alice, "notify.test", published);
    const carol = await signUpWithTotp(api, "carol@notify.test");
    const reason = "Lost phone, confirmed by a video call";
    const res = await api.gql(RESET, { input: { email: carol.email, reason } }, as(await signInAal2(api, alice)));
    expect(res.data.resetUserTwoFactor.__typename).toBe("TwoFactorReset");
    const email = await notified(carol.email, "An owner of notify.test reset your two-step verification");
    expect(email.text).toContain(`${alice.email}, an owner of the domain notify.test`);
    expect(email.text).toContain(`“${reason}”`);
    fromHere(email);
  });

  test("password changed (recorded by whoever changes a password, with the request's origin)", async () => {
    const user = await signUpUser(api);
    const ref = { id: user.userId, email: user.email };
    await withRequestOrigin({ ip: IP, userAgent: UA }, () =>
      recordAudit(api.server.deps, { action: "PASSWORD_CHANGED", actor: ref, subject: ref }, [userStream(user.userId)]),
    );
    fromHere(await notified(user.email, "Your password was changed"));
  });
});

describe("the provider failing", () => {
  const generate = (token: string) => api.gql(GENERATE_BACKUP_CODES, {}, { token });
  const arrived = (address: string, subject: string) => api.mail.messages.filter((m) => m.to.includes(address) && m.subject === subject);

  for (const behaviour of ["serverError", "throttled"] as const) {
    test(`${behaviour}: the action succeeds, and the notification arrives once the provider recovers`, async () => {
      const user = await signUpUser(api);
      await api.deliverEmails();
      api.mail.behaviour = behaviour;
      try {
        const res = await generate(user.token);
        expect(res.data.generateBackupCodes.__typename).toBe("BackupCodes");
        for (const c of res.data.generateBackupCodes.codes) secrets.add(c);
        const before = api.mail.requests;
        await api.deliverEmails();
        expect(api.mail.requests).toBeGreaterThan(before);
        // Still failing at the first retry: tried again, not lost.
        api.clock.advance(31);
        const tried = api.mail.requests;
        await api.deliverEmails();
        expect(api.mail.requests).toBeGreaterThan(tried);
        expect(arrived(user.email, "New backup codes were generated")).toHaveLength(0);
      } finally {
        api.mail.behaviour = "ok";
      }
      // Not before its time...
      const waiting = api.mail.requests;
      await api.deliverEmails();
      expect(api.mail.requests).toBe(waiting);
      // ...then once, when it comes.
      api.clock.advance(61);
      await api.deliverEmails();
      expect(arrived(user.email, "New backup codes were generated")).toHaveLength(1);
      expect(logLines.some((line) => line.includes('"email.outbox.retry"'))).toBe(true);
    });
  }

  test("MessageRejected: the action succeeds, the email is given up with a log line (not retried), and later ones go through", async () => {
    const user = await signUpUser(api);
    await api.deliverEmails();
    api.mail.failNext("messageRejected");
    expect((await generate(user.token)).data.generateBackupCodes.__typename).toBe("BackupCodes");
    const before = api.mail.requests;
    await api.deliverEmails();
    expect(api.mail.requests).toBe(before + 1);
    api.clock.advance(3600);
    await api.deliverEmails();
    expect(api.mail.requests).toBe(before + 1);
    expect(logLines.some((line) => line.includes('"email.outbox.gaveUp"') && line.includes("rejected: MessageRejected"))).toBe(true);
    api.clock.advance(1);
    expect((await generate(user.token)).data.generateBackupCodes.__typename).toBe("BackupCodes");
    await api.deliverEmails();
    expect(arrived(user.email, "New backup codes were generated")).toHaveLength(1);
  });
});

test("no email holds a secret, a code, a password, or a token other than in its link", async () => {
  expect(api.mail.received.length).toBeGreaterThan(20);
  expect(api.mail.received.filter((email) => email.text.includes("?token=")).length).toBeGreaterThan(5);
  for (const email of api.mail.received) {
    const whole = `${email.subject}\n${email.text}\n${email.html}`;
    for (const secret of secrets) expect(whole, email.subject).not.toContain(secret);
    // Security notices link to /reset-password without a token; the link emails carry one.
    for (const path of ["/verify-email", "/reset-password"] as const) {
      const token = email.text.includes(`${path}?token=`) ? linkIn(email, path).searchParams.get("token") : null;
      if (!token) continue;
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // In the text part once (the link); in the HTML twice (the button and the spelled-out link), always inside a link.
      expect(email.text.split(token).length - 1).toBe(1);
      expect(email.text).toContain(`${path}?token=${token}`);
      expect(email.subject).not.toContain(token);
      expect(email.html.split(token).length - 1).toBe(email.html.split(`${path}?token=${token}`).length - 1);
    }
  }
});

test("two workers never both send an item; the notifier sends it from its stream record", async () => {
  const user = await signUpUser(api);
  // From here the in-process loop is off: the notifier's handler (as in AWS) does the work.
  await api.server.delivery.stop();
  const { deps } = api.server;
  expect((await api.gql(GENERATE_BACKUP_CODES, {}, { token: user.token })).data.generateBackupCodes.__typename).toBe("BackupCodes");
  const [id] = await queryDueOutbox(deps.db, deps.clock.now().getTime(), 10);
  const item = await readOutbox(deps.db, id!);
  expect(item).toMatchObject({ status: "pending", to: user.email, template: "backupCodesGenerated" });
  const record = { eventName: "INSERT" as const, dynamodb: { Keys: marshall({ PK: `OUTBOX#${id}`, SK: "OUTBOX" }), NewImage: marshall({ PK: `OUTBOX#${id}`, SK: "OUTBOX", type: "outbox", ...item }, { removeUndefinedValues: true }) } };
  const notifier = createNotifier(deps);
  const before = api.mail.requests;
  const outcomes = (await Promise.all([notifier.onStream({ Records: [record] }), notifier.onStream({ Records: [record, record] }), notifier.sweep()])).flat();
  expect(outcomes.filter((o) => o === "sent")).toHaveLength(1);
  expect(api.mail.requests).toBe(before + 1);
  expect(api.mail.lastTo(user.email).subject).toBe("New backup codes were generated");
  expect(await readOutbox(deps.db, id!)).toMatchObject({ status: "sent" });
  // A late copy of the record (Lambda retries a batch) sends nothing.
  expect(await notifier.onStream({ Records: [record] })).toEqual(["skipped"]);
});
