import { createCore, deliverDueOutbox, deliverOutboxItems, loadConfig, type DeliveryOutcome, type Deps } from "@access-identity/core";

/**
 * The notifier: sends the email outbox in AWS. DynamoDB Streams hand it each new or changed item
 * (the subscription in stacks/notifier.ts filters to pending outbox items), and a schedule calls
 * `sweep` for retries whose time has come. Both run core's deliverOutboxItem, which leases each
 * item with a conditional write first, so a stream retry, the sweep and a second stream record of
 * the same item never send it twice. Locally the same core handler runs in-process
 * (local/delivery.ts).
 */

type StreamAttribute = { S?: string; N?: string };

/** The part of a DynamoDB Streams record we read (StreamViewType NEW_IMAGE). */
export interface DynamoStreamRecord {
  eventName?: "INSERT" | "MODIFY" | "REMOVE";
  dynamodb?: { Keys?: Record<string, StreamAttribute>; NewImage?: Record<string, StreamAttribute> };
}

export interface DynamoStreamEvent {
  Records: DynamoStreamRecord[];
}

const OUTBOX_PREFIX = "OUTBOX#";

/** The outbox items of a stream batch still waiting to be sent. */
export function pendingOutboxIds(event: DynamoStreamEvent): string[] {
  const ids: string[] = [];
  for (const record of event.Records ?? []) {
    const image = record.dynamodb?.NewImage;
    const pk = record.dynamodb?.Keys?.PK?.S ?? image?.PK?.S;
    if (record.eventName === "REMOVE" || image?.type?.S !== "outbox" || image.status?.S !== "pending" || !pk?.startsWith(OUTBOX_PREFIX)) continue;
    ids.push(pk.slice(OUTBOX_PREFIX.length));
  }
  return [...new Set(ids)];
}

export function createNotifier(deps: Deps) {
  return {
    /** A stream batch: each pending outbox item in it, sent once it is due (a retry's record is skipped until then). */
    onStream: (event: DynamoStreamEvent): Promise<DeliveryOutcome[]> => deliverOutboxItems(deps, pendingOutboxIds(event)),
    /** The schedule: whatever is due now (retries after a provider failure). */
    sweep: (): Promise<DeliveryOutcome[]> => deliverDueOutbox(deps, 100),
  };
}

// Built once per container, on first use.
let notifier: ReturnType<typeof createNotifier> | undefined;
function current() {
  notifier ??= createNotifier(createCore(loadConfig()));
  return notifier;
}

/** The stream subscriber. A store failure throws, and Lambda hands the batch over again. */
export async function handler(event: DynamoStreamEvent): Promise<void> {
  await current().onStream(event);
}

/** The scheduled sweep. */
export async function sweep(): Promise<void> {
  await current().sweep();
}
