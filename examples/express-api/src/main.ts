import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadEnvFile } from 'node:process';
import { createFaqIndex, createOfflineModel, createSupportBot } from '@kizuna/chat';
import { noiseServiceFaq } from '@kizuna/chat/faq-data';
import { createOpenAIModel } from '@kizuna/chat/openai';
import { pino } from 'pino';
import { addApiKeyToFile, readApiKeyFile } from './api-key-file';
import { readConfig } from './config';
import { createApp } from './create-app';
import { createNotifier } from './create-notifier';
import { openStore } from './open-store';
import { startWorkerLoop } from './worker-loop';

/**
 * Starts the API from the environment (see `.env.example`): PostgreSQL at `DATABASE_URL`, or
 * embedded PGlite in `.kizuna/data`; the pipeline in-process unless `KIZUNA_WORKER=off`.
 */
// A local .env (see .env.example) fills in what the environment does not set.
if (existsSync('.env')) loadEnvFile('.env');
const config = readConfig(process.env);
const logger = pino({ level: config.LOG_LEVEL });

const { store, location } = await openStore(config);
// Printed whatever the log level: where the data lives is the first thing a user needs to know.
console.log(`Kizuna API data: ${location}`);

let apiKeys = config.KIZUNA_API_KEYS ?? (await readApiKeyFile(config.KIZUNA_API_KEYS_FILE));
if (apiKeys === undefined) {
  const { key, stored } = await addApiKeyToFile(config.KIZUNA_API_KEYS_FILE, {
    name: 'first admin',
    scope: 'admin',
  });
  apiKeys = [stored];
  console.log(
    `\nNo API keys yet: created an admin key (its hash is in ${config.KIZUNA_API_KEYS_FILE}). It is shown only now:\n\n  ${key}\n`,
  );
}

const notifier = createNotifier({
  logger,
  ...(config.KIZUNA_WEBHOOK_URL === undefined ? {} : { webhookUrl: config.KIZUNA_WEBHOOK_URL }),
});
const model =
  config.OPENAI_API_KEY === undefined
    ? createOfflineModel()
    : createOpenAIModel({
        apiKey: config.OPENAI_API_KEY,
        model: config.OPENAI_MODEL,
        ...(config.OPENAI_BASE_URL === undefined ? {} : { baseURL: config.OPENAI_BASE_URL }),
      });
console.log(
  `Kizuna API chat model: ${model.name}${config.OPENAI_API_KEY === undefined ? ' (no OPENAI_API_KEY: deterministic offline answers)' : ''}`,
);
const supportBot = createSupportBot({ model, faq: createFaqIndex(noiseServiceFaq), notifier, store });

const worker =
  config.KIZUNA_WORKER === 'on'
    ? startWorkerLoop({
        store,
        logger,
        timeZone: config.KIZUNA_TIME_ZONE,
        intervalSeconds: config.KIZUNA_WORKER_INTERVAL_SECONDS,
      })
    : undefined;

const { app } = createApp({
  store,
  apiKeys,
  logger,
  supportBot,
  corsOrigins: config.CORS_ORIGINS,
  timeZone: config.KIZUNA_TIME_ZONE,
  jsonBodyLimitBytes: config.JSON_BODY_LIMIT_BYTES,
  audioBodyLimitBytes: config.AUDIO_BODY_LIMIT_BYTES,
  ...(worker === undefined ? {} : { pipeline: worker }),
});

const server = app.listen(config.PORT, config.HOST, () => {
  const { port } = server.address() as AddressInfo;
  console.log(`Kizuna API listening on http://${config.HOST}:${port} (OpenAPI at /openapi.json)`);
});

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'stopping');
  server.close();
  await worker?.stop();
  await store.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
