import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The worker example's folder (its tsconfig maps `@kizuna/*` to the packages' sources). */
export const workerExampleDirectory = fileURLToPath(new URL('../../', import.meta.url));
const mainPath = fileURLToPath(new URL('../main.ts', import.meta.url));

/** A `src/main.ts` process started by {@link startWorkerProcess}. */
export interface WorkerProcess {
  readonly child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  readonly output: () => string;
  /** Resolves with the exit code (or the signal name) when it ends. */
  readonly exited: Promise<number | string>;
}

/**
 * Starts `src/main.ts` in a new Node process through tsx, with `arguments_` and extra environment
 * variables: how tests and benchmarks run real coordinator and worker processes.
 */
export function startWorkerProcess(
  arguments_: readonly string[],
  environment: Readonly<Record<string, string>>,
): WorkerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', mainPath, ...arguments_], {
    cwd: workerExampleDirectory,
    env: {
      ...process.env,
      TSX_TSCONFIG_PATH: `${workerExampleDirectory}tsconfig.json`,
      LOG_LEVEL: 'info',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  let size = 0;
  const keep = (chunk: Buffer) => {
    // Keep the last ~2 MB: enough to diagnose a failure without holding every log line.
    chunks.push(chunk.toString());
    size += chunk.length;
    while (size > 2_000_000 && chunks.length > 1) size -= chunks.shift()!.length;
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return { child, output: () => chunks.join(''), exited };
}
