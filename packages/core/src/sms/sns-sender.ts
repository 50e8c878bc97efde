import type { Config } from "../config.js";
import { loadOnce } from "../load-once.js";
import { SmsDeliveryFailedError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { SmsSender } from "./port.js";

/**
 * The SNS adapter of the SmsSender port. Credentials and endpoint come the way they do for any AWS
 * SDK v3 client: the Lambda role in AWS, and `AWS_ENDPOINT_URL_SNS` (or `AWS_ENDPOINT_URL`) when set,
 * which is how tests point it at a loopback endpoint. The SDK retries throttling and 5xx answers
 * (3 attempts in all); a refusal (4xx, e.g. InvalidParameter) is final at once.
 */
export function snsSmsSender(config: Pick<Config, "region" | "sms">, log: Logger): SmsSender {
  // The SNS client loads with the first text a process sends, not at every cold start.
  const load = loadOnce(async () => {
    const { SNSClient, PublishCommand } = await import("@aws-sdk/client-sns");
    return {
      PublishCommand,
      client: new SNSClient({
        region: config.region,
        maxAttempts: 3,
        // A user is waiting on the answer: a stuck connection must fail, not hang the request.
        requestHandler: { connectionTimeout: 3_000, requestTimeout: 5_000 },
      }),
    };
  });
  return {
    async send(phoneNumberE164, message) {
      const { client, PublishCommand } = await load();
      try {
        const out = await client.send(
          new PublishCommand({
            PhoneNumber: phoneNumberE164,
            Message: message,
            MessageAttributes: {
              // Transactional: routed for reliability (one-time codes), not for lowest cost.
              "AWS.SNS.SMS.SMSType": { DataType: "String", StringValue: "Transactional" },
              // A cap on what one text may cost: SNS refuses a route dearer than this (SMS pumping).
              ...(config.sms.maxPriceUsd ? { "AWS.SNS.SMS.MaxPrice": { DataType: "Number", StringValue: config.sms.maxPriceUsd } } : {}),
            },
          }),
        );
        log.info({ event: "sms.sns.published", messageId: out.MessageId }, "SMS accepted by SNS");
      } catch (error) {
        const { name, $metadata } = error as { name?: string; $metadata?: { httpStatusCode?: number; attempts?: number } };
        // The provider's message can quote the number back: log the error's kind, not its text.
        log.warn(
          { event: "sms.sns.failed", error: name, status: $metadata?.httpStatusCode, attempts: $metadata?.attempts },
          "SNS did not accept the SMS",
        );
        throw new SmsDeliveryFailedError();
      }
    },
  };
}
