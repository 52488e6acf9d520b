import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The dashboard's folder. */
export const dashboardRoot = fileURLToPath(new URL('../../', import.meta.url));
const nextBin = fileURLToPath(new URL('../../node_modules/.bin/next', import.meta.url));

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function run(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(nextBin, args, { cwd: dashboardRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next ${args.join(' ')} exited with ${code}:\n${output}`)),
    );
  });
}

/** Runs `next build` in the dashboard's folder. */
export function buildDashboard(): Promise<void> {
  return run(['build'], { ...process.env, NEXT_TELEMETRY_DISABLED: '1' });
}

/** A running `next start`. */
export interface RunningDashboard {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts the built dashboard with `next start` on a free port of 127.0.0.1 against an API, and
 * waits until it answers.
 */
export async function startDashboard(
  api: {
    readonly url: string;
    readonly key: string;
    readonly asOf: string;
  },
  options: { readonly exampleRecording?: string } = {},
): Promise<RunningDashboard> {
  const port = await freePort();
  const child: ChildProcess = spawn(nextBin, ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: dashboardRoot,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      KIZUNA_API_URL: api.url,
      KIZUNA_API_KEY: api.key,
      KIZUNA_AS_OF: api.asOf,
      ...(options.exampleRecording === undefined
        ? {}
        : { KIZUNA_EXAMPLE_RECORDING: options.exampleRecording }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/executive`);
      if (response.status < 500) break;
    } catch {
      // Not listening yet.
    }
    if (attempt > 600) throw new Error(`next start did not answer:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
