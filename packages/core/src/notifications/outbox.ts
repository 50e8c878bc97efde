import { epochSeconds } from "../clock.js";
import { outboxItem, type OutboxRecord } from "../db/outbox.js";
import type { Item } from "../db/batch.js";
import type { Deps } from "../deps.js";
import type { EmailTemplateName } from "../email/templates/index.js";
import { newId } from "../ids.js";

/** Sent and abandoned outbox items are kept this long (for support), then TTL removes them. */
const KEEP_SECONDS = 30 * 24 * 3600;

/** One email to put in the outbox: a template, its recipient and its data (JSON; dates as ISO strings). */
export interface OutboxMessage {
  template: EmailTemplateName;
  to: string;
  data: Record<string, unknown>;
  /** A link's token: sealed in the item, put into the link only when the email is rendered. */
  token?: string;
}

/** The associated data a sealed token is bound to: its own item, so it cannot be moved to another. */
export function tokenBinding(id: string): string {
  return `outbox:${id}`;
}

/** The outbox item for a message, due now: write it in the same batch as what it reports. */
export function newOutboxItem(deps: Deps, message: OutboxMessage): { id: string; item: Item } {
  const now = deps.clock.now();
  const id = newId("eml");
  const record: OutboxRecord = {
    id,
    template: message.template,
    to: message.to,
    data: message.data,
    sealedToken: message.token === undefined ? undefined : deps.secretBox.seal(message.token, tokenBinding(id)),
    status: "pending",
    attempts: 0,
    nextAttemptAt: now.getTime(),
    createdAt: now.toISOString(),
    expiresAt: epochSeconds(now) + KEEP_SECONDS,
  };
  return { id, item: outboxItem(record) };
}
