import type { Config } from "../config.js";
import { snsSmsSender } from "../factors/sms/sns-sender.js";
import type { Logger } from "../logger.js";

/** The port every SMS goes through. Adapters: console (local) and SNS (AWS). */
export interface SmsSender {
  /** Resolves once the provider accepted the message; rejects when it refused or failed. */
  send(phoneNumberE164: string, message: string): Promise<void>;
}

/** Local default: the message is printed to the server log, where a developer can read the code. */
export function consoleSmsSender(log: Logger): SmsSender {
  return {
    async send(to, message) {
      log.info({ event: "sms.console", to }, `SMS to ${to}: ${message}`);
    },
  };
}

/** SNS when `SMS_PROVIDER=sns` (the default in AWS), else the console. */
export function createSmsSender(config: Config, log: Logger): SmsSender {
  return config.sms.provider === "sns" ? snsSmsSender(config, log) : consoleSmsSender(log);
}
