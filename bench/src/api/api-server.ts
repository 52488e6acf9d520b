import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Express example's folder: the server runs there so its tsconfig paths load the engines from source. */
export const expressApiFolder = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'examples',
  'express-api',
);

/** A running API process. */
export interface ApiServer {
  readonly url: string;
  /** Everything the process printed, for the report when something fails. */
  readonly output: () => string;
  /** CPU time (user + system) the server process has used so far, in milliseconds (Linux /proc). */
  cpuMilliseconds(): number;
  stop(): Promise<void>;
}

/**
 * Starts `examples/express-api/src/main.ts` in its own process (so the load generator and the
 * server do not share one event loop) and resolves once it prints the address it listens on.
 */
export function startApiServer(
  environment: Record<string, string>,
  startTimeoutMilliseconds = 120_000,
): Promise<ApiServer> {
  // node itself (not the tsx CLI, which would run the server in a grandchild) so the CPU time read
  // from /proc is the server's; tsx is loaded as a hook and reads the example's tsconfig paths.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: expressApiFolder,
    env: { ...process.env, ...environment, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the API did not start within ${startTimeoutMilliseconds} ms:\n${output}`));
    }, startTimeoutMilliseconds);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          output: () => output,
          cpuMilliseconds: () => processCpuMilliseconds(child.pid!),
          stop,
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited (${code}) before listening:\n${output}`));
    });
  });
}

/** utime + stime of a process from /proc/<pid>/stat, in milliseconds (clock ticks of 10 ms). */
function processCpuMilliseconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat(5); after the command name the list starts at field 3.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
