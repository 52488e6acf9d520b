// The pipeline
export { type ChurnStage, type ChurnStageOutcome, unavailableChurnStage } from './churn/churn-stage';
// Configuration and runtime
export {
  parseWorkerEnvironment,
  type StoreLocation,
  storeLocationOf,
  type WorkerEnvironment,
  workerEnvironmentSchema,
} from './config/worker-config';
export {
  alertJourneyPlans,
  type JourneyPlansValue,
  journeyPlansKind,
  journeyPlansValueSchema,
  type StoredJourneyPlan,
  storedJourneyPlan,
  storedJourneyPlanSchema,
} from './pipeline/journey-plans';
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
export { createProgressReporter, type ProgressReporter } from './progress/create-progress-reporter';
// Queues: one machine (pg-boss), many machines (BullMQ), or in-process
export {
  type BullmqShardQueueOptions,
  bullmqJobId,
  createBullmqShardQueue,
} from './queue/bullmq-shard-queue';
export { type CoordinateRunOptions, coordinateRun } from './queue/coordinate-run';
export { createShardHandler, type ShardHandlerOptions } from './queue/create-shard-handler';
export { createMemoryShardQueue, type MemoryShardQueueOptions } from './queue/memory-shard-queue';
export {
  createPgBossShardQueue,
  type PgBossShardQueueOptions,
  pgBossJobId,
} from './queue/pg-boss-shard-queue';
export type { ShardHandler, ShardQueue } from './queue/shard-queue';
export { openStore } from './runtime/open-store';
// Scheduling
export {
  createInProcessScheduler,
  type InProcessScheduler,
  type InProcessSchedulerOptions,
  inProcessSchedulerOptionsSchema,
} from './scheduler/in-process-scheduler';
// Demo data
export {
  type GenerateCustomersOptions,
  type GeneratedRecords,
  generateCustomers,
  generatedCustomerId,
} from './seed/generate-customers';
export { seedCustomers } from './seed/seed-customers';
// Shards
export { planShards } from './shards/plan-shards';
export { type RunShardOptions, runShard, type ShardOutcome } from './shards/run-shard';
export { runIdOf, type Shard, shardId } from './shards/shard';
export { readShardRecord, type ShardRecord, shardRecordKind } from './shards/shard-record';
