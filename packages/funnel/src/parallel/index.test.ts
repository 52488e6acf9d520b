import { KizunaValidationError } from '@kizuna/core';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { bucketRangeCount } from '../events/bucket-simple-funnel';
import { computeFunnel } from '../events/compute-funnel';
import type { EventColumns } from '../events/event-input';
import { createFunnelPool, toSharedColumns } from './index';
import { scratchStores } from './scratch-store';

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

  it('any small columnar input, in user order or in time order, fractional milliseconds, on 1–3 threads: deep-equal to computeFunnel', async () => {
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
            // Fractional milliseconds: means summed in another order would differ in their last bits.
            timestamp: Float64Array.from(sorted, (row) => row.time * 1000.1 + row.user * 0.3),
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

  it('validates columns on several threads with the errors computeFunnel throws (first bad entry, in its order)', async () => {
    const base = () => ({
      user: Int32Array.from({ length: 12 }, (_, index) => index % 4),
      name: Uint8Array.from({ length: 12 }, (_, index) => index % 3),
      names,
      timestamp: Float64Array.from({ length: 12 }, (_, index) => index * 1000),
    });
    const options = { steps: ['view', 'signup'], window: { days: 1 } };
    // Bad entries in the third thread's part, the second's, or both; a bad user beats a bad time.
    const broken: EventColumns[] = [];
    const negativeUser = base();
    negativeUser.user[10] = -1;
    negativeUser.user[6] = -2;
    broken.push(negativeUser);
    const badName = base();
    badName.name[9] = 7;
    broken.push(badName);
    const badTime = base();
    badTime.timestamp[11] = Number.NaN;
    badTime.timestamp[5] = Number.POSITIVE_INFINITY;
    badTime.user[8] = -1;
    broken.push(badTime);
    const expected = ['user[6]', 'name[9]', 'user[8]'];
    for (const [index, columns] of broken.entries()) {
      const serial = (() => {
        try {
          computeFunnel(columns, options);
        } catch (error) {
          return error as Error;
        }
        return undefined;
      })();
      expect(serial).toBeInstanceOf(KizunaValidationError);
      expect(serial!.message).toContain(expected[index]!);
      for (const pool of pools) {
        const error = await pool.computeFunnel(columns, options).catch((caught) => caught);
        expect(error).toBeInstanceOf(KizunaValidationError);
        expect(error.message).toBe(serial!.message);
      }
    }
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

/**
 * Four rows per user, interleaved: row i is user i mod `users`, step ⌊i / users⌋, at i ms. Every
 * row is a step event and the rows are not in user order, so a call scatters them all.
 */
function interleaved(users: number): EventColumns {
  const count = users * 4;
  return {
    user: Int32Array.from({ length: count }, (_, index) => index % users),
    name: Uint8Array.from({ length: count }, (_, index) => Math.floor(index / users)),
    names,
    timestamp: Float64Array.from({ length: count }, (_, index) => index),
  };
}

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

  it("growing calls in any row order keep one call's scratch, not one set per size; nothing after close()", async () => {
    const pool = createFunnelPool({ threads: 2, minEventsPerThread: 1 });
    try {
      const store = scratchStores.get(pool)!;
      const steps = names.slice(0, 4);
      /** Slots of the scattered step events: one per row, a spare one per range and thread. */
      const slots = (users: number) => 4 * users + 2 * bucketRangeCount(users);
      /** Scratch a call without times asks for: the columns copied (4 + 1 + 8 bytes per row) and
       * the scattered step events (8 + 2 bytes per slot). */
      const setBytes = (users: number) => 13 * 4 * users + 10 * slots(users);
      for (let round = 1; round <= 6; round += 1) {
        const users = 1000 * round;
        const columns = interleaved(users);
        const options = { steps, window: { days: 1 }, timeToConvert: false };
        const result = await pool.computeFunnel(columns, options);
        expect(result.convertedUsers).toBe(users);
        expect(result).toEqual(computeFunnel(columns, options));
        // At most what this call (the largest so far) asked for; at least its event times, the
        // largest buffer. Kept for every size, the rounds would add up (old: 1 + 2 + … times).
        expect(store.spareBytes).toBeLessThanOrEqual(setBytes(users));
        expect(store.spareBytes).toBeGreaterThanOrEqual(8 * slots(users));
      }
      // With time to convert, two more regions of (steps − 1) × users doubles (48 bytes per user):
      // 2000 users need less than the 6000-user call, so nothing is added.
      const users = 2000;
      const columns = interleaved(users);
      const options = { steps, window: { days: 1 }, timeToConvert: true };
      expect(await pool.computeFunnel(columns, options)).toEqual(computeFunnel(columns, options));
      expect(48 * users + setBytes(users)).toBeLessThan(setBytes(6000));
      expect(store.spareBytes).toBeLessThanOrEqual(setBytes(6000));
      // A call in flight when the pool closes gives nothing back.
      const inFlight = pool.computeFunnel(columns, options).catch((error: Error) => error);
      await pool.close();
      expect(await inFlight).toBeInstanceOf(Error);
      expect(store.spareBytes).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('close() while calls are in flight, or between two steps of a call: every call settles', {
    timeout: 30_000,
  }, async () => {
    const columns = interleaved(3000);
    const options = { steps: names.slice(0, 4), window: { days: 1 }, timeToConvert: true };
    const expected = computeFunnel(columns, options);
    const settle = (call: Promise<unknown>) =>
      call.then(
        (result) => expect(result).toEqual(expected),
        (error: Error) => expect(error.message).toMatch(/closed/),
      );

    // Calls in flight, the pool closed after the first has answered.
    const busy = createFunnelPool({ threads: 3, minEventsPerThread: 1 });
    await busy.computeFunnel(columns, options);
    const calls = Array.from({ length: 4 }, () => settle(busy.computeFunnel(columns, options)));
    await busy.close();
    await Promise.all(calls);

    // Between two steps: the options are read again after the validation step, and that read
    // closes the pool; the call's next step must not wait for workers that are gone.
    const pool = createFunnelPool({ threads: 2, minEventsPerThread: 1 });
    await pool.computeFunnel(columns, options); // workers started
    let reads = 0;
    const closing = {
      ...options,
      get steps() {
        reads += 1;
        if (reads === 2) void pool.close();
        return options.steps;
      },
    };
    await expect(pool.computeFunnel(columns, closing)).rejects.toThrow(/closed/);
    expect(reads).toBe(2);
  });
});
