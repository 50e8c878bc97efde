import type { Logger } from "../logger.js";
import type { EmailConfig } from "./config.js";
import { consoleEmailSender } from "./console-sender.js";
import type { EmailSender } from "./sender.js";
import { sesEmailSender } from "./ses-sender.js";

/** SES when `EMAIL_PROVIDER=ses` (the default in AWS), else the console. */
export function createEmailSender(config: { region: string; email: EmailConfig }, log: Logger): EmailSender {
  return config.email.provider === "ses"
    ? sesEmailSender({ region: config.region, from: config.email.from }, log)
    : consoleEmailSender(log);
}
