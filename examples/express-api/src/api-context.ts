import type { SupportBot } from '@kizuna/chat';
import type { Clock, Store } from '@kizuna/core';
import type { Logger } from 'pino';
import type { ApiKeyRing } from './api-keys';

/** Runs the pipeline once on demand (the in-process worker loop, when there is one). */
export interface PipelineTrigger {
  /** Starts a run now and resolves with what it did (plain JSON). */
  runNow(): Promise<unknown>;
  /** The last recorded runs, newest first (plain JSON). */
  recentRuns(): Promise<readonly unknown[]>;
}

/** What every route factory receives: the store and the settings the routes read. */
export interface ApiContext {
  readonly store: Store;
  readonly clock: Clock;
  /** IANA time zone for calendar-day counts. */
  readonly timeZone: string;
  readonly logger: Logger;
  readonly apiKeys: ApiKeyRing;
  /** The in-process worker loop, when the app runs one. */
  readonly pipeline: PipelineTrigger | undefined;
  /** The support chatbot of the chat routes. */
  readonly supportBot: SupportBot;
  /** Largest JSON body, in bytes. */
  readonly jsonBodyLimitBytes: number;
  /** Largest WAV upload, in bytes. */
  readonly audioBodyLimitBytes: number;
  /** Most records in one ingestion batch. */
  readonly maxBatchRecords: number;
}
