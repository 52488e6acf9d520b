/** Where a run stands, reported through `onProgress`. */
export interface PipelineProgress {
  readonly runId: string;
  /** `planning` → `scoring` (after every batch or completed shard) → `delivering` → `done`. */
  readonly stage: 'planning' | 'scoring' | 'delivering' | 'done';
  /** Customers processed so far in this run. */
  readonly customersDone: number;
  /** Customers the run covers (known once planned). */
  readonly customersTotal: number;
  /** Shards completed so far, of `shardsTotal`. */
  readonly shardsDone: number;
  readonly shardsTotal: number;
}
