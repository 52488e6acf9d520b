/** Wall-clock and CPU time of one run, both in milliseconds. */
export interface RunTimes {
  readonly wallMs: number;
  /**
   * User + system CPU time of the whole process, every thread included: DuckDB's worker threads
   * count, so CPU time over wall time shows how many cores a run kept busy.
   */
  readonly cpuMs: number;
}

/**
 * Runs `run` `warmup` times, then `iterations` times, and returns the median wall time and the
 * median CPU time (each median taken on its own). CPU time is the better guide on a shared or
 * loaded machine, wall time what a caller waits on a quiet one.
 */
export async function medianWallAndCpu(
  run: () => unknown | Promise<unknown>,
  options: { readonly iterations?: number; readonly warmup?: number } = {},
): Promise<RunTimes> {
  const iterations = options.iterations ?? 5;
  for (let index = 0; index < (options.warmup ?? 1); index += 1) await run();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const cpuBefore = process.cpuUsage();
    const wallBefore = performance.now();
    await run();
    walls.push(performance.now() - wallBefore);
    const cpu = process.cpuUsage(cpuBefore);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  const median = (values: number[]) => values.sort((left, right) => left - right)[values.length >> 1]!;
  return { wallMs: median(walls), cpuMs: median(cpus) };
}
