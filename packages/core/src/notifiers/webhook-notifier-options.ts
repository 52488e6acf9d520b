import * as z from 'zod';

/** Options of {@link createWebhookNotifier}. */
export const webhookNotifierOptionsSchema = z.object({
  /** The URL to POST to, e.g. a Slack incoming-webhook URL. */
  url: z.url({ error: 'expected an http(s) URL', protocol: /^https?$/ }),
  /** Name for logs and events. @defaultValue 'webhook' */
  name: z.string().min(1).default('webhook'),
  /** Time limit of one attempt, in milliseconds. @defaultValue 10000 */
  timeoutMilliseconds: z.number().int().positive().default(10_000),
  /** Retries after the first attempt (so `retries: 3` means up to 4 attempts). @defaultValue 3 */
  retries: z.number().int().min(0).max(10).default(3),
  /** First backoff delay; each retry doubles it (with jitter) up to `maxDelayMilliseconds`. @defaultValue 500 */
  baseDelayMilliseconds: z.number().int().nonnegative().default(500),
  /** Upper bound of one backoff delay. @defaultValue 30000 */
  maxDelayMilliseconds: z.number().int().nonnegative().default(30_000),
  /** The longest `Retry-After` honoured; a longer one fails the attempt at once. @defaultValue 60000 */
  maxRetryAfterMilliseconds: z.number().int().nonnegative().default(60_000),
  /** Extra request headers (an auth token, ...). @defaultValue {} */
  headers: z.record(z.string(), z.string()).default({}),
});

/** Options of {@link createWebhookNotifier}. */
export type WebhookNotifierOptions = z.input<typeof webhookNotifierOptionsSchema>;
