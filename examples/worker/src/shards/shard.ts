/**
 * A slice of one run's customers: the ids in `(after, through]` in the store's id order. Shards are
 * planned once per run by walking `store.listCustomerIds`, so together they cover every customer
 * exactly once, and any worker on any machine can process one with nothing but the store.
 */
export interface Shard {
  /** The run it belongs to (`run:<asOf>`). */
  readonly runId: string;
  /** The run's instant. */
  readonly asOf: string;
  /** Position in the run, from 0. */
  readonly index: number;
  /** How many shards the run has. */
  readonly shardCount: number;
  /** The last id before the shard (exclusive), or `null` for the first shard. */
  readonly after: string | null;
  /** The last id of the shard (inclusive). */
  readonly through: string;
  /** Customers the shard held when it was planned. */
  readonly plannedSize: number;
  /** The churn model version every shard of the run uses (`null`: rules or none). */
  readonly modelVersion: string | null;
  /**
   * The `asOf` of the latest earlier run, or `null` for the first run: then there is no previous
   * health result to compare with, and the per-customer look-ups are skipped.
   */
  readonly previousRunAsOf: string | null;
}

/** The id a shard is known by in queues and in its completion record: `<runId>:shard:<index>`. */
export function shardId(shard: Pick<Shard, 'runId' | 'index'>): string {
  return `${shard.runId}:shard:${String(shard.index).padStart(6, '0')}`;
}

/** The run id of an instant: one run per `asOf`, so a re-run of the same instant resumes it. */
export function runIdOf(asOf: string): string {
  return `run:${asOf}`;
}

/**
 * Compares two ids by Unicode code points: the order of PostgreSQL's "C" collation (which the
 * store's `order by id` uses) and of the memory store, unlike `<` on UTF-16 strings for characters
 * outside the Basic Multilingual Plane.
 */
export function compareIds(left: string, right: string): number {
  if (left === right) return 0;
  const leftPoints = Array.from(left);
  const rightPoints = Array.from(right);
  const length = Math.min(leftPoints.length, rightPoints.length);
  for (let index = 0; index < length; index += 1) {
    const difference = leftPoints[index]!.codePointAt(0)! - rightPoints[index]!.codePointAt(0)!;
    if (difference !== 0) return difference;
  }
  return leftPoints.length - rightPoints.length;
}
