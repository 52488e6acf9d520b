import * as z from 'zod';

/** What a model's tokens cost, in any currency unit you choose (USD, JPY): per million tokens. */
export const modelPricingSchema = z.object({
  /** Cost of one million input tokens. */
  inputPerMillionTokens: z.number().nonnegative(),
  /** Cost of one million output tokens. */
  outputPerMillionTokens: z.number().nonnegative(),
});

/** Options of {@link createOpenAIModel} (besides `client`). */
export const openAIModelOptionsSchema = z.object({
  /** The model id, e.g. `gpt-4o-mini`, or your server's model name. */
  model: z.string().trim().min(1),
  /** The API key. Without it (and without `client`) every call fails with `UPSTREAM_FAILED`, so the bot falls back. */
  apiKey: z.string().min(1).optional(),
  /** Any OpenAI-compatible server, e.g. `http://127.0.0.1:11434/v1`. @defaultValue the OpenAI API */
  baseURL: z.url().optional(),
  /** The embedding model for FAQ re-ranking. @defaultValue 'text-embedding-3-small' */
  embeddingModel: z.string().min(1).default('text-embedding-3-small'),
  /** Timeout of one attempt. @defaultValue 15000 */
  timeoutMilliseconds: z.number().int().positive().default(15_000),
  /** Retries of timeouts, 408/409/429 and 5xx by the SDK, with backoff. @defaultValue 2 */
  maxRetries: z.number().int().nonnegative().default(2),
  /** Sampling temperature (seeds/001 §6.1). @defaultValue 0.7 */
  temperature: z.number().min(0).max(2).default(0.7),
  /** Output token cap per call (seeds/001 §6.1: 300). @defaultValue 300 */
  maxOutputTokens: z.number().int().positive().default(300),
  /** Estimated input tokens above which a call is refused with `LIMIT_EXCEEDED` before it is sent. @defaultValue 8000 */
  maxInputTokens: z.number().int().positive().default(8_000),
  /** Token prices, for the cost caps. Without them cost is not tracked. */
  pricing: modelPricingSchema.optional(),
  /** Largest estimated cost of one call (input estimate + the output cap); larger calls are refused. */
  maxCostPerCall: z.number().positive().optional(),
  /** Total cost this model may spend; once reached every call is refused with `LIMIT_EXCEEDED`. */
  budget: z.number().positive().optional(),
});

/** OpenAI model options as you may write them. */
export type OpenAIModelOptionsInput = z.input<typeof openAIModelOptionsSchema>;
