import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The worker example, whose tsconfig maps `@kizuna/*` to the packages' sources. */
const workerDirectory = fileURLToPath(new URL('../../../examples/worker/', import.meta.url));

/** One end-to-end measurement printed by examples/worker/src/harness/measure-throughput.ts. */
export interface WorkerThroughput {
  readonly queue: string;
  readonly customers: number;
  readonly workers: number;
  readonly churn: boolean;
  readonly status: string;
  readonly scored: number;
  readonly totalMilliseconds: number;
  readonly planMilliseconds: number;
  readonly customersPerSecond: number;
  readonly customersPerSecondAfterPlanning: number;
  readonly notifications: number;
  readonly seedMilliseconds: number;
}

/**
 * Runs the worker example's throughput measurement in its own process tree (coordinator and worker
 * processes on PostgreSQL) and returns its numbers.
 */
export function measureWorkerThroughput(options: {
  readonly customers: number;
  readonly workers: number;
  readonly queue?: 'pg-boss' | 'bullmq';
}): Promise<WorkerThroughput> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/harness/measure-throughput.ts',
        '--customers',
        String(options.customers),
        '--workers',
        String(options.workers),
        '--queue',
        options.queue ?? 'pg-boss',
      ],
      {
        cwd: workerDirectory,
        env: { ...process.env, TSX_TSCONFIG_PATH: `${workerDirectory}tsconfig.json` },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code) => {
      const line = output
        .trim()
        .split('\n')
        .reverse()
        .find((candidate) => candidate.startsWith('{"queue"'));
      if (code !== 0 || line === undefined) {
        reject(new Error(`worker throughput measurement failed (${code}):\n${output.slice(-3_000)}`));
        return;
      }
      resolve(JSON.parse(line) as WorkerThroughput);
    });
  });
}
