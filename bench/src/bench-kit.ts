import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** One row of a results table: column name → value. */
export type BenchRow = Readonly<Record<string, string | number>>;

/** A titled table of results, with notes (skipped references, machine facts). */
export interface BenchSection {
  readonly title: string;
  readonly rows: readonly BenchRow[];
  readonly notes?: readonly string[];
}

/** A benchmark suite: one file in `src/suites/`, default-exported. */
export interface BenchSuite {
  /** Short name used to select it: `pnpm bench health`. */
  readonly name: string;
  run(): Promise<readonly BenchSection[]>;
}

/** Times a function: runs it `warmup` times, then `iterations` times, and returns the median in ms. */
export async function medianMilliseconds(
  run: () => unknown | Promise<unknown>,
  options: { readonly iterations?: number; readonly warmup?: number } = {},
): Promise<number> {
  const iterations = options.iterations ?? 5;
  for (let index = 0; index < (options.warmup ?? 1); index += 1) await run();
  const times: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((left, right) => left - right);
  return times[Math.floor(times.length / 2)]!;
}

/** The Debian Python that has the reference libraries (python3-sklearn, -xgboost, -scipy). */
export const referencePython = '/usr/bin/python3';

/** True when Debian's python3 can import every module named. */
export function pythonHasModules(modules: readonly string[]): boolean {
  if (!existsSync(referencePython)) return false;
  const probe = spawnSync(referencePython, ['-c', modules.map((name) => `import ${name}`).join('; ')], {
    encoding: 'utf8',
  });
  return probe.status === 0;
}

/**
 * Runs a Python script with Debian's python3, passing `input` as JSON on stdin, and parses the last
 * line of stdout as JSON. Throws with the script's stderr when it fails.
 */
export function runPython<Result>(script: string, input: unknown = null): Result {
  const result = spawnSync(referencePython, ['-c', script], {
    input: JSON.stringify(input),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`python failed (${result.status}): ${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]!) as Result;
}

/** Formats a number for a table: 3 significant digits, thousands separated. */
export function formatNumber(value: number, digits = 3): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return Number(value.toPrecision(digits)).toString();
}

/** Formats a ratio as `2.4×`. */
export function formatRatio(value: number): string {
  return `${formatNumber(value, 3)}×`;
}
