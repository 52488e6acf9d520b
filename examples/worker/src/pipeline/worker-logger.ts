/**
 * The logging surface the pipeline needs: a pino `Logger` fits, and so does anything with these
 * three methods. Each call gets a structured object first and a message second.
 */
export interface WorkerLogger {
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

/** A logger that drops everything: the default when none is given. */
export const silentLogger: WorkerLogger = {
  info() {},
  warn() {},
  error() {},
};
