/**
 * Training rows are cut into a fixed number of contiguous blocks that depends only on how many rows
 * there are, never on how many threads train. Every histogram is summed block by block (each block's
 * rows in order, then the blocks' sums in block order), every partition and gradient stays inside
 * its block, so one thread and several threads add the same numbers in the same order and grow the
 * same trees, bit for bit. A thread takes a contiguous run of whole blocks.
 */

/** Below this many rows per block, a single block (one thread's worth of work) is enough. */
export const minRowsPerBlock = 8192;

/**
 * At most this many blocks: 6 splits evenly over 1, 2, 3 and 6 threads, and each block after the
 * first costs one fold of its partial histogram into the node's, so fewer blocks cost less.
 */
export const maxBlocks = 6;

/**
 * The first row position of each block and, last, the row count: `nBlocks + 1` ascending offsets.
 * Up to 16,383 rows there is one block (the plain sequential order).
 *
 * @example
 * ```ts fragment
 * planTrainingBlocks(20_000); // Int32Array [0, 10000, 20000]
 * ```
 */
export function planTrainingBlocks(rowCount: number): Int32Array {
  const count = Math.min(maxBlocks, Math.max(1, Math.floor(rowCount / minRowsPerBlock)));
  const starts = new Int32Array(count + 1);
  for (let block = 0; block <= count; block += 1) starts[block] = Math.floor((block * rowCount) / count);
  return starts;
}

/** The blocks `[from, to)` thread `thread` of `threads` works on (contiguous, as even as can be). */
export function blocksOfThread(thread: number, threads: number, blockCount: number): [number, number] {
  return [Math.floor((thread * blockCount) / threads), Math.floor(((thread + 1) * blockCount) / threads)];
}
