// The pipeline
export { type ChurnStage, type ChurnStageOutcome, unavailableChurnStage } from './churn/churn-stage';
export {
  churnPipelineOptionsSchema,
  outboxPipelineOptionsSchema,
  type ParsedPipelineOptions,
  type PipelineOptions,
  pipelineOptionsSchema,
} from './pipeline/pipeline-options';
export type { PipelineProgress } from './pipeline/pipeline-progress';
export { type PipelineContext, processCustomers, resultKinds } from './pipeline/process-customers';
export { runPipeline } from './pipeline/run-pipeline';
export { listRunRecords, runRecordKind, runRecordOwner, writeRunRecord } from './pipeline/run-record';
export type { RunReport, RunStatus } from './pipeline/run-report';
export type { CustomerFailure, ShardWork } from './pipeline/shard-work';
export { silentLogger, type WorkerLogger } from './pipeline/worker-logger';
// Scheduling
export {
  createInProcessScheduler,
  type InProcessScheduler,
  type InProcessSchedulerOptions,
  inProcessSchedulerOptionsSchema,
} from './scheduler/in-process-scheduler';
// Shards
export { planShards } from './shards/plan-shards';
export { type RunShardOptions, runShard, type ShardOutcome } from './shards/run-shard';
export { runIdOf, type Shard, shardId } from './shards/shard';
export { readShardRecord, type ShardRecord, shardRecordKind } from './shards/shard-record';
