import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { startLoopbackServer } from "./loopback-server.js";

/** One email as SES v2 received it (SendEmail with Content.Simple). */
export interface SentEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/**
 * How the endpoint answers SendEmail: normally, failing (500), throttling (429
 * TooManyRequestsException, which the SDK retries), or refusing the message (400 MessageRejected,
 * which it does not).
 */
export type SesBehaviour = "ok" | "serverError" | "throttled" | "messageRejected";

export interface SesEndpoint {
  /** For AWS_ENDPOINT_URL_SESV2. */
  url: string;
  /** Emails accepted (answered 200), oldest first. */
  messages: SentEmail[];
  /** Every SendEmail received, refused ones and SDK retries included, oldest first. */
  received: (SentEmail & { accepted: boolean })[];
  /** How many SendEmail requests arrived (= received.length). */
  readonly requests: number;
  /** How every request is answered once the failures queued by failNext are used up. */
  behaviour: SesBehaviour;
  /** Answers the next `times` requests with `behaviour`, then goes back to `endpoint.behaviour`. */
  failNext(behaviour: Exclude<SesBehaviour, "ok">, times?: number): void;
  /** The latest accepted email to this address (throws when there is none). */
  lastTo(address: string): SentEmail;
  close(): Promise<void>;
}

/**
 * The first link in an email's text part to `path` on any origin (e.g. "/verify-email"), as a URL;
 * `linkIn(email, "/verify-email").searchParams.get("token")` is the token a user would open.
 */
export function linkIn(email: Pick<SentEmail, "text">, path: string): URL {
  for (const match of email.text.matchAll(/https?:\/\/[^\s<>"]+/g)) {
    const url = new URL(match[0]);
    if (url.pathname.endsWith(path)) return url;
  }
  throw new Error(`no link to ${path} in ${JSON.stringify(email.text)}`);
}

interface SendEmailRequest {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[] };
  Content?: { Simple?: { Subject?: { Data?: string }; Body?: { Text?: { Data?: string }; Html?: { Data?: string } } } };
}

/**
 * An error as SES v2's REST-JSON protocol sends it: the type in the `x-amzn-ErrorType` header (which
 * the SDK reads first, cutting at ":") and a JSON body with `message`; `__type` too, for parsers
 * that look there.
 */
function replyError(res: ServerResponse, status: number, type: string, message: string): void {
  res
    .writeHead(status, {
      "content-type": "application/json",
      "x-amzn-requestid": randomUUID(),
      "x-amzn-errortype": `${type}:http://internal.amazon.com/coral/com.amazonaws.sesv2/`,
    })
    .end(JSON.stringify({ __type: type, message }));
}

function replyJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json", "x-amzn-requestid": randomUUID() }).end(JSON.stringify(body));
}

/**
 * A loopback stand-in for Amazon SES v2 speaking its REST-JSON protocol: the real
 * `@aws-sdk/client-sesv2` talks to it through `AWS_ENDPOINT_URL_SESV2`, so tests exercise the SDK's
 * own serialisation, error parsing and retries rather than a mock of our adapter.
 */
export async function startSesEndpoint(): Promise<SesEndpoint> {
  const queuedFailures: Exclude<SesBehaviour, "ok">[] = [];
  const endpoint: SesEndpoint = {
    url: "",
    messages: [],
    received: [],
    get requests() {
      return endpoint.received.length;
    },
    behaviour: "ok",
    failNext(behaviour, times = 1) {
      for (let i = 0; i < times; i++) queuedFailures.push(behaviour);
    },
    lastTo(address) {
      const email = endpoint.messages.filter((m) => m.to.includes(address)).at(-1);
      if (!email) throw new Error(`no email was sent to ${address}`);
      return email;
    },
    close: async () => {},
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || new URL(req.url ?? "/", "http://x").pathname !== "/v2/email/outbound-emails") {
      replyError(res, 404, "NotFoundException", `Unsupported operation ${req.method} ${req.url}`);
      return;
    }
    let body: SendEmailRequest;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as SendEmailRequest;
    } catch {
      replyError(res, 400, "BadRequestException", "The request body is not JSON");
      return;
    }
    const simple = body.Content?.Simple;
    const email: SentEmail = {
      from: body.FromEmailAddress ?? "",
      to: body.Destination?.ToAddresses ?? [],
      subject: simple?.Subject?.Data ?? "",
      text: simple?.Body?.Text?.Data ?? "",
      html: simple?.Body?.Html?.Data ?? "",
      messageId: randomUUID(),
    };
    const behaviour = queuedFailures.shift() ?? endpoint.behaviour;
    endpoint.received.push({ ...email, accepted: behaviour === "ok" });
    if (behaviour === "serverError") return replyError(res, 500, "InternalFailure", "The test endpoint is failing on purpose");
    if (behaviour === "throttled") return replyError(res, 429, "TooManyRequestsException", "Maximum sending rate exceeded.");
    if (behaviour === "messageRejected") {
      return replyError(res, 400, "MessageRejected", "Email address is not verified (refused by the test endpoint)");
    }
    endpoint.messages.push(email);
    replyJson(res, 200, { MessageId: email.messageId });
  }

  const server = await startLoopbackServer(handle, (res) => replyError(res, 500, "InternalFailure", "test endpoint crashed"));
  endpoint.url = server.url;
  endpoint.close = server.close;
  return endpoint;
}
