/**
 * Maps `items` through an async function with at most `concurrency` calls in flight, keeping the
 * order of the input. Used for the per-customer store calls the Store port has no batch form of.
 */
export async function mapWithConcurrency<Item, Output>(
  items: readonly Item[],
  concurrency: number,
  map: (item: Item, index: number) => Promise<Output>,
): Promise<Output[]> {
  const outputs = new Array<Output>(items.length);
  let next = 0;
  async function lane(): Promise<void> {
    while (next < items.length) {
      const index = next;
      next += 1;
      outputs[index] = await map(items[index]!, index);
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, lane));
  return outputs;
}
