import type { Transferable, Worker } from 'node:worker_threads';

/** Options of {@link createWorkerChannel}. */
export interface WorkerChannelOptions<Message, Answer> {
  /**
   * Turns the worker's message into the answer, or throws to reject that one request (say, when the
   * message reports an error the worker caught). @defaultValue the message itself
   */
  readonly unwrap?: (message: Message) => Answer;
  /**
   * Called once, with the reason, when the worker fails or stops (not after `close`); `exitCode` is
   * set when it stopped (an `exit`), undefined when it failed (an `error` or an unreadable answer).
   */
  readonly onFailure?: (error: Error, exitCode?: number) => void;
  /** Names the worker in the error of an unexpected exit. @defaultValue 'worker' */
  readonly name?: string;
}

/** Requests to one worker and its answers; see {@link createWorkerChannel}. */
export interface WorkerChannel<Request, Answer> {
  readonly worker: Worker;
  /** Answers the worker still owes. */
  readonly owed: number;
  /**
   * Posts `request` and resolves with the worker's answer to it; rejects when the worker failed,
   * stopped or the channel was closed (before or while waiting).
   */
  ask(request: Request, transfer?: readonly Transferable[]): Promise<Answer>;
  /** Rejects what is owed and every later request with `reason`, and terminates the worker. */
  close(reason: Error): Promise<void>;
}

/**
 * Requests to a worker thread that answers each message once, in the order it got them — what the
 * engines' `/parallel` pools need from their workers:
 *
 * - `ask` returns a promise of the answer: answers are matched to requests first in, first out;
 * - the worker keeps the process alive only while it owes an answer (`ref` while owed, `unref` when
 *   idle), so an idle pool never holds a script open;
 * - when the worker fails (`error`, or an answer that cannot be read) or stops (`exit`), every owed
 *   answer and every later request rejects with the reason, and `onFailure` hears it once: nothing
 *   is left waiting for ever;
 * - a request that cannot be posted (not cloneable) rejects alone and is never owed.
 *
 * @param worker - a started worker (see `startEntryWorker`); the channel listens to its events
 * @param options - how to read its messages, whom to tell when it fails
 * @remarks No runnable example: it needs a worker script. In an engine's `src/parallel/index.ts`:
 * `const channel = createWorkerChannel<Job, Result>(startEntryWorker(import.meta.url))`, then
 * `await channel.ask(job)`, and `channel.close(new Error('the pool was closed'))` on close.
 */
export function createWorkerChannel<Request, Answer, Message = Answer>(
  worker: Worker,
  options: WorkerChannelOptions<Message, Answer> = {},
): WorkerChannel<Request, Answer> {
  const unwrap = options.unwrap ?? ((message: Message) => message as unknown as Answer);
  const owed: { resolve(answer: Answer): void; reject(error: Error): void }[] = [];
  let stoppedWith: Error | null = null;

  const stop = (reason: Error): boolean => {
    if (stoppedWith !== null) return false;
    stoppedWith = reason;
    for (const waiting of owed.splice(0)) waiting.reject(reason);
    worker.unref();
    return true;
  };
  worker.unref();
  worker.on('message', (message: Message) => {
    const waiting = owed.shift();
    if (owed.length === 0) worker.unref();
    if (waiting === undefined) return;
    try {
      waiting.resolve(unwrap(message));
    } catch (error) {
      waiting.reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
  const fail = (error: Error, exitCode?: number): void => {
    if (stop(error)) options.onFailure?.(error, exitCode);
  };
  worker.on('error', fail);
  // An answer that cannot be read leaves its request unanswered, and every answer after it would
  // meet the wrong request: the channel cannot go on.
  worker.on('messageerror', fail);
  worker.on('exit', (code) =>
    fail(new Error(`${options.name ?? 'worker'} stopped (exit code ${code})`), code),
  );

  return {
    worker,
    get owed() {
      return owed.length;
    },
    ask(request, transfer) {
      if (stoppedWith !== null) return Promise.reject(stoppedWith);
      return new Promise<Answer>((resolve, reject) => {
        // Posted first: a request that cannot be posted (not cloneable, a bad transfer list) rejects
        // here and is never owed, so the answers after it still meet their own requests.
        worker.postMessage(request, transfer);
        owed.push({ resolve, reject });
        worker.ref();
      });
    },
    async close(reason) {
      stop(reason);
      await worker.terminate();
    },
  };
}
