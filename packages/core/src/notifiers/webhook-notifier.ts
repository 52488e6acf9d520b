import ky, { HTTPError, TimeoutError } from 'ky';
import type { Action, JsonValue } from '../actions/action';
import { KizunaError } from '../errors/kizuna-error';
import { parseInput } from '../errors/parse-input';
import { formatActionText } from './format-action';
import type { NotificationReceipt, Notifier } from './notifier';
import { type WebhookNotifierOptions, webhookNotifierOptionsSchema } from './webhook-notifier-options';

/** Statuses worth another attempt: timeouts, rate limits and server errors. */
const retryableStatuses = [408, 425, 429, 500, 502, 503, 504];
/** Statuses whose `Retry-After` header sets the wait. */
const retryAfterStatuses = [413, 429, 503];
/** How many delivered keys a notifier remembers to refuse a second send. */
const rememberedKeys = 10_000;

/** Extra options that are functions, so they live outside the zod schema. */
export interface WebhookNotifierHooks {
  /**
   * Builds the JSON body. The default is Slack-compatible: `{ text }`, one line per action.
   */
  readonly formatBody?: (action: Action) => JsonValue;
  /** The fetch to use (tests, proxies). @defaultValue globalThis.fetch */
  readonly fetch?: typeof fetch;
}

/**
 * Creates a notifier that POSTs each action as JSON to a webhook (Slack-compatible by default).
 *
 * Delivery: each attempt has a timeout; timeouts, network errors, 408/425/429 and 5xx are retried
 * with exponential backoff (POST included, because every request carries the action's
 * `Idempotency-Key` header), and `Retry-After` is honoured for 413/429/503. After the last attempt
 * it rejects with a `KizunaError` (`NOTIFICATION_FAILED`) saying how many attempts were made and
 * what the last one got. A key that was delivered is never sent again by this notifier, and two
 * concurrent sends of one key share one request.
 *
 * @throws KizunaValidationError when the options are invalid
 * @example
 * ```ts
 * const action = actionSchema.parse({
 *   idempotencyKey: 'alert:detractor:c1:2026-04', type: 'csm_intervention', customerId: 'c1', channel: 'slack',
 *   owner: 'csm', priority: 'critical', automated: false, dueAt: '2026-04-15T00:00:00Z',
 *   title: 'NPS 3 from ABC 株式会社: call within 24 h', source: { engine: 'health', ruleId: 'detractor' },
 * });
 * // In production: createWebhookNotifier({ url: process.env.SLACK_WEBHOOK_URL!, name: 'slack' }).
 * // Here a `fetch` stands in for Slack and prints what would be posted.
 * const slack = createWebhookNotifier({
 *   url: 'https://hooks.slack.com/services/T000/B000/XXXX',
 *   name: 'slack',
 *   fetch: async (request) => {
 *     console.log(await (request as Request).text()); // {"text":"🔴 [critical] csm_intervention for c1 (csm, …"}
 *     return new Response('ok');
 *   },
 * });
 * console.log(await slack.send(action)); // { notifier: 'slack', status: 200, attempts: 1 }
 * ```
 */
export function createWebhookNotifier(options: WebhookNotifierOptions & WebhookNotifierHooks): Notifier {
  const { formatBody, fetch: customFetch, ...rest } = options;
  const settings = parseInput(webhookNotifierOptionsSchema, rest, 'webhook notifier options');
  const delivered = new Map<string, NotificationReceipt>();
  const inFlight = new Map<string, Promise<NotificationReceipt>>();
  const body = formatBody ?? ((action: Action) => ({ text: formatActionText(action) }));

  async function deliver(action: Action, signal?: AbortSignal): Promise<NotificationReceipt> {
    let attempts = 0;
    try {
      const response = await ky.post(settings.url, {
        json: body(action),
        headers: { ...settings.headers, 'Idempotency-Key': action.idempotencyKey },
        timeout: settings.timeoutMilliseconds,
        throwHttpErrors: true,
        ...(signal === undefined ? {} : { signal }),
        ...(customFetch === undefined ? {} : { fetch: customFetch }),
        retry: {
          limit: settings.retries,
          methods: ['post'],
          statusCodes: retryableStatuses,
          afterStatusCodes: retryAfterStatuses,
          maxRetryAfter: settings.maxRetryAfterMilliseconds,
          backoffLimit: settings.maxDelayMilliseconds,
          retryOnTimeout: true,
          // ky would wait at most maxRetryAfter and retry anyway; a receiver asking for a longer pause
          // should get it, so give up now and let the outbox try again later.
          shouldRetry: ({ error }) =>
            error instanceof HTTPError &&
            retryAfterMilliseconds(error.response.headers.get('retry-after')) >
              settings.maxRetryAfterMilliseconds
              ? false
              : undefined,
          delay: (attempt) =>
            settings.baseDelayMilliseconds * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5),
        },
        hooks: {
          beforeRequest: [
            () => {
              attempts += 1;
            },
          ],
        },
      });
      return { notifier: settings.name, status: response.status, attempts };
    } catch (error) {
      throw describeFailure(settings.name, attempts, error);
    }
  }

  return {
    name: settings.name,
    send(action, sendOptions = {}) {
      const done = delivered.get(action.idempotencyKey);
      if (done !== undefined) return Promise.resolve(done);
      const pending = inFlight.get(action.idempotencyKey);
      if (pending !== undefined) return pending;
      const attempt = deliver(action, sendOptions.signal)
        .then((receipt) => {
          delivered.set(action.idempotencyKey, receipt);
          if (delivered.size > rememberedKeys) delivered.delete(delivered.keys().next().value as string);
          return receipt;
        })
        .finally(() => inFlight.delete(action.idempotencyKey));
      inFlight.set(action.idempotencyKey, attempt);
      return attempt;
    },
  };
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds; 0 when absent or invalid. */
function retryAfterMilliseconds(header: string | null): number {
  if (header === null) return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? 0 : Math.max(0, date - Date.now());
}

function describeFailure(name: string, attempts: number, error: unknown): KizunaError {
  const tries = `${attempts} attempt${attempts === 1 ? '' : 's'}`;
  if (error instanceof HTTPError) {
    const status = error.response.status;
    return new KizunaError(
      `Webhook "${name}" failed after ${tries}: HTTP ${status} ${error.response.statusText}`.trim(),
      {
        code: 'NOTIFICATION_FAILED',
        cause: error,
        isRetryable: retryableStatuses.includes(status) || retryAfterStatuses.includes(status),
      },
    );
  }
  if (error instanceof TimeoutError) {
    return new KizunaError(`Webhook "${name}" failed after ${tries}: the request timed out`, {
      code: 'NOTIFICATION_FAILED',
      cause: error,
      isRetryable: true,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  const aborted = error instanceof Error && error.name === 'AbortError';
  return new KizunaError(
    `Webhook "${name}" failed after ${tries}: ${aborted ? 'aborted' : `network error (${message})`}`,
    {
      code: 'NOTIFICATION_FAILED',
      cause: error,
      isRetryable: !aborted,
    },
  );
}
