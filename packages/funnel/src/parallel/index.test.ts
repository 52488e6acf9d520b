import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { computeFunnel } from '../events/compute-funnel';
import type { EventColumns } from '../events/event-input';
import { createFunnelPool, toSharedColumns } from './index';

const pools = [1, 2, 3].map((threads) => createFunnelPool({ threads, minEventsPerThread: 1 }));
afterAll(() => Promise.all(pools.map((pool) => pool.close())));
const names = ['view', 'signup', 'activate', 'pay', 'other'];
const hour = 3_600_000;

describe('createFunnelPool', { timeout: 120_000 }, () => {
  it('worked example on 2 threads: users 0–1 here, 2–3 on the worker; counts 4/3/2, times merged before the percentiles', async () => {
    // user 0: view 0h, signup 1h, activate 3h  → reaches step 2, times 1h and 2h
    // user 1: view 0h, signup 2h               → step 1, time 2h
    // user 2: view 0h, signup 4h, activate 5h  → step 2, times 4h and 1h
    // user 3: view 0h                           → step 0
    const columns: EventColumns = {
      user: Int32Array.of(0, 1, 2, 3, 0, 1, 2, 0, 2),
      name: Uint8Array.of(0, 0, 0, 0, 1, 1, 1, 2, 2),
      names,
      timestamp: Float64Array.of(0, 0, 0, 0, hour, 2 * hour, 4 * hour, 3 * hour, 5 * hour),
    };
    const options = { steps: ['view', 'signup', 'activate'], window: { days: 1 } };
    const result = await pools[1]!.computeFunnel(columns, options);
    expect(result.steps.map((step) => step.count)).toEqual([4, 3, 2]);
    // Signup times 1h, 2h (thread 0) and 4h (worker): median 2h, mean 7h / 3.
    expect(result.steps[1]!.timeFromPrevious).toMatchObject({
      count: 3,
      median: 2 * hour,
      mean: (7 * hour) / 3,
    });
    // Activate from signup: 2h (user 0) and 1h (user 2): median 1.5h; time to convert 3h and 5h.
    expect(result.steps[2]!.timeFromPrevious).toMatchObject({ count: 2, median: 1.5 * hour });
    expect(result.timeToConvert).toMatchObject({
      count: 2,
      median: 4 * hour,
      minimum: 3 * hour,
      maximum: 5 * hour,
    });
    expect(result).toEqual(computeFunnel(columns, options));
  });

  const rowsArbitrary = fc.array(
    fc.record({
      user: fc.integer({ min: 0, max: 11 }),
      name: fc.integer({ min: 0, max: 4 }),
      time: fc.integer({ min: 0, max: 20 }),
    }),
    { minLength: 0, maxLength: 80 },
  );

  it('any small columnar input, grouped by user or in time order, on 1–3 threads: deep-equal to computeFunnel', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArbitrary,
        fc.constantFrom('grouped', 'interleaved'),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 25 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        async (rows, order, stepCount, window, timeToConvert, poolIndex) => {
          const sorted = [...rows].sort((left, right) =>
            order === 'grouped' ? left.user - right.user : left.time - right.time,
          );
          const columns: EventColumns = {
            user: Int32Array.from(sorted, (row) => row.user),
            name: Uint8Array.from(sorted, (row) => row.name),
            names,
            timestamp: Float64Array.from(sorted, (row) => row.time * 1000),
          };
          const options = {
            steps: names.slice(0, stepCount),
            window: { seconds: window },
            timeToConvert,
          };
          const expected = computeFunnel(columns, options);
          expect(await pools[poolIndex]!.computeFunnel(columns, options)).toEqual(expected);
          expect(await pools[poolIndex]!.computeFunnel(toSharedColumns(columns), options)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('200,000 events of 20,000 users in both row orders on 2 and 3 threads: deep-equal to computeFunnel', async () => {
    const users = 20_000;
    const perUser = 10;
    const count = users * perUser;
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
      return seed / 2 ** 32;
    };
    const rows = Array.from({ length: count }, (_, index) => ({
      user: Math.floor(index / perUser),
      name: Math.floor(random() * 5),
      time: Math.floor(random() * 30 * 24) * hour,
    }));
    const options = { steps: ['view', 'signup', 'activate', 'pay'], window: { days: 7 } };
    for (const order of ['grouped', 'interleaved'] as const) {
      const sorted = order === 'grouped' ? rows : [...rows].sort((left, right) => left.time - right.time);
      const columns = toSharedColumns({
        user: Int32Array.from(sorted, (row) => row.user),
        name: Uint8Array.from(sorted, (row) => row.name),
        names,
        timestamp: Float64Array.from(sorted, (row) => row.time),
      });
      const expected = computeFunnel(columns, options);
      expect(expected.convertedUsers).toBeGreaterThan(0);
      expect(await pools[1]!.computeFunnel(columns, options)).toEqual(expected);
      expect(await pools[2]!.computeFunnel(columns, options)).toEqual(expected);
    }
  });

  it('falls back to computeFunnel for breakdowns, other funnels and event objects', async () => {
    const columns: EventColumns = {
      user: Int32Array.of(0, 0, 1, 1),
      name: Uint8Array.of(0, 1, 0, 1),
      names,
      timestamp: Float64Array.of(0, 1000, 0, 5000),
      properties: { plan: ['pro', 'pro', 'free', 'free'] },
    };
    const cases = [
      { steps: ['view', 'signup'], window: { days: 1 }, breakdown: { property: 'plan' } },
      { steps: ['view', 'signup'], window: { days: 1 }, order: 'strict' as const },
    ];
    for (const options of cases)
      expect(await pools[1]!.computeFunnel(columns, options)).toEqual(computeFunnel(columns, options));
    const objects = [
      { userId: 'a', name: 'view', timestamp: 0 },
      { userId: 'a', name: 'signup', timestamp: 1000 },
    ];
    const options = { steps: ['view', 'signup'], window: { days: 1 } };
    expect(await pools[1]!.computeFunnel(objects, options)).toEqual(computeFunnel(objects, options));
  });

  it('rejects bad funnel options and bad pool options with KizunaValidationError naming the field', async () => {
    const columns: EventColumns = {
      user: Int32Array.of(0),
      name: Uint8Array.of(0),
      names,
      timestamp: Float64Array.of(0),
    };
    const error = await pools[1]!
      .computeFunnel(columns, { steps: [], window: { days: 1 } })
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(KizunaValidationError);
    expect(String(error.message)).toContain('steps');
    const missing = await pools[1]!
      .computeFunnel(columns, { steps: ['view', 'nope'], window: { days: 1 } })
      .catch((caught) => caught);
    expect(missing).toBeInstanceOf(KizunaValidationError);
    expect(String(missing.message)).toContain('steps[1]');
    expect(() => createFunnelPool({ threads: 0 })).toThrow(KizunaValidationError);
    expect(() => createFunnelPool({ threads: 0 })).toThrow(/threads/);
  });

  it('a closed pool rejects', async () => {
    const pool = createFunnelPool({ threads: 2, minEventsPerThread: 1 });
    await pool.close();
    const columns: EventColumns = {
      user: Int32Array.of(0),
      name: Uint8Array.of(0),
      names,
      timestamp: Float64Array.of(0),
    };
    await expect(
      pool.computeFunnel(columns, { steps: ['view', 'signup'], window: { days: 1 } }),
    ).rejects.toThrow(/closed/);
  });
});

describe('createFunnelPool, calls at the same time', { timeout: 120_000 }, () => {
  it('three concurrent calls on one pool each get their own result', async () => {
    const pool = createFunnelPool({ threads: 2, minEventsPerThread: 1 });
    try {
      const inputs = [3, 5, 8].map((users) => ({
        user: Int32Array.from({ length: users * 2 }, (_, index) => index >> 1),
        name: Uint8Array.from({ length: users * 2 }, (_, index) => index & 1),
        names,
        timestamp: Float64Array.from({ length: users * 2 }, (_, index) => (index & 1) * (index + 1) * 1000),
      }));
      const options = { steps: ['view', 'signup'], window: { days: 1 } };
      const results = await Promise.all(inputs.map((columns) => pool.computeFunnel(columns, options)));
      expect(results.map((result) => result.convertedUsers)).toEqual([3, 5, 8]);
      results.forEach((result, index) => {
        expect(result).toEqual(computeFunnel(inputs[index]!, options));
      });
    } finally {
      await pool.close();
    }
  });
});
