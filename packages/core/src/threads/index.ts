/**
 * `@kizuna/core/threads`: what the engines' Node-only `/parallel` entries share to run on
 * `worker_threads` — starting an entry's worker script, asking a worker for answers, and putting
 * typed arrays in shared memory.
 * Node only; the main entry never imports it.
 *
 * @packageDocumentation
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

export { createWorkerChannel, type WorkerChannel, type WorkerChannelOptions } from './worker-channel';

/** The typed arrays {@link toShared} copies. */
export type SharedTypedArray =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | Float32Array
  | Float64Array;

/**
 * Starts the worker script that sits beside an entry: pass the entry's `import.meta.url` and the
 * script's base name. Built by tsup, the script is `<name>.js` beside an ESM entry and `<name>.cjs`
 * beside a CommonJS one (tsup's `shims` gives the CommonJS build an `import.meta.url`). Run from the
 * TypeScript sources (a package's own tests under vitest), the entry's URL ends in `.ts`: the worker
 * then registers tsx, a development dependency, before it imports `<name>.ts`.
 *
 * @param entryUrl - the calling module's `import.meta.url`
 * @param name - the worker script's base name, beside the entry. @defaultValue 'worker'
 * @param options - passed to `new Worker` (`workerData`, `resourceLimits`, …)
 * @remarks In an engine's `src/parallel/index.ts`, with `src/parallel/worker.ts` beside it and both
 * built as tsup entries: `startEntryWorker(import.meta.url, 'worker', { workerData })`. (No runnable
 * example: it needs a worker script beside the calling module.)
 */
export function startEntryWorker(entryUrl: string, name = 'worker', options: WorkerOptions = {}): Worker {
  if (entryUrl.endsWith('.ts')) {
    const source = JSON.stringify(new URL(`./${name}.ts`, entryUrl).href);
    const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${source}); });`;
    return new Worker(bootstrap, { ...options, eval: true });
  }
  return new Worker(new URL(`./${name}${entryUrl.endsWith('.cjs') ? '.cjs' : '.js'}`, entryUrl), options);
}

/**
 * The values in shared memory, so worker threads read them in place: an array already on a
 * `SharedArrayBuffer` is returned as it is, any other is copied to the start of a shared buffer of
 * the same type — a new one, or one of at least its bytes from `allocate` (a pool's kept scratch).
 *
 * @param allocate - returns a shared buffer of at least the given bytes. @defaultValue a new buffer
 * @example
 * ```ts
 * import { toShared } from '@kizuna/core/threads';
 *
 * const shared = toShared(Float64Array.of(1, 2));
 * console.log(shared.buffer instanceof SharedArrayBuffer, toShared(shared) === shared); // true true
 * ```
 */
export function toShared<Values extends SharedTypedArray>(
  values: Values,
  allocate: (bytes: number) => SharedArrayBuffer = (bytes) => new SharedArrayBuffer(bytes),
): Values {
  if (values.buffer instanceof SharedArrayBuffer) return values;
  const Kind = values.constructor as new (
    buffer: SharedArrayBuffer,
    offset: number,
    length: number,
  ) => Values;
  const copy = new Kind(allocate(values.byteLength), 0, values.length);
  copy.set(values as never);
  return copy;
}
