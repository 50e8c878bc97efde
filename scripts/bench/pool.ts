/**
 * Runs `work` over `items` with at most `concurrency` in flight, starting nothing after `deadline`
 * (epoch ms). Returns the results of the items that ran, in order of completion.
 */
export async function runPool<T, R>(items: T[], concurrency: number, deadline: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length && Date.now() < deadline) {
      const item = items[next++]!;
      results.push(await work(item));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}
