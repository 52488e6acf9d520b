import { describe, expect, it } from 'vitest';
import { blocksOfThread, planTrainingBlocks } from './training-blocks';

describe('planTrainingBlocks', () => {
  it('keeps up to 16,383 rows in one block and cuts more into blocks of at least 8,192 rows, at most 6', () => {
    expect(Array.from(planTrainingBlocks(7_000))).toEqual([0, 7_000]);
    expect(Array.from(planTrainingBlocks(16_383))).toEqual([0, 16_383]);
    expect(Array.from(planTrainingBlocks(20_000))).toEqual([0, 10_000, 20_000]);
    // 200,000 / 8,192 = 24.4 → 6 blocks of 33,333 or 33,334 rows.
    expect(Array.from(planTrainingBlocks(200_000))).toEqual([
      0, 33_333, 66_666, 100_000, 133_333, 166_666, 200_000,
    ]);
  });
});

describe('blocksOfThread', () => {
  it('gives each thread a contiguous run of whole blocks, covering every block once', () => {
    expect([0, 1].map((thread) => blocksOfThread(thread, 2, 6))).toEqual([
      [0, 3],
      [3, 6],
    ]);
    expect([0, 1, 2].map((thread) => blocksOfThread(thread, 3, 4))).toEqual([
      [0, 1],
      [1, 2],
      [2, 4],
    ]);
  });
});
