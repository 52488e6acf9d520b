import type * as z from 'zod';

/** One message sent to a language model. Customer text is always `user`: data, never instructions. */
export interface ModelMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** Tokens a call used. */
export interface TokenUsage {
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** Options every model call accepts. */
export interface ModelCallOptions {
  /** Aborts the call (the bot passes its timeout here). */
  readonly signal?: AbortSignal;
  /** Upper bound on output tokens for this call; the model's own cap applies when lower. */
  readonly maxOutputTokens?: number;
}

/** A request for a structured object validated by a zod schema. */
export interface GenerateObjectRequest<Schema extends z.ZodType> extends ModelCallOptions {
  readonly messages: readonly ModelMessage[];
  readonly schema: Schema;
  /** A short name for the schema (`support_reply`), sent to providers that name response formats. */
  readonly schemaName: string;
}

/** A request for free text. */
export interface GenerateTextRequest extends ModelCallOptions {
  readonly messages: readonly ModelMessage[];
}

/** A streamed reply: the text as it arrives, and the whole result once done. */
export interface TextStream {
  /** Text deltas, in order. */
  readonly textStream: AsyncIterable<string>;
  /** The full text and usage; rejects like `generateText` does. */
  readonly result: Promise<{ readonly text: string; readonly usage: TokenUsage }>;
}

/**
 * The language-model port. Adapters: `createOpenAIModel` from `@kizuna/chat/openai` (any OpenAI-compatible server) and
 * {@link createOfflineModel} (deterministic, no network).
 *
 * Semantics every adapter guarantees:
 * - `generateObject` resolves only with an object that passed `schema`; output that does not
 *   parse, a refusal or a truncated answer rejects with `UPSTREAM_FAILED`.
 * - Failures reject with a `KizunaError`: `UPSTREAM_FAILED` for the provider (timeout, 429, 5xx,
 *   no API key; `isRetryable` says whether trying later may help) and `LIMIT_EXCEEDED` when a token
 *   or cost cap would be passed. They never resolve with partial data.
 * - A model only returns data. It has no tools: it cannot send, store or change anything.
 */
export interface LanguageModel {
  /** Provider and model id, for logs and events (`openai:gpt-4o-mini`, `offline`). */
  readonly name: string;
  /** A structured reply validated against `request.schema`. */
  generateObject<Schema extends z.ZodType>(
    request: GenerateObjectRequest<Schema>,
  ): Promise<{ readonly object: z.output<Schema>; readonly usage: TokenUsage }>;
  /** A free-text reply. */
  generateText(request: GenerateTextRequest): Promise<{ readonly text: string; readonly usage: TokenUsage }>;
  /** A free-text reply, streamed. */
  streamText(request: GenerateTextRequest): TextStream;
  /** Embeddings for FAQ re-ranking; absent when the adapter has none. */
  readonly embed?: (texts: readonly string[]) => Promise<readonly (readonly number[])[]>;
}
