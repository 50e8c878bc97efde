/**
 * Tells whoever listens in this process that outbox items were written. Locally the delivery loop
 * listens and sends them at once; in AWS nobody does: DynamoDB Streams hand each new item to the
 * notifier function instead. Listeners run after the write, never inside the user's request path
 * (errors and latency of delivery are theirs, not the request's).
 */
export class OutboxSignal {
  private listener: ((ids: string[]) => void) | undefined;

  /** One listener (the local delivery loop); a second replaces the first. */
  listen(listener: ((ids: string[]) => void) | undefined): void {
    this.listener = listener;
  }

  written(ids: string[]): void {
    if (ids.length > 0) this.listener?.(ids);
  }
}
