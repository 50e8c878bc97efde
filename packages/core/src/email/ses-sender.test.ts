import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { linkIn, startSesEndpoint, type SesEndpoint } from "@access-identity/testing/ses";
import { createLogger } from "../logger.js";
import { EmailDeliveryError, type EmailMessage } from "./sender.js";
import { encodeFromAddress, sesEmailSender } from "./ses-sender.js";
import { emailTemplates } from "./templates/index.js";

/** The AWS SDK reads these from the process environment, as it would on a server or in Lambda. */
const SDK_ENV = ["AWS_ENDPOINT_URL_SESV2", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"] as const;
const FROM = "Access Identity <no-reply@example.test>";

let ses: SesEndpoint;
let saved: Record<string, string | undefined>;
const logLines: string[] = [];
const log = createLogger({ level: "info", destination: { write: (line: string) => void logLines.push(line) } });

beforeAll(async () => {
  ses = await startSesEndpoint();
  saved = Object.fromEntries(SDK_ENV.map((name) => [name, process.env[name]]));
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SESV2: ses.url,
    AWS_ACCESS_KEY_ID: "test-access-key",
    AWS_SECRET_ACCESS_KEY: "test-secret-key",
    AWS_REGION: "us-east-1",
  });
});

afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await ses.close();
});

afterEach(() => {
  ses.behaviour = "ok";
  ses.messages.length = 0;
  ses.received.length = 0;
  logLines.length = 0;
});

function message(to = "ada.lovelace@example.org"): EmailMessage {
  return {
    to,
    subject: "Verify your email address — ünïcödé",
    text: "Open http://localhost:4000/verify-email?token=abc123\n",
    html: "<!doctype html><p>Open <a href=\"http://localhost:4000/verify-email?token=abc123\">this link</a></p>",
  };
}

async function failureOf(promise: Promise<unknown>): Promise<EmailDeliveryError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmailDeliveryError);
  return error as EmailDeliveryError;
}

describe("the SES v2 adapter against a loopback SES endpoint", () => {
  const sender = sesEmailSender({ region: "us-east-1", from: FROM }, log);

  it("sends the from, to, subject, text and HTML parts and answers SES's message id", async () => {
    const receipt = await sender.send(message());
    expect(ses.messages).toHaveLength(1);
    const [sent] = ses.messages;
    expect(sent).toMatchObject({ from: FROM, to: ["ada.lovelace@example.org"], ...pick(message()) });
    expect(receipt.messageId).toBe(sent!.messageId);
  });

  it("delivers a template whole: the link a user opens holds the token, and the HTML part is intact", async () => {
    const token = "Zm9v-YmFy_token+/=";
    const email = emailTemplates.verifyEmailAddress({ appUrl: "https://id.example.com" }, { token, expiresAt: new Date() });
    await sender.send({ to: "new.user@example.com", ...email });
    const sent = ses.lastTo("new.user@example.com");
    expect(sent).toMatchObject(email);
    const link = linkIn(sent, "/verify-email");
    expect(link.origin).toBe("https://id.example.com");
    expect(link.searchParams.get("token")).toBe(token);
  });

  it("encodes a display name outside ASCII as SES wants it (RFC 2047)", async () => {
    const named = sesEmailSender({ region: "us-east-1", from: "Identité d’accès <no-reply@example.test>" }, log);
    await named.send(message());
    const from = ses.messages[0]!.from;
    expect(from).toBe("=?UTF-8?B?SWRlbnRpdMOpIGTigJlhY2PDqHM=?= <no-reply@example.test>");
    expect(Buffer.from(from.match(/\?B\?(.*)\?=/)![1]!, "base64").toString("utf8")).toBe("Identité d’accès");
    expect(encodeFromAddress(FROM)).toBe(FROM);
    expect(encodeFromAddress("no-reply@example.test")).toBe("no-reply@example.test");
  });

  it("gets through when SES fails (500) twice and then accepts: the SDK retried", async () => {
    ses.failNext("serverError", 2);
    await sender.send(message());
    expect(ses.requests).toBe(3);
    expect(ses.messages).toHaveLength(1);
  });

  it("gets through when SES throttles once and then accepts", async () => {
    ses.failNext("throttled");
    await sender.send(message());
    expect(ses.requests).toBe(2);
    expect(ses.messages).toHaveLength(1);
  });

  it("surfaces a provider that keeps failing as a retryable failure, after the SDK's 3 attempts", async () => {
    ses.behaviour = "serverError";
    const error = await failureOf(sender.send(message()));
    expect(error).toMatchObject({ kind: "unavailable", retryable: true, providerError: "InternalFailure" });
    expect(ses.requests).toBe(3);
  });

  it("surfaces throttling that does not stop as a retryable failure", async () => {
    ses.behaviour = "throttled";
    const error = await failureOf(sender.send(message()));
    expect(error).toMatchObject({ kind: "throttled", retryable: true, providerError: "TooManyRequestsException" });
    expect(ses.requests).toBe(3);
  });

  it("treats MessageRejected as final: one request, not retryable", async () => {
    ses.behaviour = "messageRejected";
    const error = await failureOf(sender.send(message()));
    expect(error).toMatchObject({ kind: "rejected", retryable: false, providerError: "MessageRejected" });
    expect(ses.requests).toBe(1);
    expect(ses.messages).toHaveLength(0);
  });

  it("logs the kind of a failure, never the address, the subject or the body", async () => {
    ses.behaviour = "messageRejected";
    await failureOf(sender.send(message("grace.hopper@example.org")));
    const logged = logLines.join("");
    expect(logged).toContain('"event":"email.ses.failed"');
    expect(logged).toContain('"error":"MessageRejected"');
    expect(logged).toContain('"recipientDomain":"example.org"');
    for (const leak of ["grace.hopper", "Verify your email", "verify-email", "abc123", "not verified"]) {
      expect(logged).not.toContain(leak);
    }
  });
});

function pick({ subject, text, html }: EmailMessage) {
  return { subject, text, html };
}
