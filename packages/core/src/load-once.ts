/**
 * Loads something on first use and keeps it, for what must not weigh on every Lambda cold start
 * (an SDK client, a large list). A failed load is not remembered: the next call tries again,
 * so one bad moment does not break the feature for the life of the process.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () =>
    (loaded ??= load().catch((error: unknown) => {
      loaded = undefined;
      throw error;
    }));
}
