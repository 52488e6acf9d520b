import { createFaqIndex, createOfflineModel, createSupportBot, type SupportBot } from '@kizuna/chat';
import { noiseServiceFaq } from '@kizuna/chat/faq-data';
import { type Clock, defaultTimeZone, type Store, systemClock } from '@kizuna/core';
import cors from 'cors';
import express, { type Express } from 'express';
import { type Logger, pino } from 'pino';
import type { ApiContext, PipelineTrigger } from './api-context';
import { type ApiKeyRing, createApiKeyRing, type StoredApiKeyInput } from './api-keys';
import { notFoundHandler, problemErrorHandler } from './middleware/error-handler';
import { requestLogger } from './middleware/request-logger';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi';
import { adminRoutes } from './routes/admin';
import { alertRoutes } from './routes/alerts';
import { bulkHealthRoutes } from './routes/bulk-health';
import { chatRoutes } from './routes/chat';
import { churnRoutes } from './routes/churn';
import { customerJourneyRoutes } from './routes/customer-journeys';
import { customerProfileRoutes } from './routes/customer-profiles';
import { customerRoutes } from './routes/customers';
import { funnelRoutes } from './routes/funnel';
import { healthSummaryRoutes } from './routes/health-summary';
import { mountRoutes } from './routes/mount-routes';
import { noiseRoutes } from './routes/noise';
import { recordRoutes } from './routes/records';
import { renewalRoutes } from './routes/renewals';
import { revenueRoutes } from './routes/revenue';
import type { RouteDefinition } from './routes/route-definition';
import { salesFunnelRoutes } from './routes/sales-funnel';
import { systemRoutes } from './routes/system';

/** Options of {@link createApp}. */
export interface CreateAppOptions {
  /** Where records, results and the outbox live (`createEmbeddedStore`, `createServerStore`, ...). */
  readonly store: Store;
  /** The accepted API keys (hashes only), or a ready ring. */
  readonly apiKeys: readonly StoredApiKeyInput[] | ApiKeyRing;
  /** Origins allowed to call the API from a browser. @defaultValue [] (no cross-origin access) */
  readonly corsOrigins?: readonly string[];
  /** @defaultValue a pino logger at `info` */
  readonly logger?: Logger;
  /** @defaultValue systemClock */
  readonly clock?: Clock;
  /** @defaultValue 'Asia/Tokyo' */
  readonly timeZone?: string;
  /** The in-process worker loop, for the admin pipeline routes. */
  readonly pipeline?: PipelineTrigger;
  /**
   * The support chatbot. @defaultValue a bot on the offline model (no network) with the noise
   * service's FAQ, recording conversations in the store
   */
  readonly supportBot?: SupportBot;
  /** Largest JSON body in bytes. @defaultValue 1 MiB */
  readonly jsonBodyLimitBytes?: number;
  /** Largest WAV upload in bytes. @defaultValue 64 MiB */
  readonly audioBodyLimitBytes?: number;
  /** Most records per ingestion batch. @defaultValue 5000 */
  readonly maxBatchRecords?: number;
}

/** The Express app with its route definitions and OpenAPI document, for tests and tools. */
export interface KizunaApi {
  readonly app: Express;
  readonly routes: readonly RouteDefinition[];
  readonly openApi: OpenApiDocument;
}

/**
 * Builds the Kizuna HTTP API over a store: JSON validated with zod, RFC 9457 problem documents,
 * API keys with scopes and per-key rate limits, explicit CORS, structured request logs and an
 * OpenAPI 3.1 document at `/openapi.json` generated from the same schemas. It does not listen:
 * `src/main.ts` does, and tests listen on port 0.
 *
 * @example
 * ```ts
 * const store = await createEmbeddedStore();
 * const { app } = createApp({ store, apiKeys: [generateApiKey({ name: 'me', scope: 'admin' }).stored] });
 * app.listen(3000);
 * ```
 */
export function createApp(options: CreateAppOptions): KizunaApi {
  const logger = options.logger ?? pino({ level: 'info' });
  const context: ApiContext = {
    store: options.store,
    clock: options.clock ?? systemClock,
    timeZone: options.timeZone ?? defaultTimeZone,
    logger,
    apiKeys: 'verify' in options.apiKeys ? options.apiKeys : createApiKeyRing(options.apiKeys),
    pipeline: options.pipeline,
    supportBot:
      options.supportBot ??
      createSupportBot({
        model: createOfflineModel(),
        faq: createFaqIndex(noiseServiceFaq),
        store: options.store,
      }),
    jsonBodyLimitBytes: options.jsonBodyLimitBytes ?? 1024 * 1024,
    audioBodyLimitBytes: options.audioBodyLimitBytes ?? 64 * 1024 * 1024,
    maxBatchRecords: options.maxBatchRecords ?? 5_000,
  };
  let document: OpenApiDocument | undefined;
  const routes: RouteDefinition[] = [
    ...systemRoutes(context, () => document!),
    ...recordRoutes(context),
    ...customerRoutes(context),
    ...customerJourneyRoutes(context),
    ...healthSummaryRoutes(context),
    ...customerProfileRoutes(context),
    ...bulkHealthRoutes(context),
    ...churnRoutes(context),
    ...alertRoutes(context),
    ...renewalRoutes(context),
    ...funnelRoutes(context),
    // Before revenueRoutes: its `/v1/dashboards/{dashboard}` would take `sales-funnel` as a name.
    ...salesFunnelRoutes(context),
    ...revenueRoutes(context),
    ...chatRoutes(context),
    ...noiseRoutes(context),
    ...adminRoutes(context),
  ];
  document = buildOpenApiDocument(routes, { version: '0.0.0' });

  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');
  app.use(requestLogger(logger));
  app.use(
    cors({
      origin: [...(options.corsOrigins ?? [])],
      methods: ['GET', 'POST', 'PUT', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-API-Key', 'X-Request-Id', 'Accept'],
      exposedHeaders: ['RateLimit', 'RateLimit-Policy', 'Retry-After', 'X-Request-Id'],
      maxAge: 600,
    }),
  );
  const router = express.Router();
  mountRoutes(router, routes, context);
  app.use(router);
  app.use(notFoundHandler());
  app.use(problemErrorHandler(logger));
  return { app, routes, openApi: document };
}
