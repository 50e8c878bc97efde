import type { Logger } from "../logger.js";
import type { EmailSender } from "./sender.js";

/**
 * Local default: the text part is printed to the server log, links included, so a developer
 * running `npm start` opens their verification or reset link from the terminal. Never used in
 * AWS unless asked for (EMAIL_PROVIDER=console): the log would then hold live links.
 */
export function consoleEmailSender(log: Logger): EmailSender {
  return {
    async send({ to, subject, text }) {
      log.info({ event: "email.console", to, subject }, `Email to ${to}: ${subject}\n\n${text}`);
      return {};
    },
  };
}
