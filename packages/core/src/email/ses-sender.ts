import { loadOnce } from "../load-once.js";
import type { Logger } from "../logger.js";
import { isTransientDependencyError } from "../transient.js";
import { EmailDeliveryError, type EmailFailureKind, type EmailSender } from "./sender.js";

/** SES refused this very message: the same message gets the same answer. */
const REJECTED = new Set(["MessageRejected", "BadRequestException"]);
/** Sending rate or daily quota exceeded (the SDK retries these with backoff first). */
const THROTTLED = new Set(["TooManyRequestsException", "LimitExceededException", "ThrottlingException"]);
/** Nobody can be sent to until an operator acts; the message itself is fine. */
const MISCONFIGURED = new Set([
  "SendingPausedException",
  "AccountSuspendedException",
  "MailFromDomainNotVerifiedException",
  "NotFoundException",
  "AccessDeniedException",
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "InvalidSignatureException",
  "SignatureDoesNotMatch",
  "ExpiredTokenException",
  "CredentialsProviderError",
]);

interface SdkError {
  name?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
}

/** Sorts an SDK failure into what the caller can do about it (see EmailFailureKind). */
function classify(error: unknown): EmailFailureKind {
  const { name = "", $metadata } = (error ?? {}) as SdkError;
  const status = $metadata?.httpStatusCode ?? 0;
  if (REJECTED.has(name)) return "rejected";
  if (THROTTLED.has(name) || status === 429) return "throttled";
  if (MISCONFIGURED.has(name)) return "misconfigured";
  if (isTransientDependencyError(error)) return "unavailable";
  // Any other 4xx is SES refusing the request as made; without an answer at all, assume the network.
  return status >= 400 && status < 500 ? "rejected" : "unavailable";
}

/** The part of an address after "@": enough to see a pattern in failures without logging who. */
function domainOf(address: string): string | undefined {
  return address.match(/@([^@\s>]+)>?\s*$/)?.[1]?.toLowerCase();
}

/**
 * SES takes a From of `Name <address>` but wants a display name outside ASCII as an RFC 2047
 * encoded word ("=?UTF-8?B?...?="); an ASCII name goes as it is.
 */
export function encodeFromAddress(from: string): string {
  const named = from.match(/^\s*"?(.*?)"?\s*<([^<>]+)>\s*$/);
  if (!named || !/[^\x20-\x7e]/.test(named[1]!)) return from;
  return `=?UTF-8?B?${Buffer.from(named[1]!, "utf8").toString("base64")}?= <${named[2]}>`;
}

/**
 * The SES v2 adapter of the EmailSender port (SendEmail with a simple message: subject, text and
 * HTML parts). Credentials and endpoint come the way they do for any AWS SDK v3 client: the Lambda
 * role in AWS, and `AWS_ENDPOINT_URL_SESV2` (or `AWS_ENDPOINT_URL`) when set, which is how tests
 * point it at a loopback endpoint. The SDK retries throttling and 5xx answers (3 attempts in all);
 * a refusal (4xx, e.g. MessageRejected) is final at once.
 */
export function sesEmailSender(
  config: {
    region: string;
    from: string;
    /** Only where the environment cannot say it (tests running several endpoints): AWS_ENDPOINT_URL_SESV2 otherwise. */
    endpoint?: string;
    credentials?: { accessKeyId: string; secretAccessKey: string };
  },
  log: Logger,
): EmailSender {
  const from = encodeFromAddress(config.from);
  // The SES client loads with the first email a process sends, not at every cold start.
  const load = loadOnce(async () => {
    const { SESv2Client, SendEmailCommand } = await import("@aws-sdk/client-sesv2");
    return {
      SendEmailCommand,
      client: new SESv2Client({
        region: config.region,
        ...(config.endpoint ? { endpoint: config.endpoint } : {}),
        ...(config.credentials ? { credentials: config.credentials } : {}),
        maxAttempts: 3,
        // A user may be waiting on the answer: a stuck connection must fail, not hang the request.
        requestHandler: { connectionTimeout: 3_000, requestTimeout: 5_000 },
      }),
    };
  });
  return {
    async send({ to, subject, text, html }) {
      const { client, SendEmailCommand } = await load();
      try {
        const out = await client.send(
          new SendEmailCommand({
            FromEmailAddress: from,
            Destination: { ToAddresses: [to] },
            Content: {
              Simple: {
                Subject: { Data: subject, Charset: "UTF-8" },
                Body: { Text: { Data: text, Charset: "UTF-8" }, Html: { Data: html, Charset: "UTF-8" } },
              },
            },
          }),
        );
        log.info({ event: "email.ses.sent", messageId: out.MessageId }, "email accepted by SES");
        return { messageId: out.MessageId };
      } catch (error) {
        const kind = classify(error);
        const { name, $metadata } = error as SdkError;
        // The provider's message can quote the address back: log the error's kind, not its text.
        log.warn(
          {
            event: "email.ses.failed",
            kind,
            error: name,
            status: $metadata?.httpStatusCode,
            attempts: $metadata?.attempts,
            recipientDomain: domainOf(to),
          },
          "SES did not accept the email",
        );
        throw new EmailDeliveryError(kind, name);
      }
    },
  };
}
