import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addApiKeyToFile } from '../../express-api/src/api-key-file';

const examples = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the demo's processes listen. */
export interface ServeOptions {
  /** The PGlite folder the demo filled. */
  readonly dataDir: string;
  /** The demo's "today", so the dashboard's "this month" matches the data. */
  readonly asOf: string;
  /** @defaultValue 3000 */
  readonly apiPort?: number;
  /** @defaultValue 3001 */
  readonly dashboardPort?: number;
  /** The description (JSON) of a recording the Noise page shows as its ready example report. */
  readonly exampleRecording?: string;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('exit', (code) =>
      code === 0 ? resolvePromise() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

function waitForHealthy(url: string, child: ChildProcess, timeoutMilliseconds: number): Promise<void> {
  const deadline = Date.now() + timeoutMilliseconds;
  return new Promise((resolvePromise, reject) => {
    const attempt = async () => {
      if (child.exitCode !== null) return reject(new Error(`the process exited with code ${child.exitCode}`));
      try {
        if ((await fetch(url)).ok) return resolvePromise();
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline)
        return reject(new Error(`${url} did not answer within ${timeoutMilliseconds} ms`));
      setTimeout(attempt, 500);
    };
    void attempt();
  });
}

/**
 * Serves the demo's data: starts the Express API on the PGlite folder (the demo's store must be
 * closed first: one process at a time owns a PGlite folder) with a fresh admin key, then builds and
 * starts the Next.js dashboard against it, and keeps both running until Ctrl+C. Returns the URLs
 * and the key.
 */
export async function serveDemo(
  options: ServeOptions,
): Promise<{ apiUrl: string; apiKey: string; dashboardUrl: string; stop: () => void }> {
  const apiPort = options.apiPort ?? 3000;
  const keysFile = join(options.dataDir, '..', 'demo-api-keys.json');
  mkdirSync(dirname(keysFile), { recursive: true });
  rmSync(keysFile, { force: true });
  const { key } = await addApiKeyToFile(keysFile, { name: 'demo admin', scope: 'admin' });
  const api = spawn(process.execPath, ['--import', 'tsx', join(examples, 'express-api/src/main.ts')], {
    cwd: join(examples, 'express-api'),
    env: {
      ...process.env,
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      KIZUNA_DATA_DIR: options.dataDir,
      KIZUNA_API_KEYS_FILE: keysFile,
      KIZUNA_WORKER: 'off',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  await waitForHealthy(`${apiUrl}/healthz`, api, 120_000);

  const dashboardDirectory = join(examples, 'next-dashboard');
  const next = join(dashboardDirectory, 'node_modules', '.bin', 'next');
  const dashboardPort = options.dashboardPort ?? 3001;
  const dashboardEnvironment = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    KIZUNA_API_URL: apiUrl,
    KIZUNA_API_KEY: key,
    KIZUNA_AS_OF: options.asOf,
    ...(options.exampleRecording === undefined ? {} : { KIZUNA_EXAMPLE_RECORDING: options.exampleRecording }),
  };
  console.log('Building the dashboard (Next.js) …');
  await run(next, ['build'], dashboardDirectory, dashboardEnvironment);
  const dashboard = spawn(next, ['start', '-p', String(dashboardPort), '-H', '127.0.0.1'], {
    cwd: dashboardDirectory,
    env: dashboardEnvironment,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const dashboardUrl = `http://127.0.0.1:${dashboardPort}`;
  await waitForHealthy(dashboardUrl, dashboard, 120_000);
  const stop = () => {
    dashboard.kill('SIGTERM');
    api.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return { apiUrl, apiKey: key, dashboardUrl, stop };
}
