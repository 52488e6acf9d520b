import { once } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startEntryWorker, toShared } from './index';

describe('toShared', () => {
  it('copies values into shared memory with their type, and keeps arrays already shared', () => {
    const values = Int32Array.of(3, -1, 7);
    const shared = toShared(values);
    expect(shared).toBeInstanceOf(Int32Array);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Array.from(shared)).toEqual([3, -1, 7]);
    shared[0] = 9;
    expect(values[0]).toBe(3);
    expect(toShared(shared)).toBe(shared);
  });

  it("copies into the start of a larger buffer from allocate, with the values' length", () => {
    const buffer = new SharedArrayBuffer(64);
    const shared = toShared(Uint16Array.of(5, 6, 7), (bytes) => {
      expect(bytes).toBe(6);
      return buffer;
    });
    expect(shared.buffer).toBe(buffer);
    expect(shared.length).toBe(3);
    expect(Array.from(shared)).toEqual([5, 6, 7]);
  });

  it('any Float64Array: same values, bit for bit (−0 and NaN included)', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (numbers) => {
        const shared = toShared(Float64Array.from(numbers));
        expect(new Uint8Array(shared.buffer)).toEqual(new Uint8Array(Float64Array.from(numbers).buffer));
      }),
    );
  });
});

describe('startEntryWorker', () => {
  it('from TypeScript sources, starts <name>.ts beside the entry through tsx, with workerData', async () => {
    const worker = startEntryWorker(import.meta.url, 'echo-worker.fixture', { workerData: { add: 2 } });
    worker.postMessage(40);
    const [answer] = await once(worker, 'message');
    expect(answer).toBe(42);
    await worker.terminate();
  });
});
