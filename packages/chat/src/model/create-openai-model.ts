import { KizunaError, parseInput } from '@kizuna/core';
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type * as z from 'zod';
import { estimateTokens } from './estimate-tokens';
import type {
  GenerateObjectRequest,
  GenerateTextRequest,
  LanguageModel,
  TextStream,
  TokenUsage,
} from './language-model';
import { type OpenAIModelOptionsInput, openAIModelOptionsSchema } from './openai-model-options';

/** What an OpenAI model has used so far. */
export interface ModelSpending {
  readonly calls: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  /** In the unit of `pricing`; 0 without pricing. */
  readonly cost: number;
}

/** The OpenAI adapter: the port plus what it has spent. */
export interface OpenAIModel extends LanguageModel {
  /** Calls, tokens and cost so far. */
  spending(): ModelSpending;
}

/** Turns any failure of the SDK into the port's error. */
function toModelError(error: unknown, name: string): KizunaError {
  if (KizunaError.isInstance(error)) return error;
  if (error instanceof APIUserAbortError)
    return new KizunaError(`${name}: the call was aborted or timed out`, {
      code: 'UPSTREAM_FAILED',
      cause: error,
      isRetryable: true,
    });
  if (error instanceof APIConnectionTimeoutError)
    return new KizunaError(`${name}: the request timed out`, {
      code: 'UPSTREAM_FAILED',
      cause: error,
      isRetryable: true,
    });
  if (error instanceof APIError) {
    const status = error.status;
    const retryable =
      status === undefined || status === 408 || status === 409 || status === 429 || status >= 500;
    const what =
      status === 429 ? 'rate limited (429)' : status === undefined ? 'connection failed' : `HTTP ${status}`;
    return new KizunaError(`${name}: ${what}`, {
      code: 'UPSTREAM_FAILED',
      cause: error,
      isRetryable: retryable,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new KizunaError(`${name}: invalid output (${message})`, { code: 'UPSTREAM_FAILED', cause: error });
}

/**
 * The language-model port on the official `openai` SDK. Works with any OpenAI-compatible server
 * through `baseURL`. Structured output uses `openai/helpers/zod` (JSON schema, strict) and is
 * validated again with zod before it is returned; refusals, truncated output and output that does
 * not parse reject with `UPSTREAM_FAILED`. Timeouts and retries are the SDK's (per attempt,
 * exponential backoff, `retry-after` honoured). Token and cost caps are checked before a call is
 * sent: an input estimate above `maxInputTokens`, a call whose estimated cost exceeds
 * `maxCostPerCall`, or a spent `budget` reject with `LIMIT_EXCEEDED` and send nothing.
 *
 * Without `client` and without `apiKey` the model is still created, and every call rejects with
 * `UPSTREAM_FAILED` ("no API key"), so a bot built on it falls back instead of crashing.
 *
 * @param options - settings, or `client` to pass a configured `OpenAI` instance
 * @throws KizunaValidationError when the options are invalid
 * @example
 * ```ts
 * import { createOpenAIModel } from '@kizuna/chat/openai';
 *
 * const model = createOpenAIModel({ apiKey: process.env.OPENAI_API_KEY, model: 'gpt-4o-mini' });
 * const local = createOpenAIModel({ apiKey: 'unused', baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5' });
 * // Without an API key the model is still created; its calls reject, so a bot falls back.
 * console.log(model.name, local.name); // openai:gpt-4o-mini openai:qwen2.5
 * ```
 */
export function createOpenAIModel(
  options: OpenAIModelOptionsInput & { readonly client?: OpenAI },
): OpenAIModel {
  const { client: givenClient, ...rest } = options;
  const settings = parseInput(openAIModelOptionsSchema, rest, 'OpenAI model options');
  const name = `openai:${settings.model}`;
  const client =
    givenClient ??
    (settings.apiKey === undefined
      ? undefined
      : new OpenAI({
          apiKey: settings.apiKey,
          ...(settings.baseURL === undefined ? {} : { baseURL: settings.baseURL }),
          timeout: settings.timeoutMilliseconds,
          maxRetries: settings.maxRetries,
        }));
  let calls = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let cost = 0;
  const priceOf = (input: number, output: number) =>
    settings.pricing === undefined
      ? 0
      : (input * settings.pricing.inputPerMillionTokens + output * settings.pricing.outputPerMillionTokens) /
        1_000_000;

  /** Checks the caps and returns the client and the output cap for this call. */
  function prepare(messages: readonly { readonly content: string }[], maxOutputTokens?: number) {
    if (client === undefined)
      throw new KizunaError(`${name}: no API key (pass apiKey or client)`, { code: 'UPSTREAM_FAILED' });
    const estimate = estimateTokens(messages);
    if (estimate > settings.maxInputTokens)
      throw new KizunaError(
        `${name}: about ${estimate} input tokens exceed the cap of ${settings.maxInputTokens}`,
        {
          code: 'LIMIT_EXCEEDED',
        },
      );
    const outputCap = Math.min(settings.maxOutputTokens, maxOutputTokens ?? settings.maxOutputTokens);
    if (settings.budget !== undefined && cost >= settings.budget)
      throw new KizunaError(`${name}: the budget of ${settings.budget} is spent`, { code: 'LIMIT_EXCEEDED' });
    if (settings.maxCostPerCall !== undefined && priceOf(estimate, outputCap) > settings.maxCostPerCall)
      throw new KizunaError(`${name}: the estimated cost of this call exceeds ${settings.maxCostPerCall}`, {
        code: 'LIMIT_EXCEEDED',
      });
    return { client, outputCap };
  }

  function record(
    usage: { prompt_tokens?: number; completion_tokens?: number } | null | undefined,
  ): TokenUsage {
    const result = { inputTokens: usage?.prompt_tokens ?? 0, outputTokens: usage?.completion_tokens ?? 0 };
    calls += 1;
    inputTokens += result.inputTokens;
    outputTokens += result.outputTokens;
    cost += priceOf(result.inputTokens, result.outputTokens);
    return result;
  }

  const requestOptions = (signal?: AbortSignal) => ({
    timeout: settings.timeoutMilliseconds,
    maxRetries: settings.maxRetries,
    ...(signal === undefined ? {} : { signal }),
  });

  return {
    name,
    spending: () => ({ calls, inputTokens, outputTokens, cost }),

    async generateObject<Schema extends z.ZodType>(request: GenerateObjectRequest<Schema>) {
      const { client: openai, outputCap } = prepare(request.messages, request.maxOutputTokens);
      try {
        const completion = await openai.chat.completions.parse(
          {
            model: settings.model,
            messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
            // biome-ignore lint/suspicious/noExplicitAny: the helper's types are per zod major; the schema is checked below.
            response_format: zodResponseFormat(request.schema as any, request.schemaName),
            max_completion_tokens: outputCap,
            temperature: settings.temperature,
          },
          requestOptions(request.signal),
        );
        const usage = record(completion.usage);
        const message = completion.choices[0]?.message;
        if (message?.refusal)
          throw new KizunaError(`${name}: the model refused (${message.refusal})`, {
            code: 'UPSTREAM_FAILED',
          });
        const parsed = request.schema.safeParse(message?.parsed);
        if (!parsed.success)
          throw new KizunaError(`${name}: invalid output for "${request.schemaName}"`, {
            code: 'UPSTREAM_FAILED',
            cause: parsed.error,
          });
        return { object: parsed.data as z.output<Schema>, usage };
      } catch (error) {
        throw toModelError(error, name);
      }
    },

    async generateText(request: GenerateTextRequest) {
      const { client: openai, outputCap } = prepare(request.messages, request.maxOutputTokens);
      try {
        const completion = await openai.chat.completions.create(
          {
            model: settings.model,
            messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
            max_completion_tokens: outputCap,
            temperature: settings.temperature,
          },
          requestOptions(request.signal),
        );
        const usage = record(completion.usage);
        const text = completion.choices[0]?.message.content;
        if (typeof text !== 'string' || text.trim() === '')
          throw new KizunaError(`${name}: empty output`, { code: 'UPSTREAM_FAILED' });
        return { text, usage };
      } catch (error) {
        throw toModelError(error, name);
      }
    },

    streamText(request: GenerateTextRequest): TextStream {
      const deltas: string[] = [];
      let wake: (() => void) | undefined;
      let finished = false;
      const result = (async () => {
        try {
          const { client: openai, outputCap } = prepare(request.messages, request.maxOutputTokens);
          const stream = await openai.chat.completions.create(
            {
              model: settings.model,
              messages: request.messages.map((message) => ({ role: message.role, content: message.content })),
              max_completion_tokens: outputCap,
              temperature: settings.temperature,
              stream: true,
              stream_options: { include_usage: true },
            },
            requestOptions(request.signal),
          );
          let text = '';
          let usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
          for await (const chunk of stream) {
            const delta = chunk.choices[0]?.delta?.content;
            if (delta) {
              text += delta;
              deltas.push(delta);
              wake?.();
            }
            if (chunk.usage) usage = record(chunk.usage);
          }
          if (text.trim() === '') throw new KizunaError(`${name}: empty output`, { code: 'UPSTREAM_FAILED' });
          return { text, usage };
        } catch (error) {
          throw toModelError(error, name);
        } finally {
          finished = true;
          wake?.();
        }
      })();
      result.catch(() => undefined);
      async function* textStream() {
        let index = 0;
        while (true) {
          if (index < deltas.length) {
            yield deltas[index]!;
            index += 1;
            continue;
          }
          if (finished) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          wake = undefined;
        }
        await result; // surfaces the failure to the consumer of the stream
      }
      return { textStream: textStream(), result };
    },

    async embed(texts) {
      const { client: openai } = prepare(texts.map((content) => ({ content })));
      try {
        const response = await openai.embeddings.create(
          { model: settings.embeddingModel, input: [...texts], encoding_format: 'float' },
          requestOptions(),
        );
        record({ prompt_tokens: response.usage?.prompt_tokens ?? 0, completion_tokens: 0 });
        return [...response.data]
          .sort((left, right) => left.index - right.index)
          .map((item) => item.embedding);
      } catch (error) {
        throw toModelError(error, name);
      }
    },
  };
}
