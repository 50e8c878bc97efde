import { describe, expect, it } from "vitest";
import { createLogger } from "../logger.js";
import { loadEmailConfig } from "./config.js";
import { createEmailSender } from "./create-sender.js";
import { emailTemplates } from "./templates/index.js";

describe("email configuration", () => {
  it("defaults locally to the console, a placeholder sender and links to the local server", () => {
    expect(loadEmailConfig({})).toEqual({
      provider: "console",
      from: "Access Identity <no-reply@localhost>",
      appUrl: "http://localhost:4000",
      dailyLimit: 1000,
    });
    expect(loadEmailConfig({ PORT: "5173" }).appUrl).toBe("http://localhost:5173");
  });

  it("sends through SES in AWS unless told otherwise", () => {
    expect(loadEmailConfig({ AWS_LAMBDA_FUNCTION_NAME: "api" }).provider).toBe("ses");
    expect(loadEmailConfig({ AWS_LAMBDA_FUNCTION_NAME: "api", EMAIL_PROVIDER: "console" }).provider).toBe("console");
    expect(loadEmailConfig({ EMAIL_PROVIDER: "ses" }).provider).toBe("ses");
  });

  it("reads EMAIL_FROM, APP_URL (without its trailing slash) and EMAIL_DAILY_LIMIT", () => {
    const config = loadEmailConfig({
      EMAIL_FROM: "Example <security@example.com>",
      APP_URL: "https://id.example.com/app/",
      EMAIL_DAILY_LIMIT: "50000",
    });
    expect(config).toMatchObject({ from: "Example <security@example.com>", appUrl: "https://id.example.com/app", dailyLimit: 50000 });
    expect(loadEmailConfig({ EMAIL_FROM: "security@example.com" }).from).toBe("security@example.com");
  });

  it("refuses a sender that could add headers, or that is no address, and an APP_URL that is no web URL", () => {
    expect(() => loadEmailConfig({ EMAIL_FROM: "a@example.com\r\nBcc: victim@example.com" })).toThrow(/EMAIL_FROM/);
    expect(() => loadEmailConfig({ EMAIL_FROM: "Access Identity" })).toThrow(/EMAIL_FROM/);
    expect(() => loadEmailConfig({ APP_URL: "javascript:alert(1)" })).toThrow(/APP_URL/);
    expect(() => loadEmailConfig({ APP_URL: "not a url" })).toThrow(/APP_URL/);
    expect(() => loadEmailConfig({ APP_URL: "https://id.example.com/?next=x" })).toThrow(/APP_URL/);
  });
});

describe("the console adapter", () => {
  it("is what the factory picks by default, and prints the message with its link to the log for npm start", async () => {
    const lines: string[] = [];
    const log = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
    const config = loadEmailConfig({});
    const sender = createEmailSender({ region: "us-east-1", email: config }, log);
    const email = emailTemplates.verifyEmailAddress(config, { token: "tok_123-abc", expiresAt: new Date("2026-11-30T12:00:00Z") });
    await sender.send({ to: "new.user@example.com", ...email });
    const printed = lines.map((line) => JSON.parse(line) as { msg: string; event: string; to: string });
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatchObject({ event: "email.console", to: "new.user@example.com" });
    expect(printed[0]!.msg).toContain("http://localhost:4000/verify-email?token=tok_123-abc");
    expect(printed[0]!.msg).toContain("Verify your email address");
  });
});
