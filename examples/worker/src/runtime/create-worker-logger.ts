import pino, { type Logger } from 'pino';
import type { WorkerEnvironment } from '../config/worker-config';

/**
 * The worker's structured logger: pino JSON lines on stdout, at `LOG_LEVEL`. When a progress bar
 * owns the terminal, only warnings and errors are logged unless `LOG_LEVEL` asks for more.
 */
export function createWorkerLogger(
  environment: WorkerEnvironment,
  options: { readonly progressBar: boolean; readonly name: string },
): Logger {
  const explicit = process.env.LOG_LEVEL !== undefined && process.env.LOG_LEVEL !== '';
  const level = options.progressBar && !explicit ? 'warn' : environment.LOG_LEVEL;
  return pino({ name: options.name, level, base: { pid: process.pid } });
}
