import { closeOutbox, leaseOutbox, queryDueOutbox, rescheduleOutbox, type OutboxRecord } from "../db/outbox.js";
import type { Deps } from "../deps.js";
import { EmailDeliveryError } from "../email/sender.js";
import { emailTemplates, type EmailContent, type EmailTemplateName, type Site } from "../email/templates/index.js";
import { tokenBinding } from "./outbox.js";

/**
 * Delivers outbox items: the one handler behind the AWS notifier (DynamoDB Streams, plus a sweep
 * for retries) and the local delivery loop. Each item is leased with a conditional write before it
 * is sent, so two workers never both send it; a retryable failure puts it back with a growing
 * delay (30 s, doubling, at most an hour) until MAX_ATTEMPTS; a final one (the provider refused
 * this very message) gives up at once, with a log line an operator can find.
 */

/** Long enough for the SES client's own retries (3 attempts of at most 5 s each) to finish. */
const LEASE_MS = 2 * 60_000;
export const MAX_ATTEMPTS = 20;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3_600_000;

export type DeliveryOutcome = "sent" | "retrying" | "failed" | "dropped" | "skipped";

/** The wait before attempt `attempts + 1`. */
export function retryDelayMs(attempts: number): number {
  return Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1));
}

type Template = (site: Site, data: unknown) => EmailContent;

/** Turns the stored JSON back into the template's data (its dates), with the link's token when it has one. */
function revive(deps: Deps, record: OutboxRecord): Record<string, unknown> | "expired" {
  const data: Record<string, unknown> = { ...record.data };
  const at = (value: unknown) => (typeof value === "string" ? new Date(value) : value);
  for (const key of ["event", "request"]) {
    const info = data[key] as Record<string, unknown> | undefined;
    if (info) data[key] = { ...info, at: at(info.at) };
  }
  if (record.sealedToken !== undefined) {
    const expiresAt = at(data.expiresAt) as Date;
    // A link that no longer works is not worth sending.
    if (!(expiresAt instanceof Date) || deps.clock.now() >= expiresAt) return "expired";
    data.expiresAt = expiresAt;
    data.token = deps.secretBox.open(record.sealedToken, tokenBinding(record.id));
  }
  return data;
}

function render(deps: Deps, record: OutboxRecord): EmailContent | "expired" {
  const template = (emailTemplates as Record<string, Template>)[record.template as EmailTemplateName];
  if (!template) throw new Error(`unknown email template ${record.template}`);
  const data = revive(deps, record);
  return data === "expired" ? data : template(deps.config.email, data);
}

/** Sends one item if it is due and nobody else holds it. */
export async function deliverOutboxItem(deps: Deps, id: string): Promise<DeliveryOutcome> {
  const nowMs = deps.clock.now().getTime();
  const leased = await leaseOutbox(deps.db, id, nowMs, nowMs + LEASE_MS);
  if (!leased?.leaseUntil) return "skipped";
  const lease = leased.leaseUntil;
  const at = () => deps.clock.now().toISOString();
  const log = { id, template: leased.template, attempts: leased.attempts };
  let content: EmailContent | "expired";
  try {
    content = render(deps, leased);
  } catch (error) {
    deps.log.error({ event: "email.outbox.unrenderable", ...log, err: error }, "an outbox email cannot be rendered: given up");
    await closeOutbox(deps.db, id, lease, { status: "failed", at: at(), error: "unrenderable" });
    return "failed";
  }
  if (content === "expired") {
    deps.log.warn({ event: "email.outbox.expired", ...log }, "a link email was not sent before its link expired: dropped");
    await closeOutbox(deps.db, id, lease, { status: "dropped", at: at(), error: "link expired" });
    return "dropped";
  }
  try {
    await deps.email.send({ to: leased.to, ...content });
  } catch (error) {
    // Anything but the provider's own verdict (the client failing to load, say) may work later.
    const known = error instanceof EmailDeliveryError ? error : undefined;
    const reason = known ? `${known.kind}${known.providerError ? `: ${known.providerError}` : ""}` : "unexpected";
    if ((known && !known.retryable) || leased.attempts >= MAX_ATTEMPTS) {
      deps.log.error({ event: "email.outbox.gaveUp", ...log, reason }, "an email could not be delivered: given up");
      await closeOutbox(deps.db, id, lease, { status: "failed", at: at(), error: reason });
      return "failed";
    }
    const next = deps.clock.now().getTime() + retryDelayMs(leased.attempts);
    deps.log.warn({ event: "email.outbox.retry", ...log, reason, nextAttemptAt: new Date(next).toISOString() }, "email not delivered: will retry");
    await rescheduleOutbox(deps.db, id, lease, next, reason);
    return "retrying";
  }
  if (!(await closeOutbox(deps.db, id, lease, { status: "sent", at: at() }))) {
    deps.log.warn({ event: "email.outbox.leaseLost", ...log }, "an email was sent after its lease ran out");
  }
  return "sent";
}

/** Sends the given items (a stream batch, the ones just written), one after the other. */
export async function deliverOutboxItems(deps: Deps, ids: string[]): Promise<DeliveryOutcome[]> {
  const outcomes: DeliveryOutcome[] = [];
  for (const id of ids) outcomes.push(await deliverOutboxItem(deps, id));
  return outcomes;
}

/** Sends what is due now (first attempts missed, retries whose time came), at most `limit` items. */
export async function deliverDueOutbox(deps: Deps, limit = 25): Promise<DeliveryOutcome[]> {
  return deliverOutboxItems(deps, await queryDueOutbox(deps.db, deps.clock.now().getTime(), limit));
}
