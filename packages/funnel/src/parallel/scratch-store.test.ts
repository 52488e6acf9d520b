import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScratchStore } from './scratch-store';

describe('createScratchStore', () => {
  it('worked example: reuses the smallest large-enough spare, keeps at most what the largest call asked for', () => {
    const store = createScratchStore();
    const first = store.lease();
    const a = first.borrow(100);
    first.giveBack(); // budget 100: keeps a
    expect(store.spareBytes).toBe(100);
    const second = store.lease();
    expect(second.borrow(50)).toBe(a); // large enough
    const b = second.borrow(200); // none spare: new
    second.giveBack(); // asked 250: keeps 200, not 200 + 100
    expect(store.spareBytes).toBe(200);
    const third = store.lease();
    const c = third.borrow(400); // new
    expect(third.borrow(100)).toBe(b); // the only spare, large enough
    third.giveBack(); // asked 500; candidates 400, 200: 400 kept, 200 more would make 600
    expect(store.spareBytes).toBe(400);
    const fourth = store.lease();
    expect(fourth.borrow(150)).toBe(c); // b was dropped
    store.close();
    expect(store.spareBytes).toBe(0);
    fourth.giveBack(); // after close: dropped, not kept
    expect(store.spareBytes).toBe(0);
  });

  it('any calls, one after another or overlapping: the spares never exceed what the largest call asked for', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            sizes: fc.array(fc.integer({ min: 1, max: 4096 }), { minLength: 1, maxLength: 4 }),
            overlap: fc.boolean(),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (calls) => {
          const store = createScratchStore();
          let largest = 0;
          let open: { giveBack(): void } | null = null;
          for (const { sizes, overlap } of calls) {
            const lease = store.lease();
            const set = sizes.map((bytes) => lease.borrow(bytes));
            set.forEach((buffer, index) => {
              expect(buffer.byteLength).toBeGreaterThanOrEqual(sizes[index]!);
            });
            expect(new Set(set).size).toBe(set.length); // never one buffer twice in a call
            largest = Math.max(
              largest,
              sizes.reduce((sum, bytes) => sum + bytes, 0),
            );
            // Overlapping: this call gives back after the next one has borrowed.
            open?.giveBack();
            open = null;
            if (overlap) open = lease;
            else lease.giveBack();
            expect(store.spareBytes).toBeLessThanOrEqual(largest);
          }
          open?.giveBack();
          expect(store.spareBytes).toBeLessThanOrEqual(largest);
        },
      ),
      { numRuns: 300 },
    );
  });
});
