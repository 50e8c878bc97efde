import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { SmsSender } from "./port.js";
import { snsSmsSender } from "./sns-sender.js";

export type { SmsSender } from "./port.js";

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
