/**
 * Shared scratch memory (step times, scattered step events) a funnel pool keeps between calls. A
 * new buffer costs a page fault per 4 kB page on first touch, on every call; a kept one does not.
 * Every byte a call reads it first writes, so a buffer needs no clearing.
 *
 * What is kept is bounded: spare buffers of at most as many bytes as the largest call has asked
 * for, however many sizes or concurrent calls came before (largest spares first: a large one
 * serves any smaller request). After `close()` nothing is kept, and a call still in flight then
 * drops its buffers instead of giving them back.
 */
export interface ScratchStore {
  /** Starts one call's borrowing. */
  lease(): ScratchLease;
  /** Drops every spare; later leases give nothing back. */
  close(): void;
  /** Bytes of the spare buffers kept now (for tests). */
  readonly spareBytes: number;
}

/** The buffers of one call. */
export interface ScratchLease {
  /** The smallest spare buffer of at least `bytes` bytes (taken out of the store), or a new one. */
  borrow(bytes: number): SharedArrayBuffer;
  /** Gives every borrowed buffer back, once the call no longer uses (or shares) them. */
  giveBack(): void;
}

/** An empty {@link ScratchStore}. */
export function createScratchStore(): ScratchStore {
  let spares: SharedArrayBuffer[] = [];
  /**
   * The most bytes one call has asked for: the most the store keeps. Asked for, not borrowed: a
   * call may get spares larger than it asked for, and a budget of those could grow call by call.
   */
  let budget = 0;
  let closed = false;
  const take = (bytes: number): SharedArrayBuffer => {
    let best = -1;
    spares.forEach((buffer, index) => {
      if (buffer.byteLength >= bytes && (best < 0 || buffer.byteLength < spares[best]!.byteLength))
        best = index;
    });
    return best < 0 ? new SharedArrayBuffer(bytes) : spares.splice(best, 1)[0]!;
  };
  const keep = (buffers: readonly SharedArrayBuffer[], asked: number): void => {
    if (closed) return;
    budget = Math.max(budget, asked);
    const candidates = [...spares, ...buffers].sort((left, right) => right.byteLength - left.byteLength);
    let kept = 0;
    spares = [];
    for (const buffer of candidates) {
      if (kept + buffer.byteLength > budget) continue;
      spares.push(buffer);
      kept += buffer.byteLength;
    }
  };
  return {
    lease() {
      const borrowed: SharedArrayBuffer[] = [];
      let asked = 0;
      return {
        borrow(bytes) {
          const buffer = take(bytes);
          borrowed.push(buffer);
          asked += bytes;
          return buffer;
        },
        giveBack() {
          keep(borrowed.splice(0), asked);
        },
      };
    },
    close() {
      closed = true;
      spares = [];
    },
    get spareBytes() {
      return spares.reduce((sum, buffer) => sum + buffer.byteLength, 0);
    },
  };
}

/** Each pool's store, so tests can read what it keeps without a public hook. */
export const scratchStores = new WeakMap<object, ScratchStore>();
