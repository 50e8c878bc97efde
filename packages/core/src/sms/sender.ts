import type { Config } from "../config.js";
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

export function createSmsSender(config: Config, log: Logger): SmsSender {
  // The SNS adapter arrives with the SMS factor; until then every provider prints.
  void config;
  return consoleSmsSender(log);
}
