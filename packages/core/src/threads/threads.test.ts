import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkerChannel, startEntryWorker, toShared } from './index';

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
    expect(answer).toEqual({ value: 42 });
    await worker.terminate();
  });
});

describe('createWorkerChannel', () => {
  type Reply = { value?: number; error?: string };
  const start = (onFailure?: (error: Error, exitCode?: number) => void) =>
    createWorkerChannel<number | 'throw' | 'exit' | 'fail', number, Reply>(
      startEntryWorker(import.meta.url, 'echo-worker.fixture', { workerData: { add: 1 } }),
      {
        name: 'echo worker',
        onFailure,
        unwrap: (reply) => {
          if (reply.error !== undefined) throw new Error(reply.error);
          return reply.value!;
        },
      },
    );

  it('matches answers to requests in order, and owes nothing once they are in', async () => {
    const channel = start();
    const answers = Promise.all([10, 20, 30].map((value) => channel.ask(value)));
    expect(channel.owed).toBe(3);
    expect(await answers).toEqual([11, 21, 31]);
    expect(channel.owed).toBe(0);
    await channel.close(new Error('closed'));
  });

  it('rejects one request whose answer reports an error, and answers the next', async () => {
    const channel = start();
    const failed = channel.ask('fail');
    const next = channel.ask(4);
    await expect(failed).rejects.toThrow('bad job');
    expect(await next).toBe(5);
    await channel.close(new Error('closed'));
  });

  it('rejects a request that cannot be posted on its own, and the next answers meet their requests', async () => {
    const channel = start();
    const notCloneable = { f: () => 1 } as unknown as number;
    await expect(channel.ask(notCloneable)).rejects.toThrow(/could not be cloned/);
    expect(channel.owed).toBe(0);
    expect(await Promise.all([channel.ask(1), channel.ask(2)])).toEqual([2, 3]);
    await channel.close(new Error('closed'));
  });

  it('holds the process open only while the worker owes an answer', async () => {
    // A process that asked once and does nothing more ends by itself (a ref'd worker would keep it
    // running until the timeout kills it).
    const script = fileURLToPath(new URL('./idle-exit.fixture.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
      timeout: 20_000,
    });
    expect(stdout.split('\n')).toEqual(['owed 1', 'answer 42', '']);
  }, 30_000);

  it('when the worker exits, rejects what it owed and every later request, and tells onFailure once', async () => {
    const failures: string[] = [];
    const channel = start((error, exitCode) => failures.push(`${error.message} / ${exitCode}`));
    const owed = [channel.ask('exit'), channel.ask(1)];
    for (const answer of owed) await expect(answer).rejects.toThrow('echo worker stopped (exit code 3)');
    await expect(channel.ask(2)).rejects.toThrow('exit code 3');
    expect(failures).toEqual(['echo worker stopped (exit code 3) / 3']);
    await channel.close(new Error('closed'));
    expect(failures).toHaveLength(1);
  });

  it('when the worker throws, rejects with its error and tells onFailure without an exit code', async () => {
    const failures: (number | undefined)[] = [];
    const channel = start((_error, exitCode) => failures.push(exitCode));
    await expect(channel.ask('throw')).rejects.toThrow('the fixture threw');
    expect(failures).toEqual([undefined]);
    await channel.close(new Error('closed'));
  });

  it('close rejects what is owed with its reason, and later requests too, without calling onFailure', async () => {
    const failures: Error[] = [];
    const channel = start((error) => failures.push(error));
    const owed = channel.ask(1);
    const closing = channel.close(new Error('the pool was closed'));
    await expect(owed).rejects.toThrow('the pool was closed');
    await closing;
    await expect(channel.ask(2)).rejects.toThrow('the pool was closed');
    expect(failures).toEqual([]);
  });
});
