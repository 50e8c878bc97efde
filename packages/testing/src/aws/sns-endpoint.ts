import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { startLoopbackServer } from "./loopback-server.js";

/** One SMS as SNS received it. */
export interface PublishedSms {
  phoneNumber: string;
  message: string;
  /** MessageAttributes by name -> StringValue (e.g. "AWS.SNS.SMS.SMSType" -> "Transactional"). */
  attributes: Record<string, string>;
  messageId: string;
}

/** How the endpoint answers Publish: normally, refusing the number (400), or failing (500). */
export type SnsBehaviour = "ok" | "invalidParameter" | "serverError";

export interface SnsEndpoint {
  /** For AWS_ENDPOINT_URL_SNS. */
  url: string;
  /** Messages accepted (answered 200), oldest first. */
  messages: PublishedSms[];
  /** Every Publish received, refused ones and SDK retries included, oldest first. */
  received: (PublishedSms & { accepted: boolean })[];
  /** How many Publish requests arrived (= received.length). */
  readonly requests: number;
  behaviour: SnsBehaviour;
  /** The six-digit code in the latest message to this number (throws when there is none). */
  lastCodeFor(phoneNumber: string): string;
  close(): Promise<void>;
}

/** The six-digit code of a message ("Your Access Identity code is 123456. ..."). */
export function codeIn(sms: Pick<PublishedSms, "message">): string {
  const code = sms.message.match(/code is (\d{6})\./)?.[1];
  if (!code) throw new Error(`no code in ${JSON.stringify(sms.message)}`);
  return code;
}

const XMLNS = "http://sns.amazonaws.com/doc/2010-03-31/";

/** MessageAttributes.entry.N.Name / .Value.StringValue pairs, as the query protocol flattens them. */
function messageAttributes(form: URLSearchParams): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (let n = 1; form.has(`MessageAttributes.entry.${n}.Name`); n++) {
    const name = form.get(`MessageAttributes.entry.${n}.Name`)!;
    attributes[name] = form.get(`MessageAttributes.entry.${n}.Value.StringValue`) ?? "";
  }
  return attributes;
}

function errorXml(type: "Sender" | "Receiver", code: string, message: string): string {
  return `<ErrorResponse xmlns="${XMLNS}"><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`;
}

function reply(res: ServerResponse, status: number, xml: string): void {
  res.writeHead(status, { "content-type": "text/xml", "x-amzn-requestid": randomUUID() }).end(xml);
}

/**
 * A loopback stand-in for Amazon SNS speaking its query protocol: the real `@aws-sdk/client-sns`
 * talks to it through `AWS_ENDPOINT_URL_SNS`, so tests exercise the SDK's own serialisation,
 * response parsing and retries rather than a mock of our adapter.
 */
export async function startSnsEndpoint(): Promise<SnsEndpoint> {
  const endpoint: SnsEndpoint = {
    url: "",
    messages: [],
    received: [],
    get requests() {
      return endpoint.received.length;
    },
    behaviour: "ok",
    lastCodeFor(phoneNumber) {
      const sms = endpoint.messages.filter((m) => m.phoneNumber === phoneNumber).at(-1);
      if (!sms) throw new Error(`no SMS was sent to ${phoneNumber}`);
      return codeIn(sms);
    },
    close: async () => {},
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
    if (req.method !== "POST" || form.get("Action") !== "Publish") {
      reply(res, 400, errorXml("Sender", "InvalidAction", `Unsupported action ${form.get("Action")}`));
      return;
    }
    const sms: PublishedSms = {
      phoneNumber: form.get("PhoneNumber") ?? "",
      message: form.get("Message") ?? "",
      attributes: messageAttributes(form),
      messageId: randomUUID(),
    };
    endpoint.received.push({ ...sms, accepted: endpoint.behaviour === "ok" });
    if (endpoint.behaviour === "invalidParameter") {
      reply(res, 400, errorXml("Sender", "InvalidParameter", "Invalid parameter: PhoneNumber Reason: refused by the test endpoint"));
      return;
    }
    if (endpoint.behaviour === "serverError") {
      reply(res, 500, errorXml("Receiver", "InternalError", "The test endpoint is failing on purpose"));
      return;
    }
    endpoint.messages.push(sms);
    reply(
      res,
      200,
      `<PublishResponse xmlns="${XMLNS}"><PublishResult><MessageId>${sms.messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
    );
  }

  const server = await startLoopbackServer(handle, (res) => reply(res, 500, errorXml("Receiver", "InternalError", "test endpoint crashed")));
  endpoint.url = server.url;
  endpoint.close = server.close;
  return endpoint;
}
